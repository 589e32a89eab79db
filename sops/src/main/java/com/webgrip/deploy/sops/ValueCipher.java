package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
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

    private SecretKeySpec key;
    private final byte[] keyBytes;
    private final SecureRandom random;
    /**
     * IVs by {@link #stashKey}: an HMAC of (type, path, plaintext) under the data key, so the stash
     * finds an unchanged value again without holding any plaintext (a {@code String} could never
     * be zeroed, and would print in a heap dump).
     */
    private final Map<String, byte[]> ivStash = new HashMap<>();

    private Cipher encryptCipher;
    private Mac encryptMac;
    private byte[] lastEncryptIv;
    private Decrypter ownDecrypter;
    private boolean destroyed;

    /** A decrypted leaf with what the IV stash needs: the HMAC of its plaintext, and its IV. */
    record Opened(Node value, String stashKey, byte[] iv) {}

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
        if (encryptMac == null) {
            encryptMac = newMac();
        }
        byte[] iv = ivStash.get(stashKey(encryptMac, type, aad.getBytes(StandardCharsets.UTF_8), plain, plain.length));
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
        remember(opened);
        return opened.value();
    }

    /** Records a decrypted leaf's IV in the stash, as sops does on every decryption. */
    void remember(Opened opened) {
        if (opened.iv() != null) {
            ivStash.put(opened.stashKey(), opened.iv());
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
        private Mac stashMac;

        /**
         * Decrypts one value. With {@code stash}, the result carries the plaintext and IV the IV
         * stash needs; without, only the value.
         */
        Opened open(String text, byte[] aadBytes, String aad, String source, boolean stash) throws SopsException {
            if (text.isEmpty()) {
                return new Opened(new Node.Str(""), null, null);
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
                    return new Opened(value, null, null);
                }
                if (stashMac == null) {
                    stashMac = newMac();
                }
                String stashType = type.equals("bytes") ? "str" : type;
                return new Opened(
                        value,
                        stashKey(stashMac, stashType, aadBytes, output, plainLength),
                        Arrays.copyOf(iv, ivLength));
            } finally {
                Arrays.fill(output, 0, plainLength, (byte) 0);
            }
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JRE", e);
        }
    }

    /** HMAC-SHA256(data key, type || 0 || path || 0 || plaintext), hex. */
    static String stashKey(Mac mac, String type, byte[] aad, byte[] plain, int plainLength) {
        mac.update(type.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update(aad);
        mac.update((byte) 0);
        mac.update(plain, 0, plainLength);
        return HexFormat.of().formatHex(mac.doFinal());
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
        // best effort on the JCA: the key spec, ciphers and MACs keep their own copies of the key;
        // dropping them leaves those copies to the collector
        Arrays.fill(keyBytes, (byte) 0);
        ivStash.clear();
        key = null;
        encryptCipher = null;
        encryptMac = null;
        ownDecrypter = null;
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
