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
import org.junit.jupiter.params.provider.ValueSource;

class EncryptedIdentitiesFileTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final byte[] SECRET = "the deploy key of production".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void decryptsWithTheIdentitiesInsideAPassphraseEncryptedIdentitiesFile(boolean armored) throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        Path keyFile = encryptedIdentitiesFile(new String(key.encodedSecret()) + "\n", armored);
        byte[] ciphertext = Age.encryptor().recipient(key.publicKey()).build().encrypt(SECRET);

        SshFixtures.ScriptedUi ui = new SshFixtures.ScriptedUi(PASSPHRASE);
        List<Identity> identities = AgeKeys.readIdentitiesFile(keyFile, ui);

        assertThat(ui.prompts).as("the passphrase is asked only when needed").isEmpty();
        AgeDecryptor decryptor = Age.decryptor().identities(identities).build();
        assertThat(decryptor.decrypt(ciphertext)).isEqualTo(SECRET);
        assertThat(decryptor.decrypt(ciphertext)).isEqualTo(SECRET);
        assertThat(ui.prompts)
                .as("asked once, naming the file")
                .singleElement()
                .asString()
                .contains(keyFile.toString());
    }

    @Test
    void rejectsAWrongPassphraseNamingTheFileButNotThePassphrase() throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        Path keyFile = encryptedIdentitiesFile(new String(key.encodedSecret()) + "\n", false);
        byte[] ciphertext = Age.encryptor().recipient(key.publicKey()).build().encrypt(SECRET);
        List<Identity> identities =
                AgeKeys.readIdentitiesFile(keyFile, new SshFixtures.ScriptedUi("not the passphrase"));

        assertThatThrownBy(() -> Age.decryptor().identities(identities).build().decrypt(ciphertext))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("incorrect passphrase")
                .hasMessageNotContaining("not the passphrase");
    }

    @Test
    void refusesWhenNoPassphraseIsGiven() throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        Path keyFile = encryptedIdentitiesFile(new String(key.encodedSecret()) + "\n", true);
        byte[] ciphertext = Age.encryptor().recipient(key.publicKey()).build().encrypt(SECRET);
        List<Identity> identities = AgeKeys.readIdentitiesFile(keyFile, new SshFixtures.ScriptedUi());

        assertThatThrownBy(() -> Age.decryptor().identities(identities).build().decrypt(ciphertext))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("no passphrase was given");
    }

    @Test
    void listsTheRecipientsOfEveryIdentityInside() throws Exception {
        AgeSecretKey first = AgeKeys.generateX25519(RANDOM);
        AgeSecretKey second = AgeKeys.generateX25519(RANDOM);
        Path keyFile = encryptedIdentitiesFile(
                "# two keys\n" + new String(first.encodedSecret()) + "\n" + new String(second.encodedSecret()) + "\n",
                false);
        List<Identity> identities = AgeKeys.readIdentitiesFile(keyFile, new SshFixtures.ScriptedUi(PASSPHRASE));

        assertThat(identities).hasSize(1);
        assertThatThrownBy(() -> AgeKeys.recipientOf(identities.get(0)))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("recipientsOf");
        assertThat(AgeKeys.recipientsOf(identities.get(0))).containsExactly(first.publicKey(), second.publicKey());
    }

    @Test
    void refusesAnEncryptedFileThatHoldsAnotherAgeFile() throws Exception {
        byte[] inner = Age.encryptor()
                .recipient(AgeKeys.generateX25519(RANDOM).publicKey())
                .build()
                .encrypt(SECRET);
        Path keyFile = encryptedIdentitiesFile(new String(inner, StandardCharsets.ISO_8859_1), false);
        Identity identity = AgeKeys.readIdentitiesFile(keyFile, new SshFixtures.ScriptedUi(PASSPHRASE))
                .get(0);

        assertThatThrownBy(() -> AgeKeys.recipientsOf(identity))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("holds another age file");
    }

    @Test
    void skipsAnSshKeyOfAnUnsupportedTypeInARecipientsFileWithAWarning() throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        String content =
                SshFixtures.text("ecdsa.pub").strip() + "\n" + key.publicKey().encoded() + "\n";
        SshFixtures.ScriptedUi ui = new SshFixtures.ScriptedUi();

        List<Recipient> recipients = AgeKeys.parseRecipients(content, "team.txt", RANDOM, ui);

        assertThat(recipients).containsExactly(key.publicKey());
        assertThat(ui.messages)
                .singleElement()
                .asString()
                .contains("team.txt", "line 1", "warning", "ecdsa-sha2-nistp256");
    }

    @Test
    void stillRejectsAMalformedKeyThatIsNotAnSshKeyInARecipientsFile() {
        assertThatThrownBy(() -> AgeKeys.parseRecipients(
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 c\n", "team.txt", RANDOM, new SshFixtures.ScriptedUi()))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("team.txt line 1");
    }

    private Path encryptedIdentitiesFile(String identities, boolean armored) throws Exception {
        Recipient passphrase = AgeKeys.passphraseRecipient(PASSPHRASE.toCharArray(), 10, RANDOM);
        byte[] encrypted = Age.encryptor()
                .recipient(passphrase)
                .armor(armored)
                .build()
                .encrypt(identities.getBytes(StandardCharsets.ISO_8859_1));
        Path file = dir.resolve(armored ? "keys.age.asc" : "keys.age");
        Files.write(file, encrypted);
        return file;
    }
}
