package com.webgrip.deploy.age;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA-256 (RFC 5869) with a 32-byte output, the only length age uses. */
final class Hkdf {
    static final int LENGTH = 32;
    private static final byte[] ZERO_SALT = new byte[32];

    private Hkdf() {}

    static byte[] derive(byte[] ikm, byte[] salt, String info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // An empty salt means HashLen zero bytes (RFC 5869 2.2); SecretKeySpec refuses empty keys.
            mac.init(new SecretKeySpec(salt.length == 0 ? ZERO_SALT : salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            try {
                mac.init(new SecretKeySpec(prk, "HmacSHA256"));
                mac.update(info.getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) 1);
                return mac.doFinal();
            } finally {
                Arrays.fill(prk, (byte) 0);
            }
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** HMAC-SHA-256 of {@code data} under {@code key}. */
    static byte[] hmac(byte[] key, byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
