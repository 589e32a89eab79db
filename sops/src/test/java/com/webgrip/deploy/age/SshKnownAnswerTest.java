package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files that Debian's age 1.1.1 encrypted to SSH keys (see resources age/ssh/NOTES.md), opened by our identities. */
class SshKnownAnswerTest {
    private static final byte[] PLAINTEXT = SshFixtures.bytes("plain.txt");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ed25519",
                "ed25519-aes256-ctr",
                "ed25519-pkcs8",
                "rsa2048",
                "rsa3072-aes256-ctr",
                "rsa2048-pkcs1",
                "rsa2048-pkcs8"
            })
    void decryptsWhatDebianAgeEncryptedToEachKeyFormat(String key) throws Exception {
        Identity identity = SshFixtures.identity(key);
        byte[] file = SshFixtures.bytes(key + ".age");
        assertThat(Age.decryptor().identity(identity).build().decrypt(file)).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ed25519",
                "ed25519-aes256-ctr",
                "ed25519-aes256-gcm",
                "ed25519-chacha20-poly1305",
                "ed25519-aes128-cbc",
                "ed25519-pkcs8",
                "rsa2048",
                "rsa3072-aes256-ctr",
                "rsa2048-pkcs1",
                "rsa2048-pkcs8"
            })
    void thePublicKeyOfEachPrivateKeyIsItsPubLine(String key) throws Exception {
        SshFixtures.ScriptedUi ui = new SshFixtures.ScriptedUi();
        Identity identity = SshFixtures.identity(key, ui);
        assertThat(AgeKeys.publicKeyOf(identity).encoded()).isEqualTo(SshFixtures.publicLine(key));
        assertThat(ui.prompts)
                .as("the public key of an encrypted key needs no passphrase")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ed25519-aes256-ctr",
                "ed25519-aes256-gcm",
                "ed25519-chacha20-poly1305",
                "ed25519-aes128-cbc",
                "rsa3072-aes256-ctr"
            })
    void opensEveryCipherThatSshKeygenWritesWithThePassphrase(String key) throws Exception {
        Recipient recipient = AgeKeys.parseRecipient(SshFixtures.publicLine(key));
        byte[] file = Age.encryptor().recipient(recipient).build().encrypt(PLAINTEXT);
        SshFixtures.ScriptedUi ui = new SshFixtures.ScriptedUi(SshFixtures.PASSPHRASE);
        Identity identity = SshFixtures.identity(key, ui);
        assertThat(Age.decryptor().identity(identity).build().decrypt(file)).isEqualTo(PLAINTEXT);
        assertThat(ui.prompts).singleElement().asString().contains(key).contains("SHA256:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519-aes256-ctr", "ed25519-aes256-gcm", "ed25519-chacha20-poly1305"})
    void aWrongPassphraseIsATypedErrorNamingTheKey(String key) throws Exception {
        Identity identity = SshFixtures.identity(key, new SshFixtures.ScriptedUi("incorrect horse"));
        byte[] file = SshFixtures.bytes("ed25519-aes256-ctr.age");
        Recipient recipient = AgeKeys.parseRecipient(SshFixtures.publicLine(key));
        byte[] own = Age.encryptor().recipient(recipient).build().encrypt(PLAINTEXT);
        assertThatThrownBy(() -> Age.decryptor().identity(identity).build().decrypt(own))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("wrong passphrase for SSH key SHA256:")
                .hasMessageNotContaining("incorrect horse");
        assertThat(file).isNotEmpty();
    }

    @Test
    void asksForThePassphraseOnlyWhenAFileIsForTheKeyAndThenKeepsTheKey() throws Exception {
        SshFixtures.ScriptedUi ui = new SshFixtures.ScriptedUi(SshFixtures.PASSPHRASE);
        Identity encrypted = SshFixtures.identity("ed25519-aes256-ctr", ui);
        AgeDecryptor decryptor = Age.decryptor().identity(encrypted).build();

        assertThatThrownBy(() -> decryptor.decrypt(SshFixtures.bytes("ed25519.age")))
                .isInstanceOf(NoIdentityMatchedException.class);
        assertThat(ui.prompts).isEmpty();

        assertThat(decryptor.decrypt(SshFixtures.bytes("ed25519-aes256-ctr.age")))
                .isEqualTo(PLAINTEXT);
        assertThat(decryptor.decrypt(SshFixtures.bytes("ed25519-aes256-ctr.age")))
                .isEqualTo(PLAINTEXT);
        assertThat(ui.prompts).hasSize(1);
    }

    @Test
    void noPassphraseFromTheUiIsATypedError() throws Exception {
        Identity encrypted = SshFixtures.identity("ed25519-aes256-ctr", AgeUi.nonInteractive());
        assertThatThrownBy(() -> Age.decryptor()
                        .identity(encrypted)
                        .build()
                        .decrypt(SshFixtures.bytes("ed25519-aes256-ctr.age")))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("is encrypted and no passphrase was given");
    }

    @Test
    void opensAnArmoredFileForTwoKeysWithEitherKey() throws Exception {
        byte[] file = SshFixtures.bytes("multi-armored.age");
        for (String key : List.of("ed25519", "rsa2048")) {
            assertThat(Age.decryptor()
                            .identity(SshFixtures.identity(key))
                            .build()
                            .decrypt(file))
                    .isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void theStanzaTagIsTheSameAsDebianAgeWrites() throws Exception {
        // The header of ed25519.age, written by Debian's age: "-> ssh-ed25519 K2AJlw <share>".
        Recipient recipient = AgeKeys.parseRecipient(SshFixtures.text("ed25519.pub"));
        List<Stanza> stanzas = recipient.wrap(FileKey.of(new byte[16]));
        assertThat(stanzas).singleElement().satisfies(stanza -> {
            assertThat(stanza.type()).isEqualTo("ssh-ed25519");
            assertThat(stanza.arguments().get(0)).isEqualTo("K2AJlw");
        });
        assertThat(new String(SshFixtures.bytes("ed25519.age"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("-> ssh-ed25519 K2AJlw ");
    }
}
