package com.webgrip.deploy.age;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/**
 * PEM private keys that age accepts besides OpenSSH's own format: PKCS#1 RSA
 * ({@code BEGIN RSA PRIVATE KEY}, {@code ssh-keygen -m PEM}) and unencrypted PKCS#8
 * ({@code BEGIN PRIVATE KEY}) holding an RSA or an Ed25519 key.
 */
final class PemPrivateKeys {
    static final String PKCS1_BEGIN = "-----BEGIN RSA PRIVATE KEY-----";
    static final String PKCS1_END = "-----END RSA PRIVATE KEY-----";
    static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    static final String PKCS8_END = "-----END PRIVATE KEY-----";

    /** id-Ed25519 (RFC 8410). */
    private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private PemPrivateKeys() {}

    static SshIdentity parsePkcs1(String block) {
        byte[] der = PemBlocks.decode(block, PKCS1_BEGIN, PKCS1_END);
        RSAPrivateKey key;
        try {
            key = RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw malformed("PKCS#1 RSA private key", e);
        } finally {
            KeyBytes.zero(der);
        }
        return rsa(key);
    }

    static SshIdentity parsePkcs8(String block) {
        byte[] der = PemBlocks.decode(block, PKCS8_BEGIN, PKCS8_END);
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw malformed("PKCS#8 private key", e);
        } finally {
            KeyBytes.zero(der);
        }
        var algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            RSAPrivateKey key;
            try {
                key = RSAPrivateKey.getInstance(info.parsePrivateKey());
            } catch (IOException | RuntimeException e) {
                throw malformed("PKCS#8 RSA private key", e);
            }
            return rsa(key);
        }
        if (algorithm.equals(ED25519)) {
            byte[] seed;
            try {
                seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            } catch (IOException | RuntimeException e) {
                throw malformed("PKCS#8 Ed25519 private key", e);
            }
            try {
                return SshEd25519Identity.fromSeed(seed, null);
            } finally {
                KeyBytes.zero(seed);
            }
        }
        throw new IllegalArgumentException("PKCS#8 private key has algorithm " + algorithm.getId()
                + "; expected RSA (1.2.840.113549.1.1.1) or Ed25519 (1.3.101.112)");
    }

    private static SshIdentity rsa(RSAPrivateKey key) {
        return SshRsaIdentity.fromParts(
                key.getModulus(),
                key.getPublicExponent(),
                key.getPrivateExponent(),
                key.getPrime1(),
                key.getPrime2(),
                key.getCoefficient());
    }

    private static IllegalArgumentException malformed(String what, Exception cause) {
        return new IllegalArgumentException(what + " is not valid DER", cause);
    }
}
