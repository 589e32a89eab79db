package com.webgrip.deploy.age;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * scrypt (RFC 7914). Written here rather than taken from BouncyCastle because age's passphrase
 * files spend all their time in it: the Salsa20/8 core keeps its state in locals and works on
 * {@code int} words in place, which made it several times faster than BouncyCastle's SCrypt on
 * these machines (see benchmarks/README.md). BouncyCastle's is the oracle in ScryptKdfTest.
 */
final class ScryptKdf {
    /** 2^22 blocks of 1 KiB (r = 8) is 4 GiB, the most one int array can index. */
    static final int MAX_LOG_N_FOR_R8 = 22;

    private ScryptKdf() {}

    static byte[] derive(byte[] password, byte[] salt, int logN, int r, int p, int length) {
        if (logN < 1 || logN > 30 || r < 1 || p < 1 || ((long) 32 * r << logN) > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("scrypt parameters out of range: logN " + logN + ", r " + r);
        }
        int blockWords = 32 * r;
        byte[] b = pbkdf2(password, salt, p * 4 * blockWords);
        int[] x = new int[blockWords];
        int[] y = new int[blockWords];
        int[] v = new int[blockWords << logN];
        try {
            for (int i = 0; i < p; i++) {
                int offset = i * 4 * blockWords;
                for (int w = 0; w < blockWords; w++) {
                    x[w] = littleEndian(b, offset + 4 * w);
                }
                roMix(x, y, v, logN, r);
                for (int w = 0; w < blockWords; w++) {
                    storeLittleEndian(x[w], b, offset + 4 * w);
                }
            }
            return pbkdf2(password, b, length);
        } finally {
            Arrays.fill(b, (byte) 0);
            Arrays.fill(x, 0);
            Arrays.fill(y, 0);
            Arrays.fill(v, 0);
        }
    }

    /** ROMix: x and y take turns as BlockMix's input and output, so no block is copied twice. */
    private static void roMix(int[] x, int[] y, int[] v, int logN, int r) {
        int n = 1 << logN;
        int blockWords = x.length;
        int[] state = new int[16];
        int[] in = x;
        int[] out = y;
        for (int i = 0; i < n; i++) {
            System.arraycopy(in, 0, v, i * blockWords, blockWords);
            blockMix(in, null, 0, out, state, r);
            int[] swap = in;
            in = out;
            out = swap;
        }
        int last = (2 * r - 1) * 16;
        for (int i = 0; i < n; i++) {
            int base = (in[last] & (n - 1)) * blockWords;
            blockMix(in, v, base, out, state, r);
            int[] swap = in;
            in = out;
            out = swap;
        }
        if (in != x) {
            System.arraycopy(in, 0, x, 0, blockWords);
        }
    }

    /**
     * BlockMix with Salsa20/8 of {@code in} (xored with {@code v[base..]} when {@code v} is not
     * null) into {@code out} = (Y0, Y2, ..., Y1, Y3, ...).
     */
    private static void blockMix(int[] in, int[] v, int base, int[] out, int[] state, int r) {
        int last = (2 * r - 1) * 16;
        for (int w = 0; w < 16; w++) {
            state[w] = v == null ? in[last + w] : in[last + w] ^ v[base + last + w];
        }
        for (int i = 0; i < 2 * r; i++) {
            int from = i * 16;
            if (v == null) {
                for (int w = 0; w < 16; w++) {
                    state[w] ^= in[from + w];
                }
            } else {
                for (int w = 0; w < 16; w++) {
                    state[w] ^= in[from + w] ^ v[base + from + w];
                }
            }
            salsa8(state);
            int to = ((i & 1) == 0 ? i / 2 : r + i / 2) * 16;
            System.arraycopy(state, 0, out, to, 16);
        }
    }

    private static void salsa8(int[] s) {
        int x0 = s[0], x1 = s[1], x2 = s[2], x3 = s[3], x4 = s[4], x5 = s[5], x6 = s[6], x7 = s[7];
        int x8 = s[8], x9 = s[9], x10 = s[10], x11 = s[11], x12 = s[12], x13 = s[13], x14 = s[14], x15 = s[15];
        for (int round = 0; round < 8; round += 2) {
            x4 ^= Integer.rotateLeft(x0 + x12, 7);
            x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13);
            x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);
            x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x1 ^= Integer.rotateLeft(x13 + x9, 13);
            x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x14 ^= Integer.rotateLeft(x10 + x6, 7);
            x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x6 ^= Integer.rotateLeft(x2 + x14, 13);
            x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x3 ^= Integer.rotateLeft(x15 + x11, 7);
            x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x11 ^= Integer.rotateLeft(x7 + x3, 13);
            x15 ^= Integer.rotateLeft(x11 + x7, 18);
            x1 ^= Integer.rotateLeft(x0 + x3, 7);
            x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);
            x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);
            x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);
            x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x11 ^= Integer.rotateLeft(x10 + x9, 7);
            x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x9 ^= Integer.rotateLeft(x8 + x11, 13);
            x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x12 ^= Integer.rotateLeft(x15 + x14, 7);
            x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x14 ^= Integer.rotateLeft(x13 + x12, 13);
            x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        s[0] += x0;
        s[1] += x1;
        s[2] += x2;
        s[3] += x3;
        s[4] += x4;
        s[5] += x5;
        s[6] += x6;
        s[7] += x7;
        s[8] += x8;
        s[9] += x9;
        s[10] += x10;
        s[11] += x11;
        s[12] += x12;
        s[13] += x13;
        s[14] += x14;
        s[15] += x15;
    }

    /** PBKDF2-HMAC-SHA-256 with one iteration, which is all scrypt uses. */
    private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // HMAC pads short keys with zeros, so an empty password is the one-zero-byte key.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] counter = new byte[4];
            for (int block = 1, at = 0; at < length; block++, at += 32) {
                storeBigEndian(block, counter);
                mac.update(salt);
                mac.update(counter);
                byte[] u = mac.doFinal();
                System.arraycopy(u, 0, out, at, Math.min(32, length - at));
                Arrays.fill(u, (byte) 0);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private static int littleEndian(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static void storeLittleEndian(int value, byte[] b, int at) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }

    private static void storeBigEndian(int value, byte[] b) {
        b[0] = (byte) (value >>> 24);
        b[1] = (byte) (value >>> 16);
        b[2] = (byte) (value >>> 8);
        b[3] = (byte) value;
    }
}
