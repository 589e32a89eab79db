package com.webgrip.deploy.age;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** The native X25519 identity ({@code AGE-SECRET-KEY-1…}). */
final class X25519Identity implements AgeSecretKey {
    static final String HRP = "AGE-SECRET-KEY-";

    private final byte[] secret;
    private final byte[] publicKey;
    private volatile boolean destroyed;

    private X25519Identity(byte[] secret) {
        this.secret = secret;
        this.publicKey = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(secret, 0, publicKey, 0);
    }

    static X25519Identity generate(SecureRandom random) {
        byte[] secret = new byte[X25519.SCALAR_SIZE];
        random.nextBytes(secret);
        return new X25519Identity(secret);
    }

    /** Parses {@code AGE-SECRET-KEY-1…}; the message of a failure never repeats the text. */
    static X25519Identity parse(String text) {
        Bech32.Decoded decoded = Bech32.decode(text);
        byte[] secret = decoded.data();
        decoded.destroy();
        if (!decoded.hrp().equals(HRP.toLowerCase(java.util.Locale.ROOT))) {
            Arrays.fill(secret, (byte) 0);
            throw new IllegalArgumentException("X25519 identity has an unexpected prefix; expected AGE-SECRET-KEY-1");
        }
        if (secret.length != X25519.SCALAR_SIZE) {
            int length = secret.length;
            Arrays.fill(secret, (byte) 0);
            throw new IllegalArgumentException(
                    "X25519 identity holds " + length + " bytes; expected " + X25519.SCALAR_SIZE);
        }
        return new X25519Identity(secret);
    }

    @Override
    public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
        checkLive();
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals(X25519Recipient.TYPE)) {
                continue;
            }
            Optional<FileKey> key = unwrapOne(stanza);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    private Optional<FileKey> unwrapOne(Stanza stanza) throws AgeHeaderException {
        if (stanza.arguments().size() != 1) {
            throw new AgeHeaderException("X25519 stanza has "
                    + stanza.arguments().size() + " arguments after its type; expected 1 (the ephemeral share)");
        }
        byte[] share;
        try {
            share = StrictBase64.decodeExactly(stanza.arguments().get(0), X25519.POINT_SIZE, "X25519 share");
        } catch (IllegalArgumentException e) {
            throw new AgeHeaderException("X25519 stanza: " + e.getMessage(), e);
        }
        if (stanza.bodyLength() != FileKey.LENGTH + ChaChaPoly.TAG_LENGTH) {
            throw new AgeHeaderException("X25519 stanza body has " + stanza.bodyLength() + " bytes; expected "
                    + (FileKey.LENGTH + ChaChaPoly.TAG_LENGTH));
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        byte[] wrapKey = null;
        byte[] fileKey = null;
        try {
            if (!X25519.calculateAgreement(secret, 0, share, 0, shared, 0)) {
                throw new AgeHeaderException("X25519 stanza share is a low-order point (all-zero shared secret)");
            }
            wrapKey = Hkdf.derive(shared, X25519Recipient.concat(share, publicKey), X25519Recipient.LABEL);
            fileKey = ChaChaPoly.defaults().unwrapKey(wrapKey, stanza.body());
            return fileKey == null ? Optional.empty() : Optional.of(FileKey.of(fileKey));
        } finally {
            Arrays.fill(shared, (byte) 0);
            zero(wrapKey);
            zero(fileKey);
        }
    }

    @Override
    public AgePublicKey publicKey() {
        checkLive();
        return new X25519Recipient(publicKey, AgeKeys.defaultRandom());
    }

    @Override
    public char[] encodedSecret() {
        checkLive();
        return Bech32.encodeToChars(HRP, secret, true);
    }

    @Override
    public String typeName() {
        return X25519Recipient.TYPE;
    }

    @Override
    public void destroy() {
        Arrays.fill(secret, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("X25519 identity was destroyed");
        }
    }

    static void zero(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "X25519Identity[" + (destroyed ? "destroyed" : Bech32.encode(X25519Recipient.HRP, publicKey)) + "]";
    }
}
