package com.webgrip.deploy.age;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The {@code ssh-ed25519} recipient of Go age's {@code agessh} package: the Ed25519 key is used
 * as its birationally equivalent X25519 key, the X25519 shared secret is multiplied by a tweak
 * bound to the SSH key, and the stanza carries a 4-byte tag of the SSH key.
 */
final class SshEd25519Recipient implements AgePublicKey {
    static final String TYPE = SshPublicKey.ED25519;
    static final String LABEL = "age-encryption.org/v1/ssh-ed25519";

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private final SshPublicKey sshKey;
    private final byte[] montgomery;
    private final SecureRandom random;

    SshEd25519Recipient(SshPublicKey sshKey, SecureRandom random) {
        if (!sshKey.type().equals(TYPE)) {
            throw new IllegalArgumentException("SSH key is " + sshKey.type() + "; expected " + TYPE);
        }
        this.sshKey = sshKey;
        this.montgomery = toMontgomery(sshKey.ed25519Point());
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The X25519 u-coordinate of an Ed25519 public key: u = (1 + y) / (1 - y) mod p.
     *
     * @throws IllegalArgumentException when the bytes are not a point of prime order on the curve
     */
    static byte[] toMontgomery(byte[] edwards) {
        if (!Ed25519.validatePublicKeyFull(edwards, 0)) {
            throw new IllegalArgumentException("ssh-ed25519 key is not a valid Ed25519 point of prime order");
        }
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = edwards[31 - i];
        }
        bigEndian[0] &= 0x7f; // the top bit is the sign of x
        BigInteger y = new BigInteger(1, bigEndian).mod(P);
        BigInteger u = BigInteger.ONE
                .add(y)
                .multiply(BigInteger.ONE.subtract(y).modInverse(P))
                .mod(P);
        byte[] out = new byte[32];
        byte[] uBytes = u.toByteArray();
        for (int i = 0; i < 32 && i < uBytes.length; i++) {
            out[i] = uBytes[uBytes.length - 1 - i];
        }
        return out;
    }

    /** HKDF(ikm = empty, salt = SSH wire key, info = label): binds the shared secret to the SSH key. */
    static byte[] tweak(SshPublicKey sshKey) {
        return Hkdf.derive(new byte[0], sshKey.wire(), LABEL);
    }

    @Override
    public List<Stanza> wrap(FileKey fileKey) throws AgeException {
        byte[] ephemeral = new byte[X25519.SCALAR_SIZE];
        byte[] share = new byte[X25519.POINT_SIZE];
        byte[] shared = new byte[X25519.POINT_SIZE];
        byte[] tweaked = new byte[X25519.POINT_SIZE];
        byte[] tweak = tweak(sshKey);
        byte[] wrapKey = null;
        byte[] key = fileKey.bytes();
        try {
            random.nextBytes(ephemeral);
            X25519.scalarMultBase(ephemeral, 0, share, 0);
            if (!X25519.calculateAgreement(ephemeral, 0, montgomery, 0, shared, 0)) {
                throw new AgeException("ssh-ed25519 recipient gives an all-zero shared secret");
            }
            X25519.scalarMult(tweak, 0, shared, 0, tweaked, 0);
            wrapKey = Hkdf.derive(tweaked, KeyBytes.concat(share, montgomery), LABEL);
            byte[] body = ChaChaPoly.defaults().wrapKey(wrapKey, key);
            return List.of(Stanza.of(TYPE, List.of(sshKey.tag(), StrictBase64.encode(share)), body));
        } finally {
            KeyBytes.zero(ephemeral, shared, tweaked, tweak, wrapKey, key);
        }
    }

    SshPublicKey sshKey() {
        return sshKey;
    }

    @Override
    public String encoded() {
        return sshKey.line();
    }

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshEd25519Recipient that && sshKey.equals(that.sshKey);
    }

    @Override
    public int hashCode() {
        return sshKey.hashCode();
    }

    @Override
    public String toString() {
        return "SshEd25519Recipient[" + sshKey.fingerprint() + "]";
    }
}
