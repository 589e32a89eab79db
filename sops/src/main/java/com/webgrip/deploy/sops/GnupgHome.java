package com.webgrip.deploy.sops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.gpg.KeyGripCalculator;
import org.bouncycastle.gpg.PGPSecretKeyParser;
import org.bouncycastle.gpg.keybox.KeyBlob;
import org.bouncycastle.gpg.keybox.KeyBox;
import org.bouncycastle.gpg.keybox.PublicKeyRingBlob;
import org.bouncycastle.gpg.keybox.jcajce.JcaKeyBoxBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.OpenedPGPKeyData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEProtectionRemoverFactory;
import org.bouncycastle.util.encoders.Hex;

/**
 * A GnuPG 2.1+ home: public key rings from the keybox {@code pubring.kbx}, and for each public
 * (sub)key the secret key GnuPG's agent keeps in {@code private-keys-v1.d/KEYGRIP.key}
 * (S-expressions, usually protected with a passphrase), read with BouncyCastle's
 * {@code org.bouncycastle.gpg} package. No gpg or gpg-agent process is involved.
 */
final class GnupgHome {
    private static final Provider BC = new BouncyCastleProvider();
    private static final long MAX_KEYBOX_BYTES = 64L << 20;
    private static final long MAX_KEY_FILE_BYTES = 1L << 20;
    /** Nesting depth allowed in a key file's S-expression; GnuPG's own are a few levels deep. */
    private static final int MAX_DEPTH = 10;

    private GnupgHome() {}

    static PgpKeyring read(Path home, PgpKeyring.Passphrases passphrases) throws SopsException {
        Path keybox = home.resolve("pubring.kbx");
        List<PGPPublicKeyRing> publicRings = new ArrayList<>();
        List<PGPSecretKeyRing> secretRings = new ArrayList<>();
        try {
            PGPDigestCalculatorProvider digests =
                    new JcaPGPDigestCalculatorProviderBuilder().setProvider(BC).build();
            KeyGripCalculator grips = new KeyGripCalculator(digests.get(HashAlgorithmTags.SHA1));
            KeyBox box = new JcaKeyBoxBuilder().setProvider(BC).build(bounded(keybox, MAX_KEYBOX_BYTES));
            for (KeyBlob blob : box.getKeyBlobs()) {
                if (!(blob instanceof PublicKeyRingBlob ringBlob)) {
                    continue; // X.509 certificates (gpgsm) share the keybox
                }
                PGPPublicKeyRing ring = ringBlob.getPGPPublicKeyRing();
                publicRings.add(ring);
                List<PGPSecretKey> secrets = new ArrayList<>();
                for (PGPPublicKey key : ring) {
                    String grip = Hex.toHexString(grips.calculateKeygrip(
                                    key.getPublicKeyPacket().getKey()))
                            .toUpperCase(Locale.ROOT);
                    Path file = home.resolve("private-keys-v1.d").resolve(grip + ".key");
                    if (Files.isRegularFile(file)) {
                        PGPSecretKey secret = secretKey(file, key, digests, passphrases);
                        if (secret != null) {
                            secrets.add(secret);
                        }
                    }
                }
                if (!secrets.isEmpty()) {
                    secretRings.add(new PGPSecretKeyRing(secrets));
                }
            }
        } catch (IOException | PGPException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof SopsException se) {
                throw se;
            }
            throw new SopsKeyException(home + ": not a readable GnuPG home: " + e.getMessage(), e);
        }
        return PgpKeyring.of(secretRings, publicRings);
    }

    private static PGPSecretKey secretKey(
            Path file, PGPPublicKey key, PGPDigestCalculatorProvider digests, PgpKeyring.Passphrases passphrases)
            throws IOException, SopsException {
        String fingerprint = PgpKeyring.fingerprint(key);
        OpenedPGPKeyData data =
                PGPSecretKeyParser.parse(new ByteArrayInputStream(bounded(file, MAX_KEY_FILE_BYTES)), MAX_DEPTH);
        boolean isProtected = data.getKeyExpression().hasLabel("protected-private-key");
        char[] passphrase = isProtected ? passphrases.passphrase(fingerprint) : new char[0];
        if (passphrase == null) {
            return null; // the caller chose not to unlock this key; its public part still serves
        }
        try {
            return data.getKeyData(
                    key,
                    digests,
                    new JcePBEProtectionRemoverFactory(passphrase, digests).setProvider(BC),
                    new JcaKeyFingerprintCalculator(),
                    MAX_DEPTH);
        } catch (PGPException | RuntimeException e) {
            throw new SopsKeyException("GnuPG secret key " + fingerprint + " (" + file.getFileName()
                    + ") could not be opened: the passphrase is wrong or the key file is not supported");
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static byte[] bounded(Path file, long max) throws IOException, SopsKeyException {
        long size = Files.size(file);
        if (size > max) {
            throw new SopsKeyException(file + " has " + size + " bytes; expected at most " + max);
        }
        return Files.readAllBytes(file);
    }
}
