package com.webgrip.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The age, age-keygen and age-inspect commands, run in this process. */
class AgeCommandsTest {
    @TempDir
    Path dir;

    private final byte[] plaintext = "the platform's database password\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void keygenWritesTheSameLinesAsGoAgeKeygen() {
        CliHarness.Result result = new CliHarness().run("age-keygen");
        assertThat(result.status()).isZero();
        assertThat(result.stdoutText())
                .matches(
                        "# created: 2025-06-01T12:34:56Z\n# public key: age1[0-9a-z]{58}\nAGE-SECRET-KEY-1[0-9A-Z]{58}\n");
    }

    @Test
    void keygenRefusesToOverwriteAnExistingFile() throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "precious");
        CliHarness.Result result = new CliHarness().run("age-keygen", "-o", keys.toString());
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stderr()).contains("age-keygen: error:").contains("refusing to overwrite");
        assertThat(Files.readString(keys)).isEqualTo("precious");
        assertThat(dir.toFile().list()).containsExactly("keys.txt");
    }

    @Test
    void keygenToAFileShowsThePublicKeyOnStandardErrorAndMinusYPrintsItAgain() throws Exception {
        Path keys = dir.resolve("keys.txt");
        CliHarness.Result generated = new CliHarness().run("age-keygen", "-o", keys.toString());
        assertThat(generated.status()).isZero();
        String publicKey = Files.readAllLines(keys).get(1).substring("# public key: ".length());
        assertThat(generated.stderr()).contains("Public key: " + publicKey);
        CliHarness.Result converted = new CliHarness().run("age-keygen", "-y", keys.toString());
        assertThat(converted.stdoutText()).isEqualTo(publicKey + "\n");
    }

    @Test
    void keygenPostQuantumIsAClearErrorUntilItLands() {
        CliHarness.Result result = new CliHarness().run("age-keygen", "-pq");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stderr()).contains("post-quantum").contains("not available");
    }

    @Test
    void encryptsToARecipientAndDecryptsWithTheIdentityThroughFiles() throws Exception {
        Path keys = dir.resolve("keys.txt");
        new CliHarness().run("age-keygen", "-o", keys.toString());
        String recipient = Files.readAllLines(keys).get(1).substring("# public key: ".length());
        Path input = dir.resolve("secret.txt");
        Files.write(input, plaintext);
        Path encrypted = dir.resolve("secret.txt.age");
        assertThat(new CliHarness()
                        .run("age", "-r", recipient, "-o", encrypted.toString(), input.toString())
                        .status())
                .isZero();
        CliHarness.Result decrypted = new CliHarness().run("age", "-d", "-i", keys.toString(), encrypted.toString());
        assertThat(decrypted.status()).isZero();
        assertThat(decrypted.stdout()).isEqualTo(plaintext);
    }

    @Test
    void encryptsFromStandardInputToArmoredStandardOutputForTheIdentitysOwnKey() throws Exception {
        Path keys = dir.resolve("keys.txt");
        new CliHarness().run("age-keygen", "-o", keys.toString());
        CliHarness.Result encrypted = new CliHarness().stdin(plaintext).run("age", "-e", "-a", "-i", keys.toString());
        assertThat(encrypted.stdoutText()).startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n");
        CliHarness.Result decrypted =
                new CliHarness().stdin(encrypted.stdout()).run("age", "--decrypt", "--identity", keys.toString());
        assertThat(decrypted.stdout()).isEqualTo(plaintext);
    }

    @Test
    void encryptsWithAPassphraseTypedTwiceAndDecryptsWithItFromTheEnvironment() {
        CliHarness.Result encrypted =
                new CliHarness().terminal("hunter2", "hunter2").stdin(plaintext).run("age", "-p");
        assertThat(encrypted.status()).isZero();
        CliHarness.Result decrypted = new CliHarness()
                .environment(Map.of("AGE_PASSPHRASE", "hunter2"))
                .stdin(encrypted.stdout())
                .run("age", "-d");
        assertThat(decrypted.stdout()).isEqualTo(plaintext);
        CliHarness.Result wrong =
                new CliHarness().terminal("hunter3").stdin(encrypted.stdout()).run("age", "-d");
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.stderr()).contains("no identity matched");
    }

    @Test
    void refusesAPassphraseThatWasNotConfirmed() {
        CliHarness.Result result =
                new CliHarness().terminal("one", "two").stdin(plaintext).run("age", "-p");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stderr()).contains("passphrases didn't match");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aFailedDecryptionLeavesNoOutputFile() throws Exception {
        Path keys = dir.resolve("keys.txt");
        new CliHarness().run("age-keygen", "-o", keys.toString());
        Path other = dir.resolve("other.txt");
        new CliHarness().run("age-keygen", "-o", other.toString());
        CliHarness.Result encrypted = new CliHarness().stdin(plaintext).run("age", "-i", other.toString());
        Path output = dir.resolve("out.txt");
        CliHarness.Result result = new CliHarness()
                .stdin(encrypted.stdout())
                .run("age", "-d", "-i", keys.toString(), "-o", output.toString());
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("age: error: no identity matched");
        assertThat(output).doesNotExist();
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("keys.txt", "other.txt");
    }

    @Test
    void rejectsFlagCombinationsAgeRejects() {
        assertThat(new CliHarness().run("age", "-d", "-r", "age1x").stderr()).contains("can't be used with -d");
        assertThat(new CliHarness().run("age", "-d", "-a").stderr()).contains("-a/--armor can't be used with -d");
        assertThat(new CliHarness().run("age", "-e", "-d").stderr()).contains("can't be used with -d");
        assertThat(new CliHarness().run("age", "-p", "-r", "age1x").stderr()).contains("can't be combined");
        assertThat(new CliHarness().run("age").stderr()).contains("missing recipients");
        assertThat(new CliHarness().run("age", "--frobnicate").status()).isEqualTo(2);
    }

    @Test
    void inspectsAFileWithoutAKey() throws Exception {
        Path keys = dir.resolve("keys.txt");
        new CliHarness().run("age-keygen", "-o", keys.toString());
        byte[] file = new CliHarness()
                .stdin(plaintext)
                .run("age", "-a", "-i", keys.toString())
                .stdout();
        CliHarness.Result json = new CliHarness().stdin(file).run("age-inspect", "--json");
        assertThat(json.stdoutText())
                .startsWith("{\"version\":\"age-encryption.org/v1\",\"armored\":true,\"postquantum\":\"no\","
                        + "\"stanza_types\":[\"X25519\"],\"sizes\":{\"total\":" + file.length + ",")
                .endsWith(",\"payload\":" + plaintext.length + "}}\n");
        CliHarness.Result human = new CliHarness().stdin(file).run("age-inspect");
        assertThat(human.stdoutText())
                .contains("stanzas: X25519\n")
                .contains("payload: " + plaintext.length + " bytes");
    }

    @Test
    void aRootCommandWithoutASubcommandIsAUsageError() {
        assertThat(new CliHarness().run().status()).isEqualTo(2);
        assertThat(new CliHarness().run("--help").stdoutText())
                .contains("age-keygen")
                .contains("age-inspect");
    }
}
