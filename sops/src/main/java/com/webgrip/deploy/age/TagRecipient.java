package com.webgrip.deploy.age;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tagged recipients for hardware keys (C2SP age, "The tagged recipient types"):
 * {@code p256tag} ({@code age1tag1…}, a compressed P-256 point, HPKE with DHKEM(P-256)) and
 * {@code mlkem768p256tag} ({@code age1tagpq1…}, an ML-KEM-768 key and an uncompressed P-256
 * point, HPKE with MLKEM768-P256). Encryption only: the identities live in hardware plugins.
 *
 * <p>The stanza carries {@code tag = HKDF-Extract(salt = label, ikm = enc || SHA-256(key)[:4])[:4]}
 * so that a hardware identity can tell its stanzas before asking for a touch.
 */
final class TagRecipient implements AgePublicKey {
    static final String CLASSIC_TYPE = "p256tag";
    static final String HYBRID_TYPE = "mlkem768p256tag";
    static final String CLASSIC_HRP = "age1tag";
    static final String HYBRID_HRP = "age1tagpq";
    static final int COMPRESSED_LENGTH = 33;

    private final boolean hybrid;
    private final byte[] encoding;
    private final byte[] hpkeKey;
    private final SecureRandom random;

    private TagRecipient(boolean hybrid, byte[] encoding, byte[] hpkeKey, SecureRandom random) {
        this.hybrid = hybrid;
        this.encoding = encoding;
        this.hpkeKey = hpkeKey;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Parses {@code age1tag1…} or {@code age1tagpq1…}; the message of a failure never repeats the text. */
    static TagRecipient parse(String text, SecureRandom random) {
        Bech32.Decoded decoded = Bech32.decode(text);
        byte[] data = decoded.data();
        return switch (decoded.hrp()) {
            case CLASSIC_HRP -> classic(data, random);
            case HYBRID_HRP -> hybrid(data, random);
            default ->
                throw new IllegalArgumentException(
                        "tag recipient has prefix " + decoded.hrp() + "1; expected age1tag1 or age1tagpq1");
        };
    }

    /** A p256tag recipient from its 33-byte compressed point. */
    static TagRecipient classic(byte[] compressed, SecureRandom random) {
        if (compressed.length != COMPRESSED_LENGTH) {
            throw new IllegalArgumentException(
                    "p256tag recipient has " + compressed.length + " bytes; expected a 33-byte compressed P-256 point");
        }
        // The spec: decompress before HPKE's DeserializePublicKey.
        return new TagRecipient(false, compressed.clone(), P256.uncompressed(compressed), random);
    }

    /** An mlkem768p256tag recipient from its 1249 bytes (ML-KEM-768 key || uncompressed point). */
    static TagRecipient hybrid(byte[] key, SecureRandom random) {
        HybridKem.MLKEM768_P256.checkPublicKey(key);
        return new TagRecipient(true, key.clone(), key.clone(), random);
    }

    @Override
    public List<Stanza> wrap(FileKey fileKey) {
        byte[] randomness = new byte[hybrid ? HybridKem.MLKEM768_P256.randomLength() : DhKemP256.seedLength()];
        random.nextBytes(randomness);
        try {
            return List.of(wrap(fileKey, randomness));
        } finally {
            KeyBytes.zero(randomness);
        }
    }

    /** Wraps with the given encapsulation randomness: for known-answer tests. */
    Stanza wrap(FileKey fileKey, byte[] randomness) {
        byte[][] secretAndEnc = hybrid
                ? HybridKem.MLKEM768_P256.encapsulate(hpkeKey, randomness)
                : DhKemP256.encapsulate(hpkeKey, randomness);
        byte[] key = fileKey.bytes();
        try {
            byte[] enc = secretAndEnc[1];
            byte[] body = Hpke.seal(kemId(), secretAndEnc[0], info(), key);
            return Stanza.of(type(), List.of(StrictBase64.encode(tag(enc)), StrictBase64.encode(enc)), body);
        } finally {
            KeyBytes.zero(secretAndEnc[0], key);
        }
    }

    /** The 4-byte tag of a stanza with this encapsulated key. */
    byte[] tag(byte[] enc) {
        byte[] tagged =
                hybrid ? Arrays.copyOfRange(encoding, HybridKem.MLKEM_PUBLIC_LENGTH, encoding.length) : encoding;
        byte[] ikm = KeyBytes.concat(enc, Arrays.copyOf(SshPublicKey.sha256(tagged), 4));
        return Arrays.copyOf(Hpke.extract(info(), ikm), 4);
    }

    int kemId() {
        return hybrid ? HybridKem.MLKEM768_P256.kemId() : DhKemP256.KEM_ID;
    }

    /** The HPKE info, which is also the tag's HKDF salt: {@code age-encryption.org/<type>}. */
    byte[] info() {
        return ("age-encryption.org/" + type()).getBytes(StandardCharsets.US_ASCII);
    }

    String type() {
        return hybrid ? HYBRID_TYPE : CLASSIC_TYPE;
    }

    boolean isHybrid() {
        return hybrid;
    }

    /** The key HPKE encapsulates to: the uncompressed point, or the 1249-byte hybrid key. */
    byte[] hpkePublicKey() {
        return hpkeKey.clone();
    }

    @Override
    public Set<String> labels() {
        return hybrid ? Set.of(PqRecipient.POSTQUANTUM) : Set.of();
    }

    @Override
    public String encoded() {
        return Bech32.encode(hybrid ? HYBRID_HRP : CLASSIC_HRP, encoding);
    }

    @Override
    public String typeName() {
        return type();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TagRecipient that && hybrid == that.hybrid && Arrays.equals(encoding, that.encoding);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoding);
    }

    @Override
    public String toString() {
        String encoded = encoded();
        return "TagRecipient[" + (encoded.length() > 40 ? encoded.substring(0, 24) + "…" : encoded) + "]";
    }
}
