package com.webgrip.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The age command with post-quantum keys and a passphrase-protected SSH key typed at the terminal. */
class AgeKeyTypesCommandsTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private final byte[] plaintext = "kubeconfig of the staging cluster\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path resource(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/cli-ssh/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, Objects.requireNonNull(in, name).readAllBytes());
            return file;
        }
    }

    @Test
    void encryptsToAPostQuantumKeyAndDecryptsWithIt() throws Exception {
        Path keys = dir.resolve("pq.txt");
        assertThat(new CliHarness()
                        .run("age-keygen", "-pq", "-o", keys.toString())
                        .status())
                .isZero();
        String recipient = new CliHarness()
                .run("age-keygen", "-y", keys.toString())
                .stdoutText()
                .strip();
        assertThat(recipient).startsWith("age1pq1");

        CliHarness.Result encrypted = new CliHarness().stdin(plaintext).run("age", "-e", "-r", recipient, "-a");
        assertThat(encrypted.status()).isZero();
        CliHarness.Result decrypted =
                new CliHarness().stdin(encrypted.stdout()).run("age", "-d", "-i", keys.toString());
        assertThat(decrypted.stdout()).isEqualTo(plaintext);
    }

    @Test
    void asksAtTheTerminalForThePassphraseOfAnEncryptedSshKey() throws Exception {
        Path key = resource("ed25519-aes256-ctr");
        Path pub = resource("ed25519-aes256-ctr.pub");
        CliHarness.Result encrypted = new CliHarness().stdin(plaintext).run("age", "-R", pub.toString());
        assertThat(encrypted.status()).isZero();

        CliHarness.Result decrypted =
                new CliHarness().stdin(encrypted.stdout()).terminal(PASSPHRASE).run("age", "-d", "-i", key.toString());
        assertThat(decrypted.status()).isZero();
        assertThat(decrypted.stdout()).isEqualTo(plaintext);

        CliHarness.Result noTerminal =
                new CliHarness().stdin(encrypted.stdout()).run("age", "-d", "-i", key.toString());
        assertThat(noTerminal.status()).isEqualTo(1);
        assertThat(noTerminal.stderr()).contains("is encrypted and no passphrase was given");
    }

    @Test
    void encryptsToTheRecipientOfAnSshIdentityWithMinusEMinusI() throws Exception {
        Path key = resource("ed25519-aes256-ctr");
        CliHarness.Result encrypted = new CliHarness().stdin(plaintext).run("age", "-e", "-i", key.toString());
        assertThat(encrypted.status()).isZero();
        CliHarness.Result decrypted =
                new CliHarness().stdin(encrypted.stdout()).terminal(PASSPHRASE).run("age", "-d", "-i", key.toString());
        assertThat(decrypted.stdout()).isEqualTo(plaintext);
    }
}
