package com.webgrip.deploy.age;

import java.util.Locale;

/**
 * Bech32 (BIP 173) as age uses it: the original checksum constant (not Bech32m), and no
 * 90-character limit, because post-quantum keys are far longer than that.
 *
 * <p>Encoding is lower case; {@link #encodeUpper} gives the upper-case spelling of identities.
 * Decoding accepts either case but never a mix, as BIP 173 requires.
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int CHECKSUM_LENGTH = 6;

    private Bech32() {}

    /** A decoded Bech32 string: its human-readable part (lower case) and its data bytes. */
    static final class Decoded {
        private final String hrp;
        private final byte[] data;

        Decoded(String hrp, byte[] data) {
            this.hrp = hrp;
            this.data = data;
        }

        String hrp() {
            return hrp;
        }

        /** Zeroes the data; call it once the data (a secret key, perhaps) has been copied out. */
        void destroy() {
            java.util.Arrays.fill(data, (byte) 0);
        }

        /** A copy of the data: callers may zero it when it holds a secret key. */
        byte[] data() {
            return data.clone();
        }
    }

    static String encode(String hrp, byte[] data) {
        return new String(encodeToChars(hrp, data, false));
    }

    static String encodeUpper(String hrp, byte[] data) {
        return new String(encodeToChars(hrp, data, true));
    }

    /**
     * Encodes into a fresh array, so that a caller encoding a secret key can zero the text when
     * done (a String cannot be zeroed).
     */
    static char[] encodeToChars(String hrp, byte[] data, boolean upperCase) {
        String lowerHrp = hrp.toLowerCase(Locale.ROOT);
        validateHrp(lowerHrp);
        byte[] values = convertBits(data, 8, 5, true);
        byte[] checksum = checksum(lowerHrp, values);
        String alphabet = upperCase ? CHARSET.toUpperCase(Locale.ROOT) : CHARSET;
        String prefix = upperCase ? lowerHrp.toUpperCase(Locale.ROOT) : lowerHrp;
        char[] out = new char[prefix.length() + 1 + values.length + CHECKSUM_LENGTH];
        int at = 0;
        for (int i = 0; i < prefix.length(); i++) {
            out[at++] = prefix.charAt(i);
        }
        out[at++] = '1';
        for (byte v : values) {
            out[at++] = alphabet.charAt(v);
        }
        for (byte v : checksum) {
            out[at++] = alphabet.charAt(v);
        }
        java.util.Arrays.fill(values, (byte) 0);
        return out;
    }

    /**
     * Decodes a Bech32 string.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the string, which may
     *     be a secret key)
     */
    static Decoded decode(String text) {
        if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Bech32 string mixes upper and lower case");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        if (separator < 1) {
            throw new IllegalArgumentException("Bech32 string has no human-readable part before '1'");
        }
        if (lower.length() - separator - 1 < CHECKSUM_LENGTH) {
            throw new IllegalArgumentException("Bech32 string is too short to hold a checksum");
        }
        String hrp = lower.substring(0, separator);
        validateHrp(hrp);
        byte[] values = new byte[lower.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(lower.charAt(separator + 1 + i));
            if (v < 0) {
                throw new IllegalArgumentException(
                        "Bech32 string has a character outside the Bech32 alphabet at position " + (separator + 1 + i));
            }
            values[i] = (byte) v;
        }
        byte[] payload = new byte[values.length - CHECKSUM_LENGTH];
        try {
            if (polymod(hrp, values, values.length) != 1) {
                throw new IllegalArgumentException("Bech32 checksum does not match");
            }
            System.arraycopy(values, 0, payload, 0, payload.length);
            return new Decoded(hrp, convertBits(payload, 5, 8, false));
        } finally {
            // the 5-bit groups hold the key as much as the bytes do
            java.util.Arrays.fill(values, (byte) 0);
            java.util.Arrays.fill(payload, (byte) 0);
        }
    }

    private static void validateHrp(String hrp) {
        if (hrp.isEmpty()) {
            throw new IllegalArgumentException("Bech32 human-readable part is empty");
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("Bech32 human-readable part has a character outside 33..126");
            }
        }
    }

    private static byte[] checksum(String hrp, byte[] values) {
        byte[] padded = new byte[values.length + CHECKSUM_LENGTH];
        System.arraycopy(values, 0, padded, 0, values.length);
        int mod = polymod(hrp, padded, padded.length) ^ 1;
        byte[] checksum = new byte[CHECKSUM_LENGTH];
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            checksum[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return checksum;
    }

    private static int polymod(String hrp, byte[] values, int length) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >>> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (int i = 0; i < length; i++) {
            chk = step(chk, values[i]);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        int next = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < GENERATOR.length; i++) {
            if (((top >>> i) & 1) == 1) {
                next ^= GENERATOR[i];
            }
        }
        return next;
    }

    private static byte[] convertBits(byte[] in, int fromBits, int toBits, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxValue = (1 << toBits) - 1;
        // an array of the exact size, filled in place: no growing buffer leaves copies of a key behind
        int whole = in.length * fromBits / toBits;
        byte[] out = new byte[pad && (in.length * fromBits) % toBits != 0 ? whole + 1 : whole];
        int at = 0;
        try {
            for (byte b : in) {
                int value = b & 0xff;
                if ((value >>> fromBits) != 0) {
                    throw new IllegalArgumentException("Bech32 data value out of range");
                }
                acc = (acc << fromBits) | value;
                bits += fromBits;
                while (bits >= toBits) {
                    bits -= toBits;
                    out[at++] = (byte) ((acc >>> bits) & maxValue);
                }
            }
            if (pad) {
                if (bits > 0) {
                    out[at++] = (byte) ((acc << (toBits - bits)) & maxValue);
                }
            } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) != 0) {
                throw new IllegalArgumentException("Bech32 data has invalid padding");
            }
            return out;
        } catch (IllegalArgumentException e) {
            java.util.Arrays.fill(out, (byte) 0);
            throw e;
        }
    }
}
