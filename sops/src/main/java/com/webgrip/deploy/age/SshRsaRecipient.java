package com.webgrip.deploy.age;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The {@code ssh-rsa} recipient of Go age's {@code agessh} package: the file key encrypted with
 * RSA-OAEP (SHA-256 for the hash and MGF1) under the label {@value #LABEL}.
 */
final class SshRsaRecipient implements AgePublicKey {
    static final String TYPE = SshPublicKey.RSA;
    static final String LABEL = "age-encryption.org/v1/ssh-rsa";
    static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";

    private final SshPublicKey sshKey;
    private final RSAPublicKey publicKey;
    private final SecureRandom random;

    SshRsaRecipient(SshPublicKey sshKey, SecureRandom random) {
        if (!sshKey.type().equals(TYPE)) {
            throw new IllegalArgumentException("SSH key is " + sshKey.type() + "; expected " + TYPE);
        }
        this.sshKey = sshKey;
        BigInteger[] modulusAndExponent = sshKey.rsaModulusAndExponent();
        try {
            this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(modulusAndExponent[0], modulusAndExponent[1]));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ssh-rsa key is not a usable RSA public key", e);
        }
        this.random = Objects.requireNonNull(random, "random");
    }

    static OAEPParameterSpec oaep() {
        return new OAEPParameterSpec(
                "SHA-256",
                "MGF1",
                MGF1ParameterSpec.SHA256,
                new PSource.PSpecified(LABEL.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public List<Stanza> wrap(FileKey fileKey) throws AgeException {
        byte[] key = fileKey.bytes();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, publicKey, oaep(), random);
            return List.of(Stanza.of(TYPE, List.of(sshKey.tag()), cipher.doFinal(key)));
        } catch (GeneralSecurityException e) {
            throw new AgeException("ssh-rsa: RSA-OAEP encryption failed: " + e.getMessage(), e);
        } finally {
            KeyBytes.zero(key);
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
        return other instanceof SshRsaRecipient that && sshKey.equals(that.sshKey);
    }

    @Override
    public int hashCode() {
        return sshKey.hashCode();
    }

    @Override
    public String toString() {
        return "SshRsaRecipient[" + sshKey.fingerprint() + "]";
    }
}
