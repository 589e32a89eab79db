package com.webgrip.deploy.age;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;

/**
 * The {@code ssh-rsa} identity. Java's RSA keys hold their parts as {@link BigInteger}s, which
 * cannot be zeroed: {@link #destroy()} only drops this object's reference to the key.
 */
final class SshRsaIdentity implements SshIdentity {
    private final SshPublicKey sshKey;
    private volatile RSAPrivateCrtKey privateKey;

    private SshRsaIdentity(SshPublicKey sshKey, RSAPrivateCrtKey privateKey) {
        this.sshKey = sshKey;
        this.privateKey = privateKey;
    }

    /** An identity from the CRT parts that OpenSSH and PKCS#1 store. */
    static SshRsaIdentity fromParts(
            BigInteger modulus,
            BigInteger publicExponent,
            BigInteger privateExponent,
            BigInteger primeP,
            BigInteger primeQ,
            BigInteger crtCoefficient) {
        if (!primeP.multiply(primeQ).equals(modulus)) {
            throw new IllegalArgumentException("RSA private key is inconsistent: p * q is not the modulus");
        }
        SshPublicKey sshKey = SshPublicKey.rsa(modulus, publicExponent);
        RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(
                modulus,
                publicExponent,
                privateExponent,
                primeP,
                primeQ,
                privateExponent.mod(primeP.subtract(BigInteger.ONE)),
                privateExponent.mod(primeQ.subtract(BigInteger.ONE)),
                crtCoefficient);
        try {
            return new SshRsaIdentity(
                    sshKey, (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("RSA private key is not usable", e);
        }
    }

    /** An identity from a JCA key (PKCS#8 input). */
    static SshRsaIdentity fromKey(RSAPrivateCrtKey key) {
        return new SshRsaIdentity(SshPublicKey.rsa(key.getModulus(), key.getPublicExponent()), key);
    }

    @Override
    public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
        RSAPrivateCrtKey key = privateKey;
        if (key == null) {
            throw new IllegalStateException("ssh-rsa identity was destroyed");
        }
        for (Stanza stanza : stanzas) {
            if (!stanza.type().equals(SshRsaRecipient.TYPE)) {
                continue;
            }
            if (stanza.arguments().size() != 1) {
                throw new AgeHeaderException("ssh-rsa stanza has "
                        + stanza.arguments().size() + " arguments after its type; expected 1 (the key tag)");
            }
            if (!SshIdentity.isAddressedTo(stanza, sshKey)) {
                continue;
            }
            return Optional.of(unwrapOne(key, stanza));
        }
        return Optional.empty();
    }

    private FileKey unwrapOne(RSAPrivateCrtKey key, Stanza stanza) throws AgeHeaderException {
        byte[] fileKey = null;
        try {
            Cipher cipher = Cipher.getInstance(SshRsaRecipient.TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, SshRsaRecipient.oaep());
            fileKey = cipher.doFinal(stanza.body());
        } catch (GeneralSecurityException e) {
            // The tag says the stanza is for this key: as in Go age, that is an error, not "no match".
            throw new AgeHeaderException(
                    "ssh-rsa stanza for key " + sshKey.fingerprint() + " does not decrypt: the header was altered");
        }
        try {
            if (fileKey.length != FileKey.LENGTH) {
                throw new AgeHeaderException(
                        "ssh-rsa stanza holds a " + fileKey.length + "-byte file key; expected " + FileKey.LENGTH);
            }
            return FileKey.of(fileKey);
        } finally {
            KeyBytes.zero(fileKey);
        }
    }

    @Override
    public SshPublicKey sshKey() {
        return sshKey;
    }

    @Override
    public AgePublicKey publicKey() {
        return new SshRsaRecipient(sshKey, AgeKeys.defaultRandom());
    }

    @Override
    public String typeName() {
        return SshRsaRecipient.TYPE;
    }

    @Override
    public void destroy() {
        privateKey = null;
    }

    @Override
    public boolean isDestroyed() {
        return privateKey == null;
    }

    @Override
    public String toString() {
        return "SshRsaIdentity[" + (privateKey == null ? "destroyed" : sshKey.fingerprint()) + "]";
    }
}
