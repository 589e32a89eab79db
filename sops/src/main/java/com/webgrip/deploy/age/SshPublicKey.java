package com.webgrip.deploy.age;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An SSH public key of a type age can encrypt to, in its wire encoding (the base64 field of an
 * {@code authorized_keys} line). Public data: safe to print.
 */
final class SshPublicKey {
    static final String ED25519 = "ssh-ed25519";
    static final String RSA = "ssh-rsa";
    static final List<String> TYPES = List.of(ED25519, RSA);

    /** Bounds on RSA keys from the outside world; Go's x/crypto/ssh caps the exponent at 24 bits too. */
    static final int RSA_MIN_BYTES = 2048 / 8;

    static final int RSA_MAX_BITS = 16384;
    static final int RSA_MAX_EXPONENT_BITS = 24;

    private final String type;
    private final byte[] wire;

    private SshPublicKey(String type, byte[] wire) {
        this.type = type;
        this.wire = wire;
    }

    /**
     * Parses {@code type base64 [comment]} as in an {@code authorized_keys} file or a {@code .pub}
     * file.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static SshPublicKey parseLine(String line) {
        String[] fields = line.strip().split("[ \t]+", 3);
        if (fields.length < 2) {
            throw new IllegalArgumentException("SSH public key line has " + fields.length
                    + " field; expected a key type and a base64 key, then an optional comment");
        }
        if (!TYPES.contains(fields[0])) {
            throw new IllegalArgumentException(
                    "SSH key type " + printable(fields[0]) + " is not supported; expected one of " + TYPES);
        }
        byte[] wire;
        try {
            wire = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SSH public key is not valid base64", e);
        }
        SshPublicKey key = fromWire(wire);
        if (!key.type.equals(fields[0])) {
            throw new IllegalArgumentException(
                    "SSH public key line says " + fields[0] + " but the key inside is " + printable(key.type));
        }
        return key;
    }

    /**
     * The key type of an {@code authorized_keys}-style line of a type age does not support (ecdsa,
     * sk-…) whose base64 key holds the type the line declares; empty for anything else, including
     * a malformed key of a supported type, which stays an error. Go age checks about the same
     * before skipping an unsupported SSH key in a recipients file (it also skips RSA keys under
     * 2048 bits, which we refuse).
     */
    static Optional<String> declaredType(String line) {
        String[] fields = line.strip().split("[ \t]+", 3);
        if (fields.length < 2) {
            return Optional.empty();
        }
        try {
            byte[] wire = Base64.getDecoder().decode(fields[1]);
            String type = new SshWire.Reader(wire, "SSH public key").readAscii();
            return type.equals(fields[0]) && !TYPES.contains(type) ? Optional.of(type) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Checks a wire-encoded public key of a supported type. */
    static SshPublicKey fromWire(byte[] wire) {
        SshWire.Reader reader = new SshWire.Reader(wire, "SSH public key");
        String type = reader.readAscii();
        if (type.equals(ED25519)) {
            byte[] point = reader.readString();
            if (point.length != 32) {
                throw new IllegalArgumentException(
                        "ssh-ed25519 public key has " + point.length + " bytes; expected 32");
            }
        } else if (type.equals(RSA)) {
            BigInteger exponent = reader.readPositiveMpint(RSA_MAX_EXPONENT_BITS, "RSA exponent");
            BigInteger modulus = reader.readPositiveMpint(RSA_MAX_BITS, "RSA modulus");
            if (!exponent.testBit(0) || exponent.compareTo(BigInteger.valueOf(3)) < 0) {
                throw new IllegalArgumentException("RSA exponent is even or below 3; expected an odd number >= 3");
            }
            // Go age: rsa.PublicKey.Size() < 2048/8 is refused.
            if ((modulus.bitLength() + 7) / 8 < RSA_MIN_BYTES) {
                throw new IllegalArgumentException(
                        "RSA key has " + modulus.bitLength() + " bits; age requires at least 2048 (like Go age)");
            }
        } else {
            throw new IllegalArgumentException(
                    "SSH key type " + printable(type) + " is not supported; expected one of " + TYPES);
        }
        reader.requireEnd();
        return new SshPublicKey(type, wire.clone());
    }

    static SshPublicKey ed25519(byte[] point) {
        return fromWire(new SshWire.Writer().string(ED25519).string(point).toByteArray());
    }

    static SshPublicKey rsa(BigInteger modulus, BigInteger exponent) {
        return fromWire(
                new SshWire.Writer().string(RSA).mpint(exponent).mpint(modulus).toByteArray());
    }

    String type() {
        return type;
    }

    byte[] wire() {
        return wire.clone();
    }

    /** The 32-byte Ed25519 point of an ssh-ed25519 key. */
    byte[] ed25519Point() {
        SshWire.Reader reader = new SshWire.Reader(wire, "SSH public key");
        reader.readString();
        return reader.readString();
    }

    /** The modulus and exponent of an ssh-rsa key, in that order. */
    BigInteger[] rsaModulusAndExponent() {
        SshWire.Reader reader = new SshWire.Reader(wire, "SSH public key");
        reader.readString();
        BigInteger exponent = reader.readPositiveMpint(RSA_MAX_EXPONENT_BITS, "RSA exponent");
        BigInteger modulus = reader.readPositiveMpint(RSA_MAX_BITS, "RSA modulus");
        return new BigInteger[] {modulus, exponent};
    }

    /** The stanza tag of age's ssh types: base64 of the first 4 bytes of SHA-256 of the wire key. */
    String tag() {
        return StrictBase64.encode(Arrays.copyOf(sha256(wire), 4));
    }

    /** {@code type base64}, the way a recipients file holds it (without a comment). */
    String line() {
        return type + " " + Base64.getEncoder().encodeToString(wire);
    }

    /** The fingerprint that {@code ssh-keygen -l} prints, for prompts and messages. */
    String fingerprint() {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(wire));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A type name from untrusted input, cut short and stripped of anything unprintable. */
    static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + cut.replaceAll("[^\\x20-\\x7e…]", "?") + "\"";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshPublicKey that && Arrays.equals(wire, that.wire);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wire);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
