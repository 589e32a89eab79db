package com.webgrip.deploy.age;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.BCrypt;

/**
 * An OpenSSH private key file ({@code openssh-key-v1}, as {@code ssh-keygen} writes by default),
 * read far enough to know its public key; {@link #decrypt} opens its private section. The format
 * is OpenSSH's {@code PROTOCOL.key}.
 */
final class OpenSshKeyFile {
    static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    /** A bound on bcrypt-pbkdf rounds from the file: ssh-keygen writes 16, careful users 100. */
    static final int MAX_KDF_ROUNDS = 10_000;

    private final OpenSshCipher cipher;
    private final byte[] salt;
    private final int rounds;
    private final SshPublicKey publicKey;
    private final byte[] privateSection;
    private final byte[] tag;

    private OpenSshKeyFile(
            OpenSshCipher cipher, byte[] salt, int rounds, SshPublicKey publicKey, byte[] privateSection, byte[] tag) {
        this.cipher = cipher;
        this.salt = salt;
        this.rounds = rounds;
        this.publicKey = publicKey;
        this.privateSection = privateSection;
        this.tag = tag;
    }

    /** Parses a PEM block, BEGIN and END lines included. */
    static OpenSshKeyFile parse(String block) {
        byte[] data = PemBlocks.decode(block, BEGIN, END);
        try {
            return parse(data);
        } finally {
            KeyBytes.zero(data);
        }
    }

    private static OpenSshKeyFile parse(byte[] data) {
        if (data.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("OpenSSH private key does not start with openssh-key-v1");
        }
        SshWire.Reader reader =
                new SshWire.Reader(Arrays.copyOfRange(data, MAGIC.length, data.length), "OpenSSH private key");
        String cipherName = reader.readAscii();
        String kdfName = reader.readAscii();
        byte[] kdfOptions = reader.readString();
        int keys = reader.readUint32();
        if (keys != 1) {
            throw new IllegalArgumentException(
                    "OpenSSH private key file holds " + Integer.toUnsignedString(keys) + " keys; expected 1");
        }
        SshPublicKey publicKey = SshPublicKey.fromWire(reader.readString());
        byte[] privateSection = reader.readString();
        OpenSshCipher cipher = null;
        byte[] salt = new byte[0];
        int rounds = 0;
        if (cipherName.equals("none")) {
            if (!kdfName.equals("none") || kdfOptions.length != 0) {
                throw new IllegalArgumentException("OpenSSH private key is not encrypted but names key derivation "
                        + SshPublicKey.printable(kdfName) + "; expected none");
            }
        } else {
            cipher = OpenSshCipher.named(cipherName);
            if (!kdfName.equals("bcrypt")) {
                throw new IllegalArgumentException("OpenSSH private key uses key derivation "
                        + SshPublicKey.printable(kdfName) + "; expected bcrypt");
            }
            SshWire.Reader options = new SshWire.Reader(kdfOptions, "OpenSSH bcrypt options");
            salt = options.readString();
            rounds = options.readUint32();
            options.requireEnd();
            if (rounds < 1 || rounds > MAX_KDF_ROUNDS) {
                throw new IllegalArgumentException("OpenSSH private key asks for " + Integer.toUnsignedString(rounds)
                        + " bcrypt rounds; expected 1 to " + MAX_KDF_ROUNDS);
            }
        }
        int blockSize = cipher == null ? 8 : cipher.blockSize();
        if (privateSection.length == 0 || privateSection.length % blockSize != 0) {
            throw new IllegalArgumentException("OpenSSH private section has " + privateSection.length
                    + " bytes; expected a non-zero multiple of " + blockSize);
        }
        byte[] tag = reader.readBytes(cipher == null ? 0 : cipher.tagLength());
        reader.requireEnd();
        return new OpenSshKeyFile(cipher, salt, rounds, publicKey, privateSection, tag);
    }

    boolean isEncrypted() {
        return cipher != null;
    }

    SshPublicKey publicKey() {
        return publicKey;
    }

    /** The identity of an unencrypted key. */
    SshIdentity identity() {
        if (isEncrypted()) {
            throw new IllegalStateException("the OpenSSH private key is encrypted; a passphrase is needed");
        }
        return readPrivateSection(privateSection.clone(), false);
    }

    /**
     * Decrypts the private section with the passphrase and reads the key.
     *
     * @throws AgeKeyException when the passphrase is wrong or the key is malformed
     */
    SshIdentity decrypt(char[] passphrase) throws AgeKeyException {
        if (!isEncrypted()) {
            return identity();
        }
        byte[] password = utf8(passphrase);
        byte[] keyAndIv = null;
        byte[] plain = null;
        try {
            keyAndIv = BCrypt.pbkdfGenerate(password, salt, rounds, cipher.keyAndIvLength());
            plain = cipher.decrypt(keyAndIv, privateSection, tag);
            if (plain == null) {
                throw wrongPassphrase();
            }
            return readPrivateSection(plain, true);
        } catch (GeneralSecurityException e) {
            throw new AgeKeyException("OpenSSH private key could not be decrypted with " + cipher.sshName(), e);
        } catch (IllegalArgumentException e) {
            throw new AgeKeyException(e.getMessage(), e);
        } finally {
            KeyBytes.zero(password, keyAndIv, plain);
        }
    }

    private AgeKeyException wrongPassphrase() {
        return new AgeKeyException("wrong passphrase for SSH key " + publicKey.fingerprint());
    }

    private SshIdentity readPrivateSection(byte[] plain, boolean decrypted) {
        SshWire.Reader reader = new SshWire.Reader(plain, "OpenSSH private section");
        try {
            int check1 = reader.readUint32();
            int check2 = reader.readUint32();
            if (check1 != check2) {
                throw new IllegalArgumentException(
                        decrypted
                                ? "wrong passphrase for SSH key " + publicKey.fingerprint()
                                : "OpenSSH private section is corrupt (its check numbers differ)");
            }
            String type = reader.readAscii();
            if (!type.equals(publicKey.type())) {
                throw new IllegalArgumentException("OpenSSH private key is " + SshPublicKey.printable(type)
                        + " but its public key is " + publicKey.type());
            }
            SshIdentity identity = type.equals(SshPublicKey.ED25519) ? readEd25519(reader) : readRsa(reader);
            if (!identity.sshKey().equals(publicKey)) {
                throw new IllegalArgumentException("OpenSSH private key does not match the public key stored with it");
            }
            reader.readString(); // the comment
            checkPadding(reader);
            return identity;
        } finally {
            KeyBytes.zero(plain);
        }
    }

    private static SshIdentity readEd25519(SshWire.Reader reader) {
        byte[] point = reader.readString();
        byte[] seedAndPoint = reader.readString();
        byte[] seed = null;
        try {
            if (point.length != 32 || seedAndPoint.length != 64) {
                throw new IllegalArgumentException("OpenSSH ed25519 key has fields of " + point.length + " and "
                        + seedAndPoint.length + " bytes; expected 32 and 64");
            }
            seed = Arrays.copyOf(seedAndPoint, 32);
            if (!Arrays.equals(Arrays.copyOfRange(seedAndPoint, 32, 64), point)) {
                throw new IllegalArgumentException("OpenSSH ed25519 key holds two different public keys");
            }
            return SshEd25519Identity.fromSeed(seed, point);
        } finally {
            KeyBytes.zero(seedAndPoint, seed);
        }
    }

    private static SshIdentity readRsa(SshWire.Reader reader) {
        int max = SshPublicKey.RSA_MAX_BITS;
        BigInteger modulus = reader.readPositiveMpint(max, "RSA modulus");
        BigInteger publicExponent = reader.readPositiveMpint(SshPublicKey.RSA_MAX_EXPONENT_BITS, "RSA exponent");
        BigInteger privateExponent = reader.readPositiveMpint(max, "RSA private exponent");
        BigInteger crtCoefficient = reader.readPositiveMpint(max, "RSA CRT coefficient");
        BigInteger primeP = reader.readPositiveMpint(max, "RSA prime p");
        BigInteger primeQ = reader.readPositiveMpint(max, "RSA prime q");
        return SshRsaIdentity.fromParts(modulus, publicExponent, privateExponent, primeP, primeQ, crtCoefficient);
    }

    /** OpenSSH pads the private section with the bytes 1, 2, 3, ... up to its block size. */
    private static void checkPadding(SshWire.Reader reader) {
        byte[] padding = reader.readBytes(reader.remaining());
        for (int i = 0; i < padding.length; i++) {
            if ((padding[i] & 0xff) != i + 1) {
                throw new IllegalArgumentException("OpenSSH private section has bad padding at byte " + i);
            }
        }
    }

    static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        buffer.clear();
        while (buffer.hasRemaining()) {
            buffer.put((byte) 0);
        }
        return out;
    }
}
