package com.webgrip.deploy.sops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of an encrypted value, {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]}: its
 * fields found by index (no regular expression, no substrings on the hot path) and its base64
 * fields decoded straight into a caller's buffer.
 */
final class EncText {
    static final String PREFIX = "ENC[AES256_GCM,data:";
    private static final Pattern SOPS = Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]");
    private static final byte[] DECODE = new byte[128];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private EncText() {}

    /**
     * The start and end index of the data, iv, tag and type fields (eight ints), split as sops's
     * greedy regex {@code ^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]} splits them
     * (each field ends at the last separator that still leaves the rest matching); null if the
     * text does not match. The common case is found with {@code lastIndexOf}; odd texts (a field
     * that would be empty) go through the regex itself.
     */
    static int[] bounds(String text) {
        if (!text.startsWith(PREFIX)) {
            return null;
        }
        int close = text.lastIndexOf(']');
        int type = close < 0 ? -1 : text.lastIndexOf(",type:", close - 1);
        int tag = type < 0 ? -1 : text.lastIndexOf(",tag:", type - 1);
        int iv = tag < 0 ? -1 : text.lastIndexOf(",iv:", tag - 1);
        int dataStart = PREFIX.length();
        if (iv < dataStart + 1
                || tag < iv + ",iv:".length() + 1
                || type < tag + ",tag:".length() + 1
                || close < type + ",type:".length() + 1) {
            Matcher m = SOPS.matcher(text);
            return m.find()
                    ? new int[] {m.start(1), m.end(1), m.start(2), m.end(2), m.start(3), m.end(3), m.start(4), m.end(4)}
                    : null;
        }
        return new int[] {
            dataStart, iv, iv + ",iv:".length(), tag, tag + ",tag:".length(), type, type + ",type:".length(), close
        };
    }

    /** The four fields as strings (for tests and messages); null if the text does not match. */
    static String[] split(String text) {
        int[] b = bounds(text);
        if (b == null) {
            return null;
        }
        return new String[] {
            text.substring(b[0], b[1]),
            text.substring(b[2], b[3]),
            text.substring(b[4], b[5]),
            text.substring(b[6], b[7])
        };
    }

    /**
     * The number of bytes {@code text[from, to)} decodes to, or -1 if it is not base64 as
     * {@link java.util.Base64#getDecoder()} reads it: the standard alphabet, padding optional but
     * correct when present, nothing after it, no line breaks.
     */
    /** The '=' at the end of {@code text[from, to)} that are padding: at most two. */
    private static int padding(String text, int from, int to) {
        int padding = 0;
        while (padding < 2 && to - padding > from && text.charAt(to - padding - 1) == '=') {
            padding++;
        }
        return padding;
    }

    static int decodedLength(String text, int from, int to) {
        int length = to - from;
        int padding = padding(text, from, to);
        if (padding > 0 && length % 4 != 0) {
            return -1;
        }
        int symbols = length - padding;
        if (symbols % 4 == 1) {
            return -1;
        }
        if (padding > 0 && symbols % 4 == 0) {
            return -1;
        }
        return symbols / 4 * 3 + Math.max(0, symbols % 4 - 1);
    }

    /**
     * Decodes {@code text[from, to)} into {@code out} at {@code offset}.
     *
     * @return the number of bytes written, or -1 if the range is not base64 (see {@link #decodedLength})
     */
    static int decode(String text, int from, int to, byte[] out, int offset) {
        int length = decodedLength(text, from, to);
        if (length < 0) {
            return -1;
        }
        // exactly the padding decodedLength counted: a third '=' is a symbol, and refused below
        int end = to - padding(text, from, to);
        int o = offset;
        int bits = 0;
        int buffered = 0;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            int value = c < 128 ? DECODE[c] : -1;
            if (value < 0) {
                return -1;
            }
            bits = (bits << 6) | value;
            buffered += 6;
            if (buffered >= 8) {
                buffered -= 8;
                out[o++] = (byte) (bits >> buffered);
            }
        }
        return o - offset;
    }
}
