package com.webgrip.deploy.age;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The post-quantum hybrid recipient {@code mlkem768x25519} ({@code age1pq1…}): the file key is
 * sealed with HPKE over the MLKEM768-X25519 KEM. It carries the {@code postquantum} label, so a
 * file is never encrypted to it together with classical recipients.
 */
final class PqRecipient implements AgePublicKey {
    static final String TYPE = "mlkem768x25519";
    static final String HRP = "age1pq";
    static final byte[] INFO = "age-encryption.org/mlkem768x25519".getBytes(StandardCharsets.US_ASCII);
    static final String POSTQUANTUM = "postquantum";
    static final HybridKem KEM = HybridKem.MLKEM768_X25519;

    private final byte[] publicKey;
    private final SecureRandom random;

    PqRecipient(byte[] publicKey, SecureRandom random) {
        KEM.checkPublicKey(publicKey);
        this.publicKey = publicKey.clone();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Parses {@code age1pq1…}; the message of a failure never repeats the text. */
    static PqRecipient parse(String text, SecureRandom random) {
        Bech32.Decoded decoded = Bech32.decode(text);
        if (!decoded.hrp().equals(HRP)) {
            throw new IllegalArgumentException(
                    "post-quantum recipient has prefix " + decoded.hrp() + "1; expected age1pq1");
        }
        return new PqRecipient(decoded.data(), random);
    }

    @Override
    public List<Stanza> wrap(FileKey fileKey) {
        byte[] randomness = new byte[KEM.randomLength()];
        random.nextBytes(randomness);
        return List.of(wrap(fileKey, randomness));
    }

    /** Wraps with the given encapsulation randomness (EncapsDerand): for known-answer tests. */
    Stanza wrap(FileKey fileKey, byte[] randomness) {
        byte[][] secretAndEnc = KEM.encapsulate(publicKey, randomness);
        byte[] key = fileKey.bytes();
        try {
            byte[] body = Hpke.seal(KEM.kemId(), secretAndEnc[0], INFO, key);
            return Stanza.of(TYPE, List.of(StrictBase64.encode(secretAndEnc[1])), body);
        } finally {
            KeyBytes.zero(secretAndEnc[0], key, randomness);
        }
    }

    @Override
    public Set<String> labels() {
        return Set.of(POSTQUANTUM);
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

    @Override
    public boolean equals(Object other) {
        return other instanceof PqRecipient that && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        String encoded = encoded();
        return "PqRecipient[" + encoded.substring(0, 16) + "…" + encoded.substring(encoded.length() - 8) + "]";
    }
}
