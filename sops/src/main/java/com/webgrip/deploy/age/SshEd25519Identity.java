package com.webgrip.deploy.age;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** The {@code ssh-ed25519} identity: an Ed25519 seed used as the X25519 scalar SHA-512(seed)[:32]. */
final class SshEd25519Identity implements SshIdentity {
    private final SshPublicKey sshKey;
    private final byte[] scalar;
    private final byte[] montgomery;
    private volatile boolean destroyed;

    private SshEd25519Identity(SshPublicKey sshKey, byte[] scalar) {
        this.sshKey = sshKey;
        this.scalar = scalar;
        this.montgomery = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(scalar, 0, montgomery, 0);
    }

    /**
     * An identity from a 32-byte Ed25519 seed (the private key of RFC 8032). The seed is not kept.
     *
     * @param expectedPublic the public key stored next to the seed, or null; when given it must
     *     match the seed's
     */
    static SshEd25519Identity fromSeed(byte[] seed, byte[] expectedPublic) {
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 seed has " + seed.length + " bytes; expected 32");
        }
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        if (expectedPublic != null && !MessageDigest.isEqual(publicKey, expectedPublic)) {
            throw new IllegalArgumentException("Ed25519 private key does not match the public key stored with it");
        }
        byte[] hash = sha512(seed);
        try {
            return new SshEd25519Identity(SshPublicKey.ed25519(publicKey), Arrays.copyOf(hash, X25519.SCALAR_SIZE));
        } finally {
            KeyBytes.zero(hash);
        }
    }

    @Override
    public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
        checkLive();
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals(SshEd25519Recipient.TYPE)) {
                continue;
            }
            if (stanza.arguments().size() != 2) {
                throw new AgeHeaderException(
                        "ssh-ed25519 stanza has " + stanza.arguments().size()
                                + " arguments after its type; expected 2 (the key tag and the ephemeral share)");
            }
            byte[] share;
            try {
                share = StrictBase64.decodeExactly(stanza.arguments().get(1), X25519.POINT_SIZE, "ssh-ed25519 share");
            } catch (IllegalArgumentException e) {
                throw new AgeHeaderException("ssh-ed25519 stanza: " + e.getMessage(), e);
            }
            if (!SshIdentity.isAddressedTo(stanza, sshKey)) {
                continue;
            }
            return Optional.of(unwrapOne(stanza, share));
        }
        return Optional.empty();
    }

    private FileKey unwrapOne(Stanza stanza, byte[] share) throws AgeHeaderException {
        if (stanza.bodyLength() != FileKey.LENGTH + ChaChaPoly.TAG_LENGTH) {
            throw new AgeHeaderException("ssh-ed25519 stanza body has " + stanza.bodyLength() + " bytes; expected "
                    + (FileKey.LENGTH + ChaChaPoly.TAG_LENGTH));
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        byte[] tweaked = new byte[X25519.POINT_SIZE];
        byte[] tweak = SshEd25519Recipient.tweak(sshKey);
        byte[] wrapKey = null;
        byte[] fileKey = null;
        try {
            if (!X25519.calculateAgreement(scalar, 0, share, 0, shared, 0)) {
                throw new AgeHeaderException("ssh-ed25519 stanza share is a low-order point (all-zero shared secret)");
            }
            X25519.scalarMult(tweak, 0, shared, 0, tweaked, 0);
            wrapKey = Hkdf.derive(tweaked, KeyBytes.concat(share, montgomery), SshEd25519Recipient.LABEL);
            fileKey = ChaChaPoly.defaults().unwrapKey(wrapKey, stanza.body());
            if (fileKey == null) {
                // The tag says the stanza is for this key: as in Go age, that is an error, not "no match".
                throw new AgeHeaderException("ssh-ed25519 stanza for key " + sshKey.fingerprint()
                        + " does not decrypt: the header was altered");
            }
            return FileKey.of(fileKey);
        } finally {
            KeyBytes.zero(shared, tweaked, tweak, wrapKey, fileKey);
        }
    }

    @Override
    public SshPublicKey sshKey() {
        return sshKey;
    }

    @Override
    public AgePublicKey publicKey() {
        return new SshEd25519Recipient(sshKey, AgeKeys.defaultRandom());
    }

    @Override
    public String typeName() {
        return SshEd25519Recipient.TYPE;
    }

    @Override
    public void destroy() {
        KeyBytes.zero(scalar);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("ssh-ed25519 identity was destroyed");
        }
    }

    static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SshEd25519Identity[" + (destroyed ? "destroyed" : sshKey.fingerprint()) + "]";
    }
}
