package com.webgrip.deploy.age;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The text form of plugin commands (C2SP age-plugin "IPC protocol"): each command is an age
 * header stanza, {@code -> TYPE ARGS...} and a base64 body wrapped at 64 columns that ends with a
 * shorter (possibly empty) line. Reading is bounded; a violation is an
 * {@link IllegalArgumentException} naming it.
 */
final class PluginWire {
    static final int MAX_LINE = 1 << 16;
    static final int MAX_BODY = 1 << 20;
    private static final int COLUMNS = 64;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private PluginWire() {}

    /** One command. Its body may hold a secret (a file key, a PIN): {@link #destroy} zeroes it. */
    static final class Message {
        private final String type;
        private final List<String> arguments;
        private final byte[] body;

        Message(String type, List<String> arguments, byte[] body) {
            this.type = type;
            this.arguments = List.copyOf(arguments);
            this.body = body;
        }

        String type() {
            return type;
        }

        List<String> arguments() {
            return arguments;
        }

        /** The body itself, not a copy: callers zero what they take from it. */
        byte[] body() {
            return body;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        void destroy() {
            Arrays.fill(body, (byte) 0);
        }

        @Override
        public String toString() {
            return "-> " + type + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments)) + " (body "
                    + body.length + " bytes)";
        }
    }

    /**
     * Reads one command.
     *
     * @return null at a clean end of the stream (before the first byte of a command)
     * @throws EOFException when the stream ends inside a command
     */
    static Message read(InputStream in) throws IOException {
        String line = readLine(in, true);
        if (line == null) {
            return null;
        }
        if (!line.startsWith("-> ")) {
            throw new IllegalArgumentException("expected a command line starting with \"-> \"");
        }
        String[] words = line.substring(3).split(" ", -1);
        for (String word : words) {
            if (word.isEmpty()) {
                throw new IllegalArgumentException("command line has an empty argument (two spaces in a row)");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String bodyLine = readLine(in, false);
            if (bodyLine.length() > COLUMNS) {
                throw new IllegalArgumentException(
                        "body line has " + bodyLine.length() + " characters; expected at most " + COLUMNS);
            }
            byte[] decoded = StrictBase64.decode(bodyLine);
            body.write(decoded, 0, decoded.length);
            Arrays.fill(decoded, (byte) 0);
            if (body.size() > MAX_BODY) {
                throw new IllegalArgumentException("body is longer than " + MAX_BODY + " bytes");
            }
            if (bodyLine.length() < COLUMNS) {
                break;
            }
        }
        return new Message(words[0], Arrays.asList(words).subList(1, words.length), body.toByteArray());
    }

    /** Writes one command; the caller flushes. */
    static void write(OutputStream out, String type, List<String> arguments, byte[] body) throws IOException {
        StringBuilder line = new StringBuilder("-> ").append(type);
        for (String argument : arguments) {
            line.append(' ').append(argument);
        }
        out.write(line.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
        // 48 bytes make one 64-column line; byte arrays (not Strings) so that a secret body is zeroed.
        for (int offset = 0; ; offset += 48) {
            int length = Math.min(48, body.length - offset);
            byte[] piece = Arrays.copyOfRange(body, offset, offset + length);
            byte[] encoded = ENCODER.encode(piece);
            out.write(encoded);
            out.write('\n');
            Arrays.fill(piece, (byte) 0);
            Arrays.fill(encoded, (byte) 0);
            if (length < 48) {
                break;
            }
        }
    }

    private static String readLine(InputStream in, boolean endAllowed) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && line.length() == 0) {
                    return null;
                }
                throw new EOFException("the plugin's output ended inside a command");
            }
            if (b == '\n') {
                return line.toString();
            }
            if (b < 0x20 || b > 0x7e) {
                throw new IllegalArgumentException(String.format("line has byte 0x%02x; expected printable ASCII", b));
            }
            if (line.length() >= MAX_LINE) {
                throw new IllegalArgumentException("line is longer than " + MAX_LINE + " characters");
            }
            line.append((char) b);
        }
    }
}
