package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeKeysTest {
    // From the CCTV vectors (public test keys).
    private static final String IDENTITY = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void parsesAnX25519IdentityAndDerivesItsPublicKey() throws Exception {
        Identity identity = AgeKeys.parseIdentity(IDENTITY);
        AgePublicKey publicKey = AgeKeys.publicKeyOf(identity);
        assertThat(publicKey.encoded()).startsWith("age1").hasSize(62);
        assertThat(AgeKeys.parseRecipient(publicKey.encoded())).isEqualTo(publicKey);
        assertThat(new String(((AgeSecretKey) identity).encodedSecret())).isEqualTo(IDENTITY);
    }

    @Test
    void aGeneratedKeyRoundTripsThroughItsTextForms() throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        Identity parsed = AgeKeys.parseIdentity(new String(key.encodedSecret()));
        assertThat(AgeKeys.publicKeyOf(parsed).encoded())
                .isEqualTo(key.publicKey().encoded());
    }

    @Test
    void aFileKeyWrappedForARecipientUnwrapsWithItsIdentityOnly() throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        FileKey fileKey = FileKey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        List<Stanza> stanzas = key.publicKey().wrap(fileKey);
        assertThat(stanzas).singleElement().satisfies(s -> assertThat(s.type()).isEqualTo("X25519"));
        assertThat(key.unwrap(stanzas)).contains(fileKey);
        assertThat(AgeKeys.generateX25519(RANDOM).unwrap(stanzas)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "age1pq1qqqqqqqqqqqqqqqqqqqq | post-quantum (age1pq1…) recipients are not supported",
                "age1tag1qqqqqqqqqqqqqqqqqqq | tag (age1tag1…) recipients are not supported",
                "age1tagpq1qqqqqqqqqqqqqqqqq | post-quantum tag (age1tagpq1…) recipients are not supported",
                "age1yubikey1qqqqqqqqqqqqqqq | plugin (age1NAME1…) recipients are not supported",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 c | ssh-ed25519 recipients are not supported",
                "ssh-rsa AAAAB3NzaC1yc2E c | ssh-rsa recipients are not supported",
                "nonsense | unrecognized recipient; expected one of: X25519 (age1…)",
                "AGE-SECRET-KEY-1ABC | expected a recipient (public key) but found an identity"
            })
    void namesTheFormOfARecipientItCannotParse(String text, String message) {
        assertThatThrownBy(() -> AgeKeys.parseRecipient(text))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "AGE-SECRET-KEY-PQ-1QQQQQQ | post-quantum (AGE-SECRET-KEY-PQ-1…) identities are not supported",
                "AGE-PLUGIN-YUBIKEY-1QQQQQ | plugin (AGE-PLUGIN-NAME-1…) identities are not supported",
                "age1qqqqqqqqqq | expected an identity (secret key) but found a recipient",
                "hello | unrecognized identity"
            })
    void namesTheFormOfAnIdentityItCannotParse(String text, String message) {
        assertThatThrownBy(() -> AgeKeys.parseIdentity(text))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAMalformedIdentityWithoutEchoingIt() {
        String broken = IDENTITY.substring(0, IDENTITY.length() - 1) + "Q";
        assertThatThrownBy(() -> AgeKeys.parseIdentity(broken))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("malformed X25519")
                .hasMessageNotContaining(broken.substring(20, 40));
    }

    @Test
    void readsAnIdentitiesFileWithCommentsBlankLinesAndSeveralKeys(@TempDir Path dir) throws Exception {
        AgeSecretKey second = AgeKeys.generateX25519(RANDOM);
        Path file = dir.resolve("keys.txt");
        Files.writeString(
                file,
                "# created: 2025-01-01T00:00:00Z\n# public key: age1...\n" + IDENTITY + "\n\n  \r\n"
                        + new String(second.encodedSecret()) + "\r\n",
                StandardCharsets.UTF_8);
        List<Identity> identities = AgeKeys.readIdentitiesFile(file);
        assertThat(identities).hasSize(2);
        assertThat(AgeKeys.publicKeyOf(identities.get(1)).encoded())
                .isEqualTo(second.publicKey().encoded());
    }

    @Test
    void namesFileAndLineOfABadIdentity() {
        assertThatThrownBy(() -> AgeKeys.parseIdentities("# c\n" + IDENTITY + "\nAGE-SECRET-KEY-1XX\n", "keys.txt"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageStartingWith("keys.txt line 3: malformed X25519");
    }

    @Test
    void dispatchesAPemBlockInsideAnIdentitiesFileOnItsBeginLine() {
        String content = IDENTITY + "\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n"
                + "-----END OPENSSH PRIVATE KEY-----\n";
        assertThatThrownBy(() -> AgeKeys.parseIdentities(content, "id"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessage("id line 2: OpenSSH private key identities are not supported by this build yet");
    }

    @Test
    void rejectsAPemBlockWithoutItsEndLine() {
        assertThatThrownBy(() -> AgeKeys.parseIdentities("-----BEGIN PRIVATE KEY-----\nAAAA\n", "id"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("id line 1: PEM block has no END line");
    }

    @Test
    void rejectsAnEmptyIdentitiesFile() {
        assertThatThrownBy(() -> AgeKeys.parseIdentities("# nothing\n\n", "empty.txt"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessage("empty.txt: no identities found");
    }

    @Test
    void readsARecipientsFileAndNamesTheLineOfABadOne() throws Exception {
        String one = AgeKeys.generateX25519(RANDOM).publicKey().encoded();
        String two = AgeKeys.generateX25519(RANDOM).publicKey().encoded();
        assertThat(AgeKeys.parseRecipients("# team\n" + one + "\n\n" + two + "\n", "r.txt", RANDOM))
                .hasSize(2);
        assertThatThrownBy(() -> AgeKeys.parseRecipients(one + "\nage1zzz\n", "r.txt", RANDOM))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageStartingWith("r.txt line 2: malformed X25519 (age1…) recipient");
    }

    @Test
    void postQuantumGenerationIsATypedErrorUntilItLands() {
        assertThatThrownBy(() -> AgeKeys.generatePostQuantum(RANDOM))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("post-quantum");
    }

    @Test
    void aPassphraseHasNoPublicKey() {
        assertThatThrownBy(() -> AgeKeys.publicKeyOf(AgeKeys.passphraseIdentity("x".toCharArray())))
                .isInstanceOf(AgeKeyException.class)
                .hasMessage("identity of type scrypt has no public key form");
    }
}
