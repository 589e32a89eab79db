package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.Test;

/** OpenPGP {@code enc} values anyone can make with the recipient's public key, read defensively. */
class PgpHostileMessageTest {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private final PgpKeyring keyring = Fixtures.pgpTestKey();
    private final String fingerprint = keyring.secretKeyFingerprints().get(0);
    private final Credentials credentials =
            Credentials.builder().pgpKeys(keyring).build();

    private String message(byte[] content, boolean integrity, boolean compress) throws Exception {
        PGPPublicKey key = keyring.encryptionKey(fingerprint).orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().build(bytes)) {
            PGPEncryptedDataGenerator generator =
                    new PGPEncryptedDataGenerator(new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                            .setWithIntegrityPacket(integrity)
                            .setSecureRandom(new SecureRandom())
                            .setProvider(BC));
            generator.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(key).setProvider(BC));
            try (OutputStream encrypted = generator.open(armor, new byte[1 << 12])) {
                PGPCompressedDataGenerator zip = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
                OutputStream inner = compress ? zip.open(encrypted) : encrypted;
                try (OutputStream out = new PGPLiteralDataGenerator()
                        .open(inner, PGPLiteralData.BINARY, "", content.length, new Date(0))) {
                    out.write(content);
                }
                zip.close();
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    private Optional<byte[]> unwrap(String enc) throws SopsException {
        return new PgpKeyProvider().unwrap(new MasterKey("pgp", Map.of("enc", enc, "fp", fingerprint)), credentials);
    }

    @Test
    void opensAnIntegrityProtectedDataKey() throws Exception {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);

        assertThat(unwrap(message(dataKey, true, false))).contains(dataKey);
        assertThat(unwrap(message(dataKey, true, true))).contains(dataKey);
    }

    @Test
    void refusesAMessageWithoutIntegrityProtection() throws Exception {
        String enc = message(new byte[32], false, false);

        assertThatThrownBy(() -> unwrap(enc))
                .isInstanceOf(SopsDecryptionException.class)
                .hasMessageContaining("no integrity protection (MDC)");
    }

    @Test
    void refusesACompressedLiteralThatInflatesBeyondADataKey() throws Exception {
        // 4 MiB of zeros compress to a few KiB; an unbounded read would take it all in
        String enc = message(new byte[4 << 20], true, true);
        assertThat(enc.length()).isLessThan(64 << 10);

        assertThatThrownBy(() -> unwrap(enc))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("more than 64 bytes");
    }

    @Test
    void encryptsOnlyToAFullFingerprintNeverToAKeyIdSuffix() throws Exception {
        PgpKeyProvider provider = new PgpKeyProvider();
        byte[] dataKey = new byte[32];

        assertThat(provider.wrap(fingerprint.toLowerCase(java.util.Locale.ROOT), dataKey, credentials)
                        .publicPart())
                .isEqualTo(fingerprint);
        for (String shortId : new String[] {fingerprint.substring(24), fingerprint.substring(32), ""}) {
            assertThatThrownBy(() -> provider.wrap(shortId, dataKey, credentials))
                    .isInstanceOf(SopsKeyException.class)
                    .hasMessageContaining("not a full fingerprint");
        }
    }
}
