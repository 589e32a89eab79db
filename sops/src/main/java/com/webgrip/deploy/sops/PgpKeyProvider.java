package com.webgrip.deploy.sops;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;

/**
 * sops's {@code pgp} master keys with BouncyCastle: {@code enc} is an armored OpenPGP message
 * whose literal data is the data key, {@code fp} the recipient's primary key fingerprint.
 */
final class PgpKeyProvider implements MasterKeyProvider {
    private static final Provider BC = new BouncyCastleProvider();

    /** A data key is 32 bytes and a Shamir share 33; anything much longer is not one. */
    static final int MAX_LITERAL = 64;

    @Override
    public String type() {
        return "pgp";
    }

    @Override
    public MasterKey wrap(String recipient, byte[] dataKey, Credentials credentials) throws SopsException {
        String fingerprint = recipient.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!fingerprint.matches("[0-9A-F]{40}|[0-9A-F]{64}")) {
            throw new SopsKeyException("OpenPGP recipient \"" + recipient + "\" is not a full fingerprint; expected"
                    + " 40 hex digits (v4) or 64 (v6), not a short key ID, which can be collided");
        }
        PGPPublicKey key;
        try {
            key = credentials
                    .pgpKeys()
                    .encryptionKey(fingerprint)
                    .orElseThrow(() -> new SopsKeyException("no OpenPGP public key with fingerprint " + fingerprint
                            + " in the keyring; expected it in the key file or GnuPG home given"));
        } catch (PGPException e) {
            throw new SopsKeyException("OpenPGP key " + fingerprint + " is unusable: " + e.getMessage(), e);
        }
        Instant now = credentials.clock().instant();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ArmoredOutputStream armor =
                    ArmoredOutputStream.builder().clearHeaders().build(bytes);
            PGPEncryptedDataGenerator generator =
                    new PGPEncryptedDataGenerator(new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                            .setWithIntegrityPacket(true)
                            .setSecureRandom(credentials.random())
                            .setProvider(BC));
            generator.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(key)
                    .setSecureRandom(credentials.random())
                    .setProvider(BC));
            try (OutputStream encrypted = generator.open(armor, new byte[1 << 12])) {
                PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
                try (OutputStream out =
                        literal.open(encrypted, PGPLiteralData.BINARY, "", dataKey.length, Date.from(now))) {
                    out.write(dataKey);
                }
            }
            armor.close();
        } catch (IOException | PGPException e) {
            throw new SopsKeyException(
                    "could not encrypt the data key to OpenPGP key " + fingerprint + ": " + e.getMessage(), e);
        }
        String armored = bytes.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
        // go-crypto's armor (what sops writes) has no newline after the END line
        while (armored.endsWith("\n")) {
            armored = armored.substring(0, armored.length() - 1);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("created_at", Metadata.formatRfc3339(now.atOffset(ZoneOffset.UTC)));
        fields.put("enc", armored);
        fields.put("fp", fingerprint);
        return new MasterKey("pgp", fields);
    }

    @Override
    public Optional<byte[]> unwrap(MasterKey key, Credentials credentials) throws SopsException {
        PgpKeyring keys = credentials.pgpKeys();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = PGPUtil.getDecoderStream(
                new ByteArrayInputStream(key.encryptedKey().getBytes(StandardCharsets.US_ASCII)))) {
            JcaPGPObjectFactory factory = new JcaPGPObjectFactory(in);
            Object next = factory.nextObject();
            while (next != null && !(next instanceof PGPEncryptedDataList)) {
                next = factory.nextObject();
            }
            if (next == null) {
                throw new SopsFormatException("pgp key " + key.publicPart() + ": enc is not an OpenPGP message");
            }
            for (PGPEncryptedData data : (PGPEncryptedDataList) next) {
                if (!(data instanceof PGPPublicKeyEncryptedData encrypted)) {
                    continue;
                }
                Optional<PGPSecretKey> secret = keys.secretKey(encrypted.getKeyID());
                if (secret.isEmpty()) {
                    continue;
                }
                PGPPrivateKey privateKey = secret.get()
                        .extractPrivateKey(new JcePBESecretKeyDecryptorBuilder()
                                .setProvider(BC)
                                .build(new char[0]));
                InputStream clear = encrypted.getDataStream(new JcePublicKeyDataDecryptorFactoryBuilder()
                        .setProvider(BC)
                        .build(privateKey));
                if (!encrypted.isIntegrityProtected()) {
                    // GnuPG refuses these since 2.2.8: without an MDC the ciphertext is malleable
                    throw new SopsDecryptionException(
                            "pgp key " + key.publicPart()
                                    + ": the OpenPGP message has no integrity protection (MDC); refused",
                            "sops.pgp");
                }
                byte[] dataKey = literal(clear, key);
                boolean verified = false;
                try {
                    verified = encrypted.verify();
                } finally {
                    if (!verified) {
                        Arrays.fill(dataKey, (byte) 0);
                    }
                }
                if (!verified) {
                    throw new SopsDecryptionException(
                            "pgp key " + key.publicPart() + ": the OpenPGP message failed its integrity check",
                            "sops.pgp");
                }
                return Optional.of(dataKey);
            }
            return Optional.empty();
        } catch (IOException | PGPException e) {
            if (e instanceof SopsException se) {
                throw se;
            }
            throw new SopsKeyException(
                    "pgp key " + key.publicPart() + ": could not decrypt the data key: " + e.getMessage(), e);
        }
    }

    /**
     * The literal data, at most {@link #MAX_LITERAL} bytes: the message may be compressed, and
     * anyone can encrypt one to a recipient's public key, so an unbounded read would let a small
     * {@code enc} inflate to gigabytes in this JVM.
     */
    private static byte[] literal(InputStream clear, MasterKey key) throws IOException, PGPException, SopsException {
        JcaPGPObjectFactory factory = new JcaPGPObjectFactory(clear);
        Object message = factory.nextObject();
        if (message instanceof PGPCompressedData compressed) {
            factory = new JcaPGPObjectFactory(compressed.getDataStream());
            message = factory.nextObject();
        }
        if (!(message instanceof PGPLiteralData literal)) {
            throw new PGPException("the OpenPGP message holds no literal data");
        }
        byte[] data = literal.getInputStream().readNBytes(MAX_LITERAL + 1);
        if (data.length > MAX_LITERAL) {
            Arrays.fill(data, (byte) 0);
            throw new SopsFormatException("pgp key " + key.publicPart() + ": the OpenPGP message holds more than "
                    + MAX_LITERAL + " bytes; expected a 32-byte data key or a 33-byte key share");
        }
        return data;
    }

    @Override
    public List<String> describeCredentials(Credentials credentials) {
        return credentials.pgpKeys().secretKeyFingerprints().stream()
                .map(fp -> "pgp:" + fp)
                .toList();
    }
}
