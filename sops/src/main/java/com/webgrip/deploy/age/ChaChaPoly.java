package com.webgrip.deploy.age;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * ChaCha20-Poly1305 (RFC 7539) from a JCA provider: the JDK's where it has one (SunJCE since
 * Java 11, with intrinsics on newer JDKs), BouncyCastle otherwise, or the one the caller names.
 */
final class ChaChaPoly {
    static final String TRANSFORMATION = "ChaCha20-Poly1305";
    static final int TAG_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    private static final byte[] ZERO_NONCE = new byte[NONCE_LENGTH];

    private static final ChaChaPoly DEFAULT = new ChaChaPoly(defaultProvider());

    private final Provider provider;

    private ChaChaPoly(Provider provider) {
        this.provider = provider;
    }

    static ChaChaPoly defaults() {
        return DEFAULT;
    }

    static ChaChaPoly of(Provider provider) {
        ChaChaPoly chosen = new ChaChaPoly(Objects.requireNonNull(provider, "provider"));
        chosen.newCipher(); // fail now, not at the first chunk, when the provider lacks the cipher
        return chosen;
    }

    Provider provider() {
        return provider;
    }

    Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION, provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "provider " + provider.getName() + " has no " + TRANSFORMATION + " cipher", e);
        }
    }

    /** Encrypts {@code length} bytes into {@code out}; returns the bytes written (length + 16). */
    static int seal(
            Cipher cipher, byte[] key, byte[] nonce, byte[] in, int offset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        return cipher.doFinal(in, offset, length, out, outOffset);
    }

    /**
     * Decrypts and authenticates {@code length} bytes into {@code out}; returns the plaintext
     * length, or -1 when the tag does not match.
     */
    static int open(
            Cipher cipher, byte[] key, byte[] nonce, byte[] in, int offset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        try {
            return cipher.doFinal(in, offset, length, out, outOffset);
        } catch (AEADBadTagException e) {
            return -1;
        }
    }

    /** Wraps a file key under a one-time key with the all-zero nonce, as every native stanza does. */
    byte[] wrapKey(byte[] key, byte[] plaintext) {
        try {
            Cipher cipher = newCipher();
            byte[] out = new byte[plaintext.length + TAG_LENGTH];
            seal(cipher, key, ZERO_NONCE, plaintext, 0, plaintext.length, out, 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " failed to encrypt", e);
        }
    }

    /** Unwraps a stanza body under a one-time key; null when it does not authenticate. */
    byte[] unwrapKey(byte[] key, byte[] ciphertext) {
        if (ciphertext.length < TAG_LENGTH) {
            return null;
        }
        try {
            Cipher cipher = newCipher();
            byte[] out = new byte[ciphertext.length - TAG_LENGTH];
            return open(cipher, key, ZERO_NONCE, ciphertext, 0, ciphertext.length, out, 0) < 0 ? null : out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " failed to decrypt", e);
        }
    }

    private static Provider defaultProvider() {
        try {
            return Cipher.getInstance(TRANSFORMATION).getProvider();
        } catch (NoSuchAlgorithmException | javax.crypto.NoSuchPaddingException e) {
            return new BouncyCastleProvider();
        }
    }
}
