package com.webgrip.deploy.age;

import java.util.Base64;

/**
 * The base64 of age headers: RFC 4648 standard alphabet, no padding, canonical only. A decoder
 * that accepted {@code =} or non-zero trailing bits would give one header two spellings, and the
 * header MAC is computed over the spelling.
 */
final class StrictBase64 {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private StrictBase64() {}

    static String encode(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    /**
     * Decodes canonical unpadded base64.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the input)
     */
    static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                throw new IllegalArgumentException(
                        "base64 has character U+%04X at index %d; expected the standard alphabet without padding"
                                .formatted((int) c, i));
            }
        }
        if (text.length() % 4 == 1) {
            throw new IllegalArgumentException("base64 of length " + text.length() + " cannot be decoded");
        }
        byte[] decoded = DECODER.decode(text);
        if (!ENCODER.encodeToString(decoded).equals(text)) {
            throw new IllegalArgumentException("base64 is not canonical (non-zero trailing bits)");
        }
        return decoded;
    }

    /** Decodes canonical base64 that must hold exactly {@code length} bytes. */
    static byte[] decodeExactly(String text, int length, String what) {
        byte[] decoded = decode(text);
        if (decoded.length != length) {
            throw new IllegalArgumentException(what + " has " + decoded.length + " bytes; expected " + length);
        }
        return decoded;
    }
}
