package com.webgrip.deploy.age;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Decodes age's ASCII armor (strict PEM, RFC 7468) as age v1.3 reads it: whitespace only before
 * the BEGIN line and after the END line, lines of exactly 64 columns but the last, padded
 * canonical base64, LF or CRLF line ends, no empty lines, no headers, nothing after the END line.
 * Streams: holds one line at a time.
 */
final class ArmorInputStream extends InputStream {
    static final String BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
    static final String END = "-----END AGE ENCRYPTED FILE-----";
    static final int COLUMNS = 64;
    /** Go age refuses more whitespace than this around the block; so do we. */
    static final int MAX_WHITESPACE = 1024;

    private final InputStream in;
    private final byte[] decoded = new byte[COLUMNS / 4 * 3];
    private int decodedLength;
    private int decodedPosition;
    private boolean begun;
    private boolean ended;
    private boolean sawLastDataLine;
    private int lineNumber;
    private long consumed;

    ArmorInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (decodedPosition == decodedLength) {
            if (ended || !nextDataLine()) {
                return -1;
            }
        }
        int n = Math.min(length, decodedLength - decodedPosition);
        System.arraycopy(decoded, decodedPosition, buffer, offset, n);
        decodedPosition += n;
        return n;
    }

    /** The number of armored bytes consumed so far, for inspection. */
    long consumed() {
        return consumed;
    }

    /** Reads and decodes the next data line; false once the END line and the trailer are read. */
    private boolean nextDataLine() throws IOException {
        if (!begun) {
            skipLeadingWhitespace();
            String first = readLine(true);
            if (!BEGIN.equals(first)) {
                throw error("expected the line " + BEGIN);
            }
            begun = true;
        }
        String line = readLine(false);
        if (line == null) {
            throw error("the armor ends without its END line");
        }
        if (line.equals(END)) {
            ended = true;
            checkTrailer();
            return false;
        }
        if (sawLastDataLine) {
            throw error("expected the END line after a short or padded line");
        }
        if (line.isEmpty()) {
            throw error("empty line inside the armor");
        }
        if (line.length() > COLUMNS) {
            throw error("line has " + line.length() + " columns; expected at most " + COLUMNS);
        }
        if (line.length() < COLUMNS || line.endsWith("=")) {
            sawLastDataLine = true;
        }
        decode(line);
        return true;
    }

    private void decode(String line) throws AgeArmorException {
        if (line.length() % 4 != 0) {
            throw error("line of " + line.length() + " columns is not padded base64");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean alphabet =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            boolean padding =
                    c == '=' && i >= line.length() - 2 && (i == line.length() - 1 || line.charAt(i + 1) == '=');
            if (!alphabet && !padding) {
                throw error(String.format("character U+%04X at column %d is not base64", (int) c, i + 1));
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw error("base64 does not decode: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(line)) {
            throw error("base64 is not canonical");
        }
        System.arraycopy(bytes, 0, decoded, 0, bytes.length);
        decodedLength = bytes.length;
        decodedPosition = 0;
    }

    private void skipLeadingWhitespace() throws IOException {
        for (int count = 0; ; count++) {
            int b = peekByte();
            if (!isWhitespace(b)) {
                return;
            }
            if (count >= MAX_WHITESPACE) {
                throw error("more than " + MAX_WHITESPACE + " bytes of whitespace before the armor");
            }
            if (b == '\n') {
                lineNumber++;
            }
            takePeeked();
        }
    }

    private void checkTrailer() throws IOException {
        for (int count = 0; ; count++) {
            int b = nextByte();
            if (b < 0) {
                return;
            }
            if (!isWhitespace(b)) {
                throw error("data after the END line");
            }
            if (count >= MAX_WHITESPACE) {
                throw error("more than " + MAX_WHITESPACE + " bytes of whitespace after the armor");
            }
        }
    }

    /** A line without its LF or CRLF; null at end of input. End of input also ends the END line. */
    private String readLine(boolean beginLine) throws IOException {
        lineNumber++;
        StringBuilder line = new StringBuilder(COLUMNS);
        while (true) {
            int b = nextByte();
            if (b < 0) {
                return line.length() == 0 ? null : finalUnterminated(line.toString());
            }
            if (b == '\n') {
                return line.toString();
            }
            if (b == '\r') {
                if (nextByte() != '\n') {
                    throw error("carriage return not followed by a line feed");
                }
                return line.toString();
            }
            if (line.length() > COLUMNS + (beginLine ? 0 : END.length())) {
                throw error("line is longer than " + COLUMNS + " columns");
            }
            line.append((char) b);
        }
    }

    private String finalUnterminated(String line) throws AgeArmorException {
        if (!line.equals(END)) {
            throw error("the armor ends in the middle of a line");
        }
        return line;
    }

    private int peeked = -2;

    private int peekByte() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private void takePeeked() {
        peeked = -2;
        consumed++;
    }

    private int nextByte() throws IOException {
        int b = peekByte();
        if (b >= 0) {
            takePeeked();
        }
        return b;
    }

    private static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private AgeArmorException error(String message) {
        return new AgeArmorException("age armor line " + lineNumber + ": " + message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
