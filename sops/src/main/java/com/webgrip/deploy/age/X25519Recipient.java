package com.webgrip.deploy.age;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** The native X25519 recipient ({@code age1…}): an ephemeral share and a wrapped file key. */
final class X25519Recipient implements AgePublicKey {
    static final String TYPE = "X25519";
    static final String HRP = "age";
    static final String LABEL = "age-encryption.org/v1/X25519";

    private final byte[] publicKey;
    private final SecureRandom random;

    X25519Recipient(byte[] publicKey, SecureRandom random) {
        if (publicKey.length != X25519.POINT_SIZE) {
            throw new IllegalArgumentException(
                    "X25519 public key has " + publicKey.length + " bytes; expected " + X25519.POINT_SIZE);
        }
        this.publicKey = publicKey.clone();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Parses {@code age1…}; the message of a failure never repeats the text. */
    static X25519Recipient parse(String text, SecureRandom random) {
        Bech32.Decoded decoded = Bech32.decode(text);
        if (!decoded.hrp().equals(HRP)) {
            throw new IllegalArgumentException("X25519 recipient has prefix " + decoded.hrp() + "1; expected age1");
        }
        return new X25519Recipient(decoded.data(), random);
    }

    @Override
    public List<Stanza> wrap(FileKey fileKey) throws AgeException {
        byte[] ephemeral = new byte[X25519.SCALAR_SIZE];
        byte[] share = new byte[X25519.POINT_SIZE];
        byte[] shared = new byte[X25519.POINT_SIZE];
        byte[] wrapKey = null;
        byte[] key = fileKey.bytes();
        try {
            random.nextBytes(ephemeral);
            X25519.scalarMultBase(ephemeral, 0, share, 0);
            if (!X25519.calculateAgreement(ephemeral, 0, publicKey, 0, shared, 0)) {
                throw new AgeException("X25519 recipient is a low-order point: no shared secret can be agreed");
            }
            wrapKey = Hkdf.derive(shared, concat(share, publicKey), LABEL);
            byte[] body = ChaChaPoly.defaults().wrapKey(wrapKey, key);
            return List.of(Stanza.of(TYPE, List.of(StrictBase64.encode(share)), body));
        } finally {
            Arrays.fill(ephemeral, (byte) 0);
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(key, (byte) 0);
            if (wrapKey != null) {
                Arrays.fill(wrapKey, (byte) 0);
            }
        }
    }

    @Override
    public String encoded() {
        return Bech32.encode(HRP, publicKey);
    }

    @Override
    public String typeName() {
        return TYPE;
    }

    byte[] publicKeyBytes() {
        return publicKey.clone();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X25519Recipient that && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
