package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;

/**
 * sops's value cipher: AES-256-GCM with a 32-byte IV, the path as authenticated data, written as
 * {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]}. Empty strings are neither encrypted nor
 * decrypted. Like sops, it can remember the IV of every value it decrypts, keyed by (type,
 * plaintext, path), and reuse it when the same plaintext is encrypted at the same path again, so
 * unchanged values keep their ciphertext across an edit.
 *
 * <p>Encryption and {@link #decrypt} are for one thread. Bulk decryption goes through
 * {@link #decrypter()}: one {@link Decrypter} per thread, each reusing its own {@code Cipher} and
 * buffers (AES-GCM needs a fresh IV per value, not a fresh {@code Cipher}).
 */
final class ValueCipher implements Destroyable {
    static final int IV_LENGTH = 32;
    private static final int TAG_LENGTH = 16;

    private final SecretKeySpec key;
    private final byte[] keyBytes;
    private final SecureRandom random;
    private final Map<StashKey, byte[]> ivStash = new HashMap<>();
    private Cipher encryptCipher;
    private byte[] lastEncryptIv;
    private Decrypter ownDecrypter;
    private boolean destroyed;

    private record StashKey(String type, String plaintext, String aad) {}

    /** A decrypted leaf with what the IV stash needs: the plaintext exactly as decrypted, and its IV. */
    record Opened(Node value, String type, String plainLatin1, byte[] iv) {}

    ValueCipher(byte[] dataKey, SecureRandom random) {
        if (dataKey.length != 32) {
            throw new IllegalArgumentException("data key has " + dataKey.length + " bytes; expected 32");
        }
        this.keyBytes = dataKey.clone();
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.random = random;
    }

    static boolean looksEncrypted(String value) {
        return value.startsWith("ENC[AES256_GCM,");
    }

    /** Encrypts a leaf; an empty string (or comment) stays empty. */
    String encrypt(Node value, String aad) throws SopsException {
        PlainValues.Typed typed = PlainValues.encode(value);
        if (typed == null) {
            throw new SopsException(
                    "cannot encrypt a value of kind " + value.getClass().getSimpleName() + " at " + aad);
        }
        byte[] plain = typed.plain();
        if (plain.length == 0) {
            return "";
        }
        String type = typed.type();
        byte[] iv = ivStash.get(new StashKey(type, new String(plain, StandardCharsets.ISO_8859_1), aad));
        if (iv == null) {
            iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
        }
        byte[] sealed;
        try {
            // The JDK refuses to init one Cipher twice in a row with the same key and IV for
            // encryption; the IV stash does that on purpose (an unchanged value, or equal list
            // items at one path), so that case takes a fresh Cipher.
            if (encryptCipher == null || Arrays.equals(iv, lastEncryptIv)) {
                encryptCipher = Cipher.getInstance("AES/GCM/NoPadding");
            }
            encryptCipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            lastEncryptIv = iv;
            encryptCipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            sealed = encryptCipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new SopsException("AES-GCM encryption failed at " + aad, e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        int dataLength = sealed.length - TAG_LENGTH;
        return "ENC[AES256_GCM,data:"
                + b64.encodeToString(Arrays.copyOfRange(sealed, 0, dataLength))
                + ",iv:" + b64.encodeToString(iv)
                + ",tag:" + b64.encodeToString(Arrays.copyOfRange(sealed, dataLength, sealed.length))
                + ",type:" + type + "]";
    }

    /**
     * Decrypts an {@code ENC[…]} value at a path, remembering its IV for re-encryption.
     *
     * @throws SopsFormatException if the text is not an {@code ENC[…]} value or a part is not base64
     * @throws SopsDecryptionException if authentication fails (tampering, a moved value, the wrong key)
     */
    Node decrypt(String text, String aad, String source) throws SopsException {
        if (ownDecrypter == null) {
            ownDecrypter = decrypter();
        }
        Opened opened = ownDecrypter.open(text, aad.getBytes(StandardCharsets.UTF_8), aad, source, true);
        remember(opened, aad);
        return opened.value();
    }

    /** Records a decrypted leaf's IV in the stash, as sops does on every decryption. */
    void remember(Opened opened, String aad) {
        if (opened.iv() != null) {
            ivStash.put(new StashKey(opened.type(), opened.plainLatin1(), aad), opened.iv());
        }
    }

    /** A decrypter for one thread. */
    Decrypter decrypter() {
        if (destroyed) {
            throw new IllegalStateException("the value cipher was destroyed");
        }
        return new Decrypter();
    }

    /** Decrypts values with one reused {@code Cipher} and scratch buffers; not thread-safe. */
    final class Decrypter {
        private Cipher cipher;
        private byte[] input = new byte[256];
        private byte[] output = new byte[256];
        private byte[] iv = new byte[IV_LENGTH];

        /**
         * Decrypts one value. With {@code stash}, the result carries the plaintext and IV the IV
         * stash needs; without, only the value.
         */
        Opened open(String text, byte[] aadBytes, String aad, String source, boolean stash) throws SopsException {
            if (text.isEmpty()) {
                return new Opened(new Node.Str(""), "str", "", null);
            }
            int[] b = EncText.bounds(text);
            if (b == null) {
                throw new SopsFormatException(source + ": value at " + display(aad)
                        + " is not a sops ENC[AES256_GCM,data:…,iv:…,tag:…,type:…] value");
            }
            int dataLength = EncText.decodedLength(text, b[0], b[1]);
            int ivLength = EncText.decodedLength(text, b[2], b[3]);
            int tagLength = EncText.decodedLength(text, b[4], b[5]);
            if (dataLength < 0 || ivLength < 0 || tagLength < 0) {
                String part = dataLength < 0 ? "data" : ivLength < 0 ? "iv" : "tag";
                throw new SopsFormatException(
                        source + ": value at " + display(aad) + " has a " + part + " field that is not base64");
            }
            if (ivLength == 0 || tagLength != TAG_LENGTH) {
                throw new SopsFormatException(source + ": value at " + display(aad) + " has an iv of " + ivLength
                        + " bytes and a tag of " + tagLength + " bytes; expected a non-empty iv and a 16-byte tag");
            }
            if (iv.length < ivLength) {
                iv = new byte[ivLength];
            }
            int sealedLength = dataLength + TAG_LENGTH;
            if (input.length < sealedLength) {
                input = new byte[Math.max(sealedLength, input.length * 2)];
                output = new byte[input.length];
            }
            EncText.decode(text, b[0], b[1], input, 0);
            EncText.decode(text, b[4], b[5], input, dataLength);
            EncText.decode(text, b[2], b[3], iv, 0);
            String type = text.substring(b[6], b[7]);
            int plainLength;
            try {
                if (cipher == null) {
                    cipher = Cipher.getInstance("AES/GCM/NoPadding");
                }
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv, 0, ivLength));
                cipher.updateAAD(aadBytes);
                plainLength = cipher.doFinal(input, 0, sealedLength, output, 0);
            } catch (AEADBadTagException e) {
                throw new SopsDecryptionException(
                        source + ": the value at " + display(aad)
                                + " failed authentication: it was changed, moved to another path, its key was"
                                + " renamed, or the data key is wrong",
                        aad);
            } catch (GeneralSecurityException e) {
                throw new SopsDecryptionException(
                        source + ": the value at " + display(aad) + " could not be decrypted: "
                                + e.getClass().getSimpleName(),
                        aad);
            }
            try {
                Node value = PlainValues.typed(output, plainLength, type, aad, source);
                if (!stash) {
                    return new Opened(value, null, null, null);
                }
                return new Opened(
                        value,
                        type.equals("bytes") ? "str" : type,
                        new String(output, 0, plainLength, StandardCharsets.ISO_8859_1),
                        Arrays.copyOf(iv, ivLength));
            } finally {
                Arrays.fill(output, 0, plainLength, (byte) 0);
            }
        }
    }

    static String display(String aad) {
        return aad.equals(":") ? "the top level" : "\"" + aad + "\"";
    }

    /** A comment leaf that holds the given text, keeping the original's placement. */
    static Comment comment(Comment original, Node decrypted) {
        return new Comment(decrypted instanceof Comment pc ? pc.text() : original.text(), original.inline());
    }

    @Override
    public void destroy() {
        Arrays.fill(keyBytes, (byte) 0);
        ivStash.clear();
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
