package com.webgrip.deploy.age;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens STREAM chunks under one payload key. Holds one {@link Cipher} and one key spec
 * for its whole life, so a chunk costs an {@code init} with its nonce and a {@code doFinal}, never
 * a {@code Cipher.getInstance} or a copy of the key. Not thread-safe: one per thread or per batch.
 */
final class ChunkCipher {
    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] nonce = new byte[ChaChaPoly.NONCE_LENGTH];

    /** The caller keeps ownership of {@code key}; it is copied once, into the key spec. */
    ChunkCipher(ChaChaPoly aead, SecretKeySpec key) {
        this.cipher = aead.newCipher();
        this.key = key;
    }

    static SecretKeySpec keySpec(byte[] payloadKey) {
        return new SecretKeySpec(payloadKey, "ChaCha20");
    }

    /** Seals {@code length} bytes into {@code out}; returns {@code length + 16}. */
    int seal(long counter, boolean last, byte[] in, int offset, int length, byte[] out, int outOffset) {
        Payload.chunkNonce(nonce, counter, last);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
            return cipher.doFinal(in, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ChaChaPoly.TRANSFORMATION + " failed to seal a chunk", e);
        }
    }

    /**
     * Opens {@code length} bytes (ciphertext and tag) into {@code out}; returns the plaintext
     * length, or -1 when the tag does not match (nothing in {@code out} may then be used).
     */
    int open(long counter, boolean last, byte[] in, int offset, int length, byte[] out, int outOffset) {
        if (length < ChaChaPoly.TAG_LENGTH) {
            return -1;
        }
        Payload.chunkNonce(nonce, counter, last);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
            return cipher.doFinal(in, offset, length, out, outOffset);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ChaChaPoly.TRANSFORMATION + " failed to open a chunk", e);
        }
    }
}
