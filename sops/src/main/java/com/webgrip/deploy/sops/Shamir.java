package com.webgrip.deploy.sops;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shamir secret sharing over GF(2^8) with the AES polynomial (x^8+x^4+x^3+x+1), byte-compatible
 * with sops's {@code shamir} package (forked from HashiCorp Vault): one random polynomial per
 * secret byte with the byte as constant term, share {@code i} (0-based) evaluated at
 * {@code x = i + 1}, a share being the y bytes followed by one byte x. The multiply is
 * constant-time, as in sops.
 */
final class Shamir {
    private Shamir() {}

    /** Splits the secret into {@code parts} shares, any {@code threshold} of which recombine it. */
    static byte[][] split(byte[] secret, int parts, int threshold, SecureRandom random) {
        if (parts < threshold) {
            throw new IllegalArgumentException(
                    "parts (" + parts + ") cannot be less than the threshold (" + threshold + ")");
        }
        if (parts > 255 || threshold > 255) {
            throw new IllegalArgumentException("parts and threshold cannot exceed 255");
        }
        if (threshold < 2) {
            throw new IllegalArgumentException("threshold " + threshold + "; expected at least 2");
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException("cannot split an empty secret");
        }
        byte[][] out = new byte[parts][secret.length + 1];
        for (int i = 0; i < parts; i++) {
            out[i][secret.length] = (byte) (i + 1);
        }
        byte[] coefficients = new byte[threshold];
        for (int idx = 0; idx < secret.length; idx++) {
            coefficients[0] = secret[idx];
            byte[] randomPart = new byte[threshold - 1];
            random.nextBytes(randomPart);
            System.arraycopy(randomPart, 0, coefficients, 1, threshold - 1);
            Arrays.fill(randomPart, (byte) 0);
            for (int i = 0; i < parts; i++) {
                out[i][idx] = (byte) evaluate(coefficients, i + 1);
            }
        }
        Arrays.fill(coefficients, (byte) 0);
        return out;
    }

    /**
     * Recombines shares.
     *
     * @throws IllegalArgumentException for fewer than two shares, shares of different lengths, or a
     *     duplicate x coordinate
     */
    static byte[] combine(List<byte[]> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("less than two parts cannot be used to reconstruct the secret");
        }
        int length = parts.get(0).length;
        if (length < 2) {
            throw new IllegalArgumentException("parts must be at least two bytes");
        }
        int[] xs = new int[parts.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).length != length) {
                throw new IllegalArgumentException("all parts must be the same length");
            }
            xs[i] = parts.get(i)[length - 1] & 0xFF;
            if (!seen.add(xs[i])) {
                throw new IllegalArgumentException("duplicate part detected");
            }
        }
        byte[] secret = new byte[length - 1];
        int[] ys = new int[parts.size()];
        for (int idx = 0; idx < secret.length; idx++) {
            for (int i = 0; i < parts.size(); i++) {
                ys[i] = parts.get(i)[idx] & 0xFF;
            }
            secret[idx] = (byte) interpolateAtZero(xs, ys);
        }
        Arrays.fill(ys, 0);
        return secret;
    }

    private static int evaluate(byte[] coefficients, int x) {
        int degree = coefficients.length - 1;
        int out = coefficients[degree] & 0xFF;
        for (int i = degree - 1; i >= 0; i--) {
            out = mult(out, x) ^ (coefficients[i] & 0xFF);
        }
        return out;
    }

    private static int interpolateAtZero(int[] xs, int[] ys) {
        int result = 0;
        for (int i = 0; i < xs.length; i++) {
            int basis = 1;
            for (int j = 0; j < xs.length; j++) {
                if (i == j) {
                    continue;
                }
                int num = xs[j]; // 0 + x_j
                int denom = xs[i] ^ xs[j];
                basis = mult(basis, div(num, denom));
            }
            result ^= mult(ys[i], basis);
        }
        return result;
    }

    private static int div(int a, int b) {
        return mult(a, inverse(b));
    }

    /** a^254 = a^-1 in GF(2^8). */
    private static int inverse(int a) {
        int b = mult(a, a);
        int c = mult(a, b);
        b = mult(c, c);
        b = mult(b, b);
        c = mult(b, c);
        b = mult(b, b);
        b = mult(b, b);
        b = mult(b, c);
        b = mult(b, b);
        b = mult(a, b);
        return mult(b, b);
    }

    /** Constant-time multiplication modulo x^8+x^4+x^3+x+1. */
    static int mult(int a, int b) {
        int acc = 0;
        for (int i = 7; i >= 0; i--) {
            int bit = (b >> i) & 1;
            int aOrZero = (-bit) & a;
            int reduce = (-((acc >> 7) & 1)) & 0x1B;
            acc = (aOrZero ^ reduce ^ (acc << 1)) & 0xFF;
        }
        return acc;
    }
}
