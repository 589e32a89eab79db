package com.webgrip.deploy.sops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.util.encoders.Hex;

/**
 * OpenPGP keys for sops's {@code pgp} master keys, read with BouncyCastle (no {@code gpg} binary):
 * armored or binary key files holding secret and/or public key rings (GnuPG's
 * {@code pubring.gpg}/{@code secring.gpg}, or an export such as sops's test key). Secret keys
 * must not be passphrase-protected. Immutable.
 */
public final class PgpKeyring {
    private static final PgpKeyring EMPTY = new PgpKeyring(List.of(), List.of());

    private final List<PGPSecretKeyRing> secretRings;
    private final List<PGPPublicKeyRing> publicRings;

    private PgpKeyring(List<PGPSecretKeyRing> secretRings, List<PGPPublicKeyRing> publicRings) {
        this.secretRings = List.copyOf(secretRings);
        this.publicRings = List.copyOf(publicRings);
    }

    /** No keys. */
    public static PgpKeyring empty() {
        return EMPTY;
    }

    static PgpKeyring of(List<PGPSecretKeyRing> secretRings, List<PGPPublicKeyRing> publicRings) {
        return new PgpKeyring(secretRings, publicRings);
    }

    /** Gives the passphrase of a GnuPG secret key when it is needed. */
    @FunctionalInterface
    public interface Passphrases {
        /** Never gives one: protected secret keys are left out, their public parts kept. */
        Passphrases NONE = fingerprint -> null;

        /**
         * The passphrase of the key with this fingerprint (40 or 64 hex digits, upper case), in a
         * fresh array that the reader zeroes after use; or {@code null} to leave that key out.
         */
        char[] passphrase(String fingerprint);
    }

    /**
     * Reads a GnuPG 2.1+ home: the public key rings of {@code pubring.kbx} and the secret keys in
     * {@code private-keys-v1.d} that belong to them, unlocked with the passphrases the callback
     * gives. No gpg or gpg-agent process is run.
     *
     * @throws SopsKeyException naming the key when a passphrase is wrong, or the home when its
     *     keybox cannot be read
     */
    public static PgpKeyring readGnupgHome(Path home, Passphrases passphrases) throws SopsException {
        return GnupgHome.read(home, Objects.requireNonNull(passphrases, "passphrases"));
    }

    /**
     * Reads key rings from files, armored or binary; each file may hold several rings, secret or
     * public.
     *
     * @throws SopsKeyException naming the file if it holds no OpenPGP keys or is malformed
     */
    public static PgpKeyring read(List<Path> files) throws SopsException {
        List<PGPSecretKeyRing> secret = new ArrayList<>();
        List<PGPPublicKeyRing> pub = new ArrayList<>();
        for (Path file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new SopsKeyException("could not read the PGP key file " + file + ": " + e.getMessage(), e);
            }
            parse(content, file.toString(), secret, pub);
        }
        return new PgpKeyring(secret, pub);
    }

    /** Reads key rings from bytes (armored or binary). */
    public static PgpKeyring parse(byte[] content, String source) throws SopsException {
        List<PGPSecretKeyRing> secret = new ArrayList<>();
        List<PGPPublicKeyRing> pub = new ArrayList<>();
        parse(content, source, secret, pub);
        return new PgpKeyring(secret, pub);
    }

    private static void parse(byte[] content, String source, List<PGPSecretKeyRing> secret, List<PGPPublicKeyRing> pub)
            throws SopsException {
        int before = secret.size() + pub.size();
        String text = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<byte[]> blocks = new ArrayList<>();
        if (text.contains("-----BEGIN PGP")) {
            // an armored file may hold several blocks (public and private key exports one after the other)
            for (String block : text.split("(?=-----BEGIN PGP)")) {
                if (block.startsWith("-----BEGIN PGP")) {
                    blocks.add(block.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        } else {
            blocks.add(content);
        }
        for (byte[] block : blocks) {
            try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(block))) {
                JcaPGPObjectFactory factory = new JcaPGPObjectFactory(in);
                Object next;
                while ((next = factory.nextObject()) != null) {
                    if (next instanceof PGPSecretKeyRing ring) {
                        secret.add(ring);
                    } else if (next instanceof PGPPublicKeyRing ring) {
                        pub.add(ring);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new SopsKeyException(source + ": not a readable OpenPGP key file: " + e.getMessage(), e);
            }
        }
        if (secret.size() + pub.size() == before) {
            throw new SopsKeyException(source + ": holds no OpenPGP key rings");
        }
    }

    /** A keyring holding the keys of both. */
    public PgpKeyring plus(PgpKeyring other) {
        List<PGPSecretKeyRing> secret = new ArrayList<>(secretRings);
        secret.addAll(other.secretRings);
        List<PGPPublicKeyRing> pub = new ArrayList<>(publicRings);
        pub.addAll(other.publicRings);
        return new PgpKeyring(secret, pub);
    }

    /** Whether there is no key at all. */
    public boolean isEmpty() {
        return secretRings.isEmpty() && publicRings.isEmpty();
    }

    /** The fingerprints (upper-case hex) of the primary keys with a secret part, for messages. */
    public List<String> secretKeyFingerprints() {
        List<String> out = new ArrayList<>();
        for (PGPSecretKeyRing ring : secretRings) {
            out.add(fingerprint(ring.getPublicKey()));
        }
        return out;
    }

    Optional<PGPSecretKey> secretKey(long keyId) {
        for (PGPSecretKeyRing ring : secretRings) {
            PGPSecretKey key = ring.getSecretKey(keyId);
            if (key != null && !key.isPrivateKeyEmpty()) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The encryption key of the key ring whose primary (or sub) key has this fingerprint. */
    Optional<PGPPublicKey> encryptionKey(String fingerprint) throws PGPException {
        String wanted = fingerprint.replace(" ", "").toUpperCase(Locale.ROOT);
        List<Iterator<PGPPublicKey>> candidates = new ArrayList<>();
        for (PGPPublicKeyRing ring : publicRings) {
            candidates.add(ring.getPublicKeys());
        }
        for (PGPSecretKeyRing ring : secretRings) {
            candidates.add(ring.getPublicKeys());
        }
        for (Iterator<PGPPublicKey> keys : candidates) {
            List<PGPPublicKey> ring = new ArrayList<>();
            keys.forEachRemaining(ring::add);
            // the whole fingerprint: a short key ID (or its suffix) can be collided on purpose
            boolean matches = ring.stream().anyMatch(k -> fingerprint(k).equals(wanted));
            if (!matches) {
                continue;
            }
            for (PGPPublicKey key : ring) {
                if (key.isEncryptionKey() && !key.hasRevocation() && !key.isMasterKey()) {
                    return Optional.of(key);
                }
            }
            for (PGPPublicKey key : ring) {
                if (key.isEncryptionKey() && !key.hasRevocation()) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    static String fingerprint(PGPPublicKey key) {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }
}
