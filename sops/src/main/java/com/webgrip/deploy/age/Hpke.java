package com.webgrip.deploy.age;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The parts of HPKE (RFC 9180) that age uses: base mode, KDF HKDF-SHA256, AEAD
 * ChaCha20Poly1305, one message per context (sequence number 0) and no additional data. The KEM
 * is given as its identifier and the shared secret it produced.
 */
final class Hpke {
    static final int KDF_HKDF_SHA256 = 0x0001;
    static final int AEAD_CHACHA20_POLY1305 = 0x0003;
    private static final byte[] VERSION = "HPKE-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;

    private Hpke() {}

    /** SealBase(pkR, info, aad = "", plaintext) after the KEM ran: the ciphertext with its tag. */
    static byte[] seal(int kemId, byte[] sharedSecret, byte[] info, byte[] plaintext) {
        byte[][] keyAndNonce = keySchedule(kemId, sharedSecret, info);
        try {
            byte[] out = new byte[plaintext.length + ChaChaPoly.TAG_LENGTH];
            ChaChaPoly.seal(
                    ChaChaPoly.defaults().newCipher(),
                    keyAndNonce[0],
                    keyAndNonce[1],
                    plaintext,
                    0,
                    plaintext.length,
                    out,
                    0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed to encrypt", e);
        } finally {
            KeyBytes.zero(keyAndNonce[0], keyAndNonce[1]);
        }
    }

    /** OpenBase after the KEM ran; null when the ciphertext does not authenticate. */
    static byte[] open(int kemId, byte[] sharedSecret, byte[] info, byte[] ciphertext) {
        byte[][] keyAndNonce = keySchedule(kemId, sharedSecret, info);
        try {
            if (ciphertext.length < ChaChaPoly.TAG_LENGTH) {
                return null;
            }
            byte[] out = new byte[ciphertext.length - ChaChaPoly.TAG_LENGTH];
            int n = ChaChaPoly.open(
                    ChaChaPoly.defaults().newCipher(),
                    keyAndNonce[0],
                    keyAndNonce[1],
                    ciphertext,
                    0,
                    ciphertext.length,
                    out,
                    0);
            return n < 0 ? null : out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed to decrypt", e);
        } finally {
            KeyBytes.zero(keyAndNonce[0], keyAndNonce[1]);
        }
    }

    /** KeySchedule (RFC 9180 section 5.1) in mode_base with an empty PSK: the AEAD key and base nonce. */
    static byte[][] keySchedule(int kemId, byte[] sharedSecret, byte[] info) {
        byte[] suite = suiteId(kemId);
        byte[] pskIdHash = labeledExtract(suite, new byte[0], "psk_id_hash", new byte[0]);
        byte[] infoHash = labeledExtract(suite, new byte[0], "info_hash", info);
        byte[] context = KeyBytes.concat(new byte[] {0}, pskIdHash, infoHash);
        byte[] secret = labeledExtract(suite, sharedSecret, "secret", new byte[0]);
        try {
            return new byte[][] {
                labeledExpand(suite, secret, "key", context, KEY_LENGTH),
                labeledExpand(suite, secret, "base_nonce", context, NONCE_LENGTH)
            };
        } finally {
            KeyBytes.zero(secret);
        }
    }

    /** {@code "HPKE" || kem_id || kdf_id || aead_id}. */
    static byte[] suiteId(int kemId) {
        return KeyBytes.concat(
                "HPKE".getBytes(StandardCharsets.US_ASCII),
                i2osp2(kemId),
                i2osp2(KDF_HKDF_SHA256),
                i2osp2(AEAD_CHACHA20_POLY1305));
    }

    /** {@code "KEM" || kem_id}, the suite of a KEM's own labeled derivations. */
    static byte[] kemSuiteId(int kemId) {
        return KeyBytes.concat("KEM".getBytes(StandardCharsets.US_ASCII), i2osp2(kemId));
    }

    /** LabeledExtract(salt, label, ikm) = HKDF-Extract(salt, "HPKE-v1" || suite_id || label || ikm). */
    static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm) {
        byte[] labeled = KeyBytes.concat(VERSION, suite, label.getBytes(StandardCharsets.US_ASCII), ikm);
        try {
            return extract(salt, labeled);
        } finally {
            KeyBytes.zero(labeled);
        }
    }

    /** LabeledExpand(prk, label, info, L) = HKDF-Expand(prk, L || "HPKE-v1" || suite_id || label || info, L). */
    static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int length) {
        byte[] labeledInfo =
                KeyBytes.concat(i2osp2(length), VERSION, suite, label.getBytes(StandardCharsets.US_ASCII), info);
        return expand(prk, labeledInfo, length);
    }

    /** HKDF-Extract with SHA-256 (RFC 5869); an empty salt is HashLen zero bytes. */
    static byte[] extract(byte[] salt, byte[] ikm) {
        Mac mac = hmac(salt.length == 0 ? new byte[32] : salt);
        return mac.doFinal(ikm);
    }

    /** HKDF-Expand with SHA-256, for lengths up to 255 blocks. */
    static byte[] expand(byte[] prk, byte[] info, int length) {
        Mac mac = hmac(prk);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int counter = 1, offset = 0; offset < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            KeyBytes.zero(block);
            block = mac.doFinal();
            System.arraycopy(block, 0, out, offset, Math.min(block.length, length - offset));
            offset += block.length;
        }
        KeyBytes.zero(block);
        return out;
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    static byte[] i2osp2(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    /** The first {@code n} bytes. */
    static byte[] prefix(byte[] bytes, int n) {
        return Arrays.copyOf(bytes, n);
    }
}
