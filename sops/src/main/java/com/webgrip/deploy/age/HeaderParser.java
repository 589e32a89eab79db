package com.webgrip.deploy.age;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an age header from a stream, byte by byte so that not one payload byte is consumed, and
 * enforces the format exactly: the version line, stanza argument lines, bodies wrapped at 64
 * columns ending with a short line, canonical unpadded base64, and the MAC line.
 */
final class HeaderParser {
    /** A longer line is refused before it is held in memory (post-quantum shares are ~1.5 KB). */
    static final int MAX_LINE_LENGTH = 64 * 1024;
    /**
     * A longer header is refused before it is held in memory. 1 MiB still holds hundreds of
     * post-quantum stanzas (~1.5 KB each).
     */
    static final int MAX_HEADER_LENGTH = 1024 * 1024;
    /**
     * More stanzas are refused: every identity tries every stanza (a scalar multiplication, an
     * ML-KEM decapsulation or a plugin round trip each), so the count bounds the work a hostile
     * header can cause. Real files have one stanza per recipient.
     */
    static final int MAX_STANZAS = 4096;

    private final InputStream in;
    private final ByteArrayOutputStream consumed = new ByteArrayOutputStream();
    private int lineNumber;

    private HeaderParser(InputStream in) {
        this.in = in;
    }

    /** Parses the header; the stream is left at the first byte after the MAC line. */
    static Header parse(InputStream in) throws IOException {
        return new HeaderParser(in).parse();
    }

    private Header parse() throws IOException {
        String version = readLine();
        if (version == null) {
            throw error("the input is empty; expected an age header");
        }
        if (!version.equals(Header.VERSION_LINE)) {
            if (version.startsWith("age-encryption.org/")) {
                throw error("unsupported age version; expected " + Header.VERSION_LINE);
            }
            throw error("not an age file: expected the line " + Header.VERSION_LINE);
        }
        List<Stanza> stanzas = new ArrayList<>();
        String line = readLine();
        while (line != null && line.startsWith("->")) {
            if (stanzas.size() == MAX_STANZAS) {
                throw error("the header has more than " + MAX_STANZAS + " recipient stanzas");
            }
            stanzas.add(readStanza(line));
            line = readLine();
        }
        if (line == null) {
            throw error("the header ends before its MAC line");
        }
        if (!line.startsWith("---")) {
            throw error("expected a stanza (->) or the MAC line (---)");
        }
        if (stanzas.isEmpty()) {
            throw error("the header has no recipient stanza; expected at least one");
        }
        byte[] all = consumed.toByteArray();
        int macInputLength = all.length - line.length() - 1 + 3;
        if (!line.startsWith("--- ")) {
            throw error("MAC line must be '--- ' followed by the MAC");
        }
        byte[] mac;
        try {
            mac = StrictBase64.decodeExactly(line.substring(4), Header.MAC_LENGTH, "header MAC");
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        return new Header(stanzas, Arrays.copyOf(all, macInputLength), mac);
    }

    private Stanza readStanza(String argumentLine) throws IOException {
        if (!argumentLine.startsWith("-> ")) {
            throw error("stanza line must start with '-> '");
        }
        String[] words = argumentLine.substring(3).split(" ", -1);
        for (String word : words) {
            if (word.isEmpty()) {
                throw error("stanza has an empty argument (a doubled, leading or trailing space)");
            }
        }
        StringBuilder body = new StringBuilder();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw error("stanza body ends without its final short line");
            }
            if (line.length() > 64) {
                throw error("stanza body line has " + line.length() + " columns; expected at most 64");
            }
            body.append(line);
            if (line.length() < 64) {
                break;
            }
        }
        try {
            byte[] decoded = StrictBase64.decode(body.toString());
            return Stanza.of(words[0], Arrays.asList(words).subList(1, words.length), decoded);
        } catch (IllegalArgumentException e) {
            throw error("stanza: " + e.getMessage());
        }
    }

    /**
     * Reads one LF-terminated line of printable ASCII (no CR, no controls); null at a clean end of
     * input before any byte of the line.
     */
    private String readLine() throws IOException {
        lineNumber++;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.length() == 0) {
                    return null;
                }
                throw error("the header ends in the middle of a line");
            }
            consumed.write(b);
            if (consumed.size() > MAX_HEADER_LENGTH) {
                throw error("the header is longer than " + MAX_HEADER_LENGTH + " bytes");
            }
            if (b == '\n') {
                return line.toString();
            }
            if (b < 0x20 || b > 0x7e) {
                throw error(String.format("byte 0x%02x is not allowed in the header", b));
            }
            if (line.length() >= MAX_LINE_LENGTH) {
                throw error("line is longer than " + MAX_LINE_LENGTH + " bytes");
            }
            line.append((char) b);
        }
    }

    private AgeHeaderException error(String message) {
        return new AgeHeaderException("age header line " + lineNumber + ": " + message);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
