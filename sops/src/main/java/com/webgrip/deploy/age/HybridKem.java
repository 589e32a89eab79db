package com.webgrip.deploy.age;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * The hybrid HPKE KEMs MLKEM768-X25519 and MLKEM768-P256 of draft-ietf-hpke-pq-03, as the
 * self-contained reference filippo.io/hpke-pq states them: a 32-byte seed expanded with SHAKE256
 * into an ML-KEM-768 seed and a group scalar; shared secret
 * {@code SHA3-256(ss_PQ || ss_T || ct_T || ek_T || Label)}; ciphertext {@code ct_PQ || ct_T};
 * public key {@code ek_PQ || ek_T}. ML-KEM-768 is BouncyCastle's.
 */
final class HybridKem {
    static final int SEED_LENGTH = 32;
    static final int MLKEM_SEED_LENGTH = 64;
    static final int MLKEM_PUBLIC_LENGTH = 1184;
    static final int MLKEM_CIPHERTEXT_LENGTH = 1088;
    static final int MLKEM_RANDOM_LENGTH = 32;

    static final HybridKem MLKEM768_X25519 =
            new HybridKem(0x647a, new byte[] {0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c}, KemGroup.X25519_GROUP);
    static final HybridKem MLKEM768_P256 =
            new HybridKem(0x0050, "MLKEM768-P256".getBytes(StandardCharsets.US_ASCII), KemGroup.P256_GROUP);

    private final int kemId;
    private final byte[] label;
    private final KemGroup group;

    private HybridKem(int kemId, byte[] label, KemGroup group) {
        this.kemId = kemId;
        this.label = label;
        this.group = group;
    }

    int kemId() {
        return kemId;
    }

    int publicKeyLength() {
        return MLKEM_PUBLIC_LENGTH + group.elementLength();
    }

    int ciphertextLength() {
        return MLKEM_CIPHERTEXT_LENGTH + group.elementLength();
    }

    /** Bytes of encapsulation randomness (Nrandom): ML-KEM's, then the group's seed. */
    int randomLength() {
        return MLKEM_RANDOM_LENGTH + group.seedLength();
    }

    /** A private key expanded from its seed; destroy it when done. */
    final class PrivateKey {
        private final MLKEMPrivateKeyParameters mlkem;
        private final byte[] scalar;
        private final byte[] publicKey;

        private PrivateKey(byte[] seed) {
            if (seed.length != SEED_LENGTH) {
                throw new IllegalArgumentException("hybrid KEM seed has " + seed.length + " bytes; expected 32");
            }
            byte[] full = shake256(seed, MLKEM_SEED_LENGTH + group.seedLength());
            byte[] mlkemSeed = Arrays.copyOf(full, MLKEM_SEED_LENGTH);
            byte[] groupSeed = Arrays.copyOfRange(full, MLKEM_SEED_LENGTH, full.length);
            try {
                this.mlkem = new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768, mlkemSeed);
                this.scalar = group.randomScalar(groupSeed);
                this.publicKey = KeyBytes.concat(mlkem.getPublicKey(), group.expBase(scalar));
            } finally {
                KeyBytes.zero(full, mlkemSeed, groupSeed);
            }
        }

        /** PrivateKeyToPublicKey(seed): {@code ek_PQ || ek_T}. */
        byte[] publicKey() {
            return publicKey.clone();
        }

        /**
         * Decaps(seed, ct). ML-KEM rejects implicitly (a wrong ciphertext gives a wrong secret);
         * the group half throws IllegalArgumentException for a low-order or invalid element.
         */
        byte[] decapsulate(byte[] ciphertext) {
            if (ciphertext.length != ciphertextLength()) {
                throw new IllegalArgumentException(
                        "hybrid KEM ciphertext has " + ciphertext.length + " bytes; expected " + ciphertextLength());
            }
            byte[] ctPq = Arrays.copyOf(ciphertext, MLKEM_CIPHERTEXT_LENGTH);
            byte[] ctT = Arrays.copyOfRange(ciphertext, MLKEM_CIPHERTEXT_LENGTH, ciphertext.length);
            byte[] ssT = group.sharedSecret(ctT, scalar);
            byte[] ssPq = new MLKEMExtractor(mlkem).extractSecret(ctPq);
            try {
                return combine(ssPq, ssT, ctT, Arrays.copyOfRange(publicKey, MLKEM_PUBLIC_LENGTH, publicKey.length));
            } finally {
                KeyBytes.zero(ssPq, ssT);
            }
        }

        void destroy() {
            mlkem.destroy();
            KeyBytes.zero(scalar);
        }
    }

    PrivateKey privateKey(byte[] seed) {
        return new PrivateKey(seed);
    }

    /**
     * Checks a public key from the outside world: its length, ML-KEM's encapsulation key check
     * (FIPS 203 section 7.2) and the group element.
     */
    void checkPublicKey(byte[] publicKey) {
        if (publicKey.length != publicKeyLength()) {
            throw new IllegalArgumentException(
                    "public key has " + publicKey.length + " bytes; expected " + publicKeyLength());
        }
        MlKemKeys.checkEncapsulationKey(Arrays.copyOf(publicKey, MLKEM_PUBLIC_LENGTH));
        group.checkElement(Arrays.copyOfRange(publicKey, MLKEM_PUBLIC_LENGTH, publicKey.length));
    }

    /**
     * EncapsDerand(ek, randomness): returns {@code {shared secret, ciphertext}}.
     *
     * @param randomness {@link #randomLength()} bytes: ML-KEM's 32, then the group's seed
     */
    byte[][] encapsulate(byte[] publicKey, byte[] randomness) {
        byte[] ekPq = Arrays.copyOf(publicKey, MLKEM_PUBLIC_LENGTH);
        byte[] ekT = Arrays.copyOfRange(publicKey, MLKEM_PUBLIC_LENGTH, publicKey.length);
        byte[] randomPq = Arrays.copyOf(randomness, MLKEM_RANDOM_LENGTH);
        byte[] randomT = Arrays.copyOfRange(randomness, MLKEM_RANDOM_LENGTH, randomLength());
        byte[] skE = group.randomScalar(randomT);
        byte[] ssPq = null;
        byte[] ssT = null;
        try {
            SecretWithEncapsulation pq = MLKEMGenerator.internalGenerateEncapsulated(
                    new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, ekPq), randomPq);
            ssPq = pq.getSecret();
            byte[] ctT = group.expBase(skE);
            ssT = group.sharedSecret(ekT, skE);
            return new byte[][] {combine(ssPq, ssT, ctT, ekT), KeyBytes.concat(pq.getEncapsulation(), ctT)};
        } finally {
            KeyBytes.zero(randomPq, randomT, skE, ssPq, ssT);
        }
    }

    private byte[] combine(byte[] ssPq, byte[] ssT, byte[] ctT, byte[] ekT) {
        SHA3Digest sha3 = new SHA3Digest(256);
        for (byte[] part : new byte[][] {ssPq, ssT, ctT, ekT, label}) {
            sha3.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        sha3.doFinal(out, 0);
        return out;
    }

    static byte[] shake256(byte[] input, int length) {
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(input, 0, input.length);
        byte[] out = new byte[length];
        shake.doFinal(out, 0, length);
        return out;
    }
}
