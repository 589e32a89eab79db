package com.webgrip.deploy.age;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The ciphers that {@code ssh-keygen -Z} can protect an OpenSSH private key with, as OpenSSH's
 * {@code cipher.c} defines them for key files (sequence number 0, no additional data).
 */
enum OpenSshCipher {
    AES128_CTR("aes128-ctr", 16, 16, 16, 0),
    AES192_CTR("aes192-ctr", 24, 16, 16, 0),
    AES256_CTR("aes256-ctr", 32, 16, 16, 0),
    AES128_CBC("aes128-cbc", 16, 16, 16, 0),
    AES192_CBC("aes192-cbc", 24, 16, 16, 0),
    AES256_CBC("aes256-cbc", 32, 16, 16, 0),
    AES128_GCM("aes128-gcm@openssh.com", 16, 12, 16, 16),
    AES256_GCM("aes256-gcm@openssh.com", 32, 12, 16, 16),
    // OpenSSH's ChaCha20-Poly1305: 64 bytes of key, the first 32 for the payload; no IV.
    CHACHA20_POLY1305("chacha20-poly1305@openssh.com", 64, 0, 8, 16);

    private final String sshName;
    private final int keyLength;
    private final int ivLength;
    private final int blockSize;
    private final int tagLength;

    OpenSshCipher(String sshName, int keyLength, int ivLength, int blockSize, int tagLength) {
        this.sshName = sshName;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.blockSize = blockSize;
        this.tagLength = tagLength;
    }

    static OpenSshCipher named(String name) {
        for (OpenSshCipher cipher : values()) {
            if (cipher.sshName.equals(name)) {
                return cipher;
            }
        }
        throw new IllegalArgumentException("OpenSSH private key is encrypted with " + SshPublicKey.printable(name)
                + ", which is not supported; expected one of "
                + Arrays.stream(values()).map(c -> c.sshName).toList()
                + " (re-encrypt it with ssh-keygen -p -Z aes256-ctr)");
    }

    static List<String> names() {
        return Arrays.stream(values()).map(c -> c.sshName).toList();
    }

    String sshName() {
        return sshName;
    }

    int keyAndIvLength() {
        return keyLength + ivLength;
    }

    int blockSize() {
        return blockSize;
    }

    int tagLength() {
        return tagLength;
    }

    /**
     * Decrypts the private section.
     *
     * @param keyAndIv bcrypt-pbkdf output: the key, then the IV
     * @return the plaintext, or null when an authenticated cipher rejects the tag (a wrong passphrase)
     */
    byte[] decrypt(byte[] keyAndIv, byte[] ciphertext, byte[] tag) throws GeneralSecurityException {
        byte[] key = Arrays.copyOf(keyAndIv, keyLength);
        byte[] iv = Arrays.copyOfRange(keyAndIv, keyLength, keyLength + ivLength);
        try {
            return switch (this) {
                case AES128_CTR, AES192_CTR, AES256_CTR ->
                    aes("AES/CTR/NoPadding", key, new IvParameterSpec(iv), ciphertext);
                case AES128_CBC, AES192_CBC, AES256_CBC ->
                    aes("AES/CBC/NoPadding", key, new IvParameterSpec(iv), ciphertext);
                case AES128_GCM, AES256_GCM -> gcm(key, iv, ciphertext, tag);
                case CHACHA20_POLY1305 -> chachaPoly(key, ciphertext, tag);
            };
        } finally {
            KeyBytes.zero(key, iv);
        }
    }

    private byte[] gcm(byte[] key, byte[] iv, byte[] ciphertext, byte[] tag) throws GeneralSecurityException {
        try {
            return aes(
                    "AES/GCM/NoPadding",
                    key,
                    new GCMParameterSpec(tagLength * 8, iv),
                    KeyBytes.concat(ciphertext, tag));
        } catch (AEADBadTagException e) {
            return null;
        }
    }

    private static byte[] aes(
            String transformation, byte[] key, java.security.spec.AlgorithmParameterSpec spec, byte[] in)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(transformation);
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), spec);
        return cipher.doFinal(in);
    }

    /**
     * OpenSSH's chacha20-poly1305 with sequence number 0 and no length field: the Poly1305 key is
     * the first 32 bytes of ChaCha20 block 0, the payload is encrypted from block 1 on, and the
     * tag covers the ciphertext alone.
     */
    private static byte[] chachaPoly(byte[] key, byte[] ciphertext, byte[] tag) {
        byte[] mainKey = Arrays.copyOf(key, 32);
        byte[] nonce = new byte[8];
        byte[] block0 = new byte[64];
        byte[] expected = new byte[16];
        try {
            ChaChaEngine chacha = new ChaChaEngine(20);
            chacha.init(false, new ParametersWithIV(new KeyParameter(mainKey), nonce));
            chacha.processBytes(new byte[64], 0, 64, block0, 0);
            Poly1305 poly = new Poly1305();
            poly.init(new KeyParameter(block0, 0, 32));
            poly.update(ciphertext, 0, ciphertext.length);
            poly.doFinal(expected, 0);
            if (!MessageDigest.isEqual(expected, tag)) {
                return null;
            }
            byte[] plain = new byte[ciphertext.length];
            chacha.processBytes(ciphertext, 0, ciphertext.length, plain, 0);
            return plain;
        } finally {
            KeyBytes.zero(mainKey, block0);
        }
    }
}
