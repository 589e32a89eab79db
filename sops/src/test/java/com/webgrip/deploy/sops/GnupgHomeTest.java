package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A GnuPG 2.1+ home written by real gpg (keybox + private-keys-v1.d), read without gpg. */
class GnupgHomeTest {
    private static final String FINGERPRINT = "A134396208BE04CFED017984D400431087244E40";
    private static final String PASSPHRASE = "webgrip-test-passphrase";
    private final Path home = Fixtures.path("gnupg-home");

    private static MasterKey gpgEncryptedDataKey() {
        String enc = new String(Fixtures.bytes("gnupg-home/datakey.asc"), StandardCharsets.US_ASCII);
        return new MasterKey("pgp", Map.of("enc", enc, "fp", FINGERPRINT));
    }

    private static byte[] expectedDataKey() {
        return HexFormat.of()
                .parseHex(new String(Fixtures.bytes("gnupg-home/datakey.hex"), StandardCharsets.US_ASCII).strip());
    }

    private static Credentials with(PgpKeyring keys) {
        return Credentials.builder().pgpKeys(keys).build();
    }

    @Test
    void unlocksAPassphraseProtectedKeyThroughTheCallbackAndOpensWhatGpgEncrypted() throws Exception {
        List<String> asked = new ArrayList<>();
        PgpKeyring keys = PgpKeyring.readGnupgHome(home, fingerprint -> {
            asked.add(fingerprint);
            return PASSPHRASE.toCharArray();
        });

        assertThat(asked).contains(FINGERPRINT);
        assertThat(keys.secretKeyFingerprints()).containsExactly(FINGERPRINT);
        assertThat(new PgpKeyProvider().unwrap(gpgEncryptedDataKey(), with(keys)))
                .contains(expectedDataKey());
    }

    @Test
    void aWrongPassphraseIsATypedErrorNamingTheKeyButNotThePassphrase() {
        assertThatThrownBy(() -> PgpKeyring.readGnupgHome(home, fingerprint -> "not-it".toCharArray()))
                .isInstanceOf(SopsKeyException.class)
                .hasMessageContaining(FINGERPRINT)
                .hasMessageContaining("passphrase is wrong")
                .hasMessageNotContaining("not-it");
    }

    @Test
    void withoutAPassphraseTheSecretKeysAreLeftOutAndThePublicKeyStillEncrypts() throws Exception {
        PgpKeyring publicOnly = PgpKeyring.readGnupgHome(home, PgpKeyring.Passphrases.NONE);
        PgpKeyring unlocked = PgpKeyring.readGnupgHome(home, fingerprint -> PASSPHRASE.toCharArray());
        byte[] dataKey = new byte[32];
        new java.security.SecureRandom().nextBytes(dataKey);

        assertThat(publicOnly.secretKeyFingerprints()).isEmpty();
        assertThat(new PgpKeyProvider().unwrap(gpgEncryptedDataKey(), with(publicOnly)))
                .isEmpty();
        MasterKey wrapped = new PgpKeyProvider().wrap(FINGERPRINT, dataKey, with(publicOnly));
        assertThat(new PgpKeyProvider().unwrap(wrapped, with(unlocked))).contains(dataKey);
    }

    @Test
    void sopsEnvironmentReadsTheKeyboxFromGnupghome() {
        SopsEnvironment env = SopsEnvironment.of(Map.of("GNUPGHOME", home.toString()), home, "Linux");

        SopsEnvironment.Found found = env.credentials();

        assertThat(found.problems()).isEmpty();
        assertThat(found.credentials().pgpKeys().isEmpty()).isFalse();
    }
}
