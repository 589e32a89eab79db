package com.webgrip.deploy.age;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The post-quantum hybrid identity ({@code AGE-SECRET-KEY-PQ-1…}): a 32-byte seed, expanded into
 * an ML-KEM-768 key and an X25519 scalar, that opens {@code mlkem768x25519} stanzas.
 */
final class PqIdentity implements AgeSecretKey {
    static final String HRP = "AGE-SECRET-KEY-PQ-";

    private final byte[] seed;
    private final HybridKem.PrivateKey key;
    private volatile boolean destroyed;

    private PqIdentity(byte[] seed) {
        this.key = PqRecipient.KEM.privateKey(seed);
        this.seed = seed;
    }

    static PqIdentity generate(SecureRandom random) {
        byte[] seed = new byte[HybridKem.SEED_LENGTH];
        random.nextBytes(seed);
        return new PqIdentity(seed);
    }

    /** Parses {@code AGE-SECRET-KEY-PQ-1…}; the message of a failure never repeats the text. */
    static PqIdentity parse(String text) {
        Bech32.Decoded decoded = Bech32.decode(text);
        byte[] seed = decoded.data();
        decoded.destroy();
        if (!decoded.hrp().equals(HRP.toLowerCase(Locale.ROOT))) {
            KeyBytes.zero(seed);
            throw new IllegalArgumentException("post-quantum identity has an unexpected prefix; expected " + HRP + "1");
        }
        if (seed.length != HybridKem.SEED_LENGTH) {
            int length = seed.length;
            KeyBytes.zero(seed);
            throw new IllegalArgumentException(
                    "post-quantum identity holds " + length + " bytes; expected " + HybridKem.SEED_LENGTH);
        }
        return new PqIdentity(seed);
    }

    @Override
    public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
        checkLive();
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals(PqRecipient.TYPE)) {
                continue;
            }
            Optional<FileKey> fileKey = unwrapOne(stanza);
            if (fileKey.isPresent()) {
                return fileKey;
            }
        }
        return Optional.empty();
    }

    private Optional<FileKey> unwrapOne(Stanza stanza) throws AgeHeaderException {
        if (stanza.arguments().size() != 1) {
            throw new AgeHeaderException("mlkem768x25519 stanza has "
                    + stanza.arguments().size() + " arguments after its type; expected 1 (the encapsulated key)");
        }
        byte[] enc;
        try {
            enc = StrictBase64.decodeExactly(
                    stanza.arguments().get(0), PqRecipient.KEM.ciphertextLength(), "mlkem768x25519 encapsulated key");
        } catch (IllegalArgumentException e) {
            throw new AgeHeaderException("mlkem768x25519 stanza: " + e.getMessage(), e);
        }
        if (stanza.bodyLength() != FileKey.LENGTH + ChaChaPoly.TAG_LENGTH) {
            throw new AgeHeaderException("mlkem768x25519 stanza body has " + stanza.bodyLength() + " bytes; expected "
                    + (FileKey.LENGTH + ChaChaPoly.TAG_LENGTH));
        }
        byte[] shared;
        try {
            shared = key.decapsulate(enc);
        } catch (IllegalArgumentException e) {
            throw new AgeHeaderException("mlkem768x25519 stanza: " + e.getMessage(), e);
        }
        byte[] fileKey = null;
        try {
            // ML-KEM rejects implicitly: a stanza for another key fails here, as "not mine".
            fileKey = Hpke.open(PqRecipient.KEM.kemId(), shared, PqRecipient.INFO, stanza.body());
            return fileKey == null ? Optional.empty() : Optional.of(FileKey.of(fileKey));
        } finally {
            KeyBytes.zero(shared, fileKey);
        }
    }

    @Override
    public AgePublicKey publicKey() {
        checkLive();
        return new PqRecipient(key.publicKey(), AgeKeys.defaultRandom());
    }

    @Override
    public char[] encodedSecret() {
        checkLive();
        return Bech32.encodeToChars(HRP, seed, true);
    }

    @Override
    public String typeName() {
        return PqRecipient.TYPE;
    }

    @Override
    public void destroy() {
        key.destroy();
        KeyBytes.zero(seed);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("post-quantum identity was destroyed");
        }
    }

    @Override
    public String toString() {
        return destroyed ? "PqIdentity[destroyed]" : "PqIdentity[" + publicKey() + "]";
    }
}
