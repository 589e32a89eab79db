package com.webgrip.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code webgrip-deploy sops}: both spellings, sops's exit codes, the key variables. */
class SopsCommandTest {
    private static final String RECIPIENT = "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw";

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SopsCommandTest.class.getResource("/sops/" + name).toURI());
    }

    private Map<String, String> ageEnv() throws Exception {
        return Map.of("SOPS_AGE_KEY_FILE", resource("age-keys.txt").toString(), "HOME", dir.toString());
    }

    @Test
    void decryptsWithTheSubcommandAndTheLegacyFlagAlike() throws Exception {
        String file = resource("age-example.yaml").toString();

        CliHarness.Result sub = new CliHarness().environment(ageEnv()).run("sops", "decrypt", file);
        CliHarness.Result legacy = new CliHarness().environment(ageEnv()).run("sops", "-d", file);

        assertThat(sub.status()).as(sub.stderr()).isZero();
        assertThat(sub.stdoutText())
                .startsWith("myapp1: t00m4nys3cr3tzupdated\n")
                .doesNotContain("ENC[");
        assertThat(legacy.stdoutText()).isEqualTo(sub.stdoutText());
    }

    @Test
    void extractsOneValueRaw() throws Exception {
        CliHarness.Result result = new CliHarness()
                .environment(ageEnv())
                .run(
                        "sops",
                        "decrypt",
                        "--extract",
                        "[\"app2\"][\"db\"][\"user\"]",
                        resource("age-example.yaml").toString());

        assertThat(result.stdoutText()).isEqualTo("eve");
    }

    @Test
    void encryptsToAgeAndDecryptsBackInPlace() throws Exception {
        Path file = Files.writeString(dir.resolve("values.yaml"), "db:\n    password: s3cret\n");

        CliHarness.Result encrypted =
                new CliHarness().environment(ageEnv()).run("sops", "-e", "-i", "--age", RECIPIENT, file.toString());
        assertThat(encrypted.status()).as(encrypted.stderr()).isZero();
        assertThat(Files.readString(file))
                .contains("ENC[AES256_GCM")
                .contains(RECIPIENT)
                .doesNotContain("s3cret");

        CliHarness.Result status = new CliHarness().run("sops", "filestatus", file.toString());
        assertThat(status.stdoutText()).isEqualTo("{\"encrypted\":true}\n");

        CliHarness.Result again =
                new CliHarness().environment(ageEnv()).run("sops", "encrypt", "--age", RECIPIENT, file.toString());
        assertThat(again.status()).isEqualTo(203);

        CliHarness.Result decrypted =
                new CliHarness().environment(ageEnv()).run("sops", "decrypt", "--output-type", "json", file.toString());
        assertThat(decrypted.stdoutText()).isEqualTo("{\n\t\"db\": {\n\t\t\"password\": \"s3cret\"\n\t}\n}\n");
    }

    @Test
    void keepsAnchorsWhenAskedAndPointsAtTheFlagWhenNot() throws Exception {
        String plain = "defaults: &defaults\n    password: s3cret\nprod:\n    <<: *defaults\n    host: p\n";
        Path file = Files.writeString(dir.resolve("values.yaml"), plain);

        CliHarness.Result encrypted = new CliHarness()
                .environment(ageEnv())
                .run("sops", "encrypt", "-i", "--keep-anchors", "--age", RECIPIENT, file.toString());
        assertThat(encrypted.status()).as(encrypted.stderr()).isZero();
        assertThat(Files.readString(file)).contains("defaults: &defaults\n").contains("    <<: *defaults\n");

        CliHarness.Result kept =
                new CliHarness().environment(ageEnv()).run("sops", "decrypt", "--keep-anchors", file.toString());
        assertThat(kept.stdoutText()).isEqualTo(plain);

        CliHarness.Result json = new CliHarness()
                .environment(ageEnv())
                .run("sops", "decrypt", "--keep-anchors", "--extract", "[\"prod\"][\"password\"]", file.toString());
        assertThat(json.stdoutText()).isEqualTo("s3cret");

        CliHarness.Result expanding = new CliHarness().environment(ageEnv()).run("sops", "decrypt", file.toString());
        assertThat(expanding.status()).isNotZero();
        assertThat(expanding.stderr()).contains("--keep-anchors").doesNotContain("s3cret");
    }

    @Test
    void setsAndUnsetsValues() throws Exception {
        Path file = Files.writeString(dir.resolve("values.yaml"), "a: 1\n");
        new CliHarness().environment(ageEnv()).run("sops", "-e", "-i", "--age", RECIPIENT, file.toString());

        CliHarness.Result set = new CliHarness()
                .environment(ageEnv())
                .run("sops", "set", file.toString(), "[\"b\"][\"c\"]", "{\"d\": [1, true]}");
        assertThat(set.status()).as(set.stderr()).isZero();
        CliHarness.Result unset =
                new CliHarness().environment(ageEnv()).run("sops", "unset", file.toString(), "[\"a\"]");
        assertThat(unset.status()).as(unset.stderr()).isZero();

        CliHarness.Result decrypted = new CliHarness().environment(ageEnv()).run("sops", "-d", file.toString());
        assertThat(decrypted.stdoutText()).isEqualTo("b:\n    c:\n        d:\n            - 1\n            - true\n");
    }

    @Test
    void theWrongKeyExitsWith128AndNamesTheRecipients() throws Exception {
        CliHarness.Result result = new CliHarness()
                .environment(Map.of("HOME", dir.toString()))
                .run("sops", "-d", resource("age-example.yaml").toString());

        assertThat(result.status()).isEqualTo(128);
        assertThat(result.stderr()).contains(RECIPIENT);
    }

    @Test
    void aFileWithoutMacExitsWith51UnlessIgnored() throws Exception {
        Map<String, String> env = Map.of(
                "SOPS_PGP_KEY_FILE", resource("sops_functional_tests_key.asc").toString(), "HOME", dir.toString());
        String file = resource("no_mac.yaml").toString();

        assertThat(new CliHarness().environment(env).run("sops", "-d", file).status())
                .isEqualTo(51);
        assertThat(new CliHarness()
                        .environment(env)
                        .run("sops", "-d", "--ignore-mac", file)
                        .status())
                .isZero();
    }

    @Test
    void execEnvRunsACommandWithTheSecretsInItsEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("env.yaml"), "TOKEN: abc123\n");
        new CliHarness().environment(ageEnv()).run("sops", "-e", "-i", "--age", RECIPIENT, file.toString());
        Path out = dir.resolve("out.txt");

        CliHarness.Result result = new CliHarness()
                .environment(ageEnv())
                .run("sops", "exec-env", file.toString(), "printf %s \"$TOKEN\" > '" + out + "'");

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(Files.readString(out)).isEqualTo("abc123");
    }

    @Test
    void decryptOutputToAFifoStreamsIntoItAndToASymlinkWritesThroughIt() throws Exception {
        String file = resource("age-example.yaml").toString();
        Path fifo = dir.resolve("out.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        assertThat(mkfifo.waitFor()).isZero();
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fifo-reader");
            t.setDaemon(true); // a rename over the FIFO would leave this reader waiting forever
            return t;
        });
        try {
            java.util.concurrent.Future<String> read = reader.submit(() -> Files.readString(fifo));

            CliHarness.Result toFifo =
                    new CliHarness().environment(ageEnv()).run("sops", "decrypt", "--output", fifo.toString(), file);

            assertThat(toFifo.status()).as(toFifo.stderr()).isZero();
            assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .as("the FIFO was not replaced by a plaintext file")
                    .isFalse();
            assertThat(read.get(60, java.util.concurrent.TimeUnit.SECONDS))
                    .startsWith("myapp1: t00m4nys3cr3tzupdated\n");
        } finally {
            reader.shutdownNow();
        }

        Path real = Files.writeString(dir.resolve("real.yaml"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real.getFileName());
        CliHarness.Result toLink =
                new CliHarness().environment(ageEnv()).run("sops", "decrypt", "--output", link.toString(), file);

        assertThat(toLink.status()).as(toLink.stderr()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("myapp1: t00m4nys3cr3tzupdated\n");
    }

    @Test
    void editRunsAQuotedEditorPathWithSpacesAsOneWord() throws Exception {
        Path file = dir.resolve("values.yaml");
        Files.copy(resource("age-example.yaml"), file);
        Path editorDir = Files.createDirectory(dir.resolve("my editor"));
        Path editor = Files.writeString(
                editorDir.resolve("ed.sh"), "#!/bin/sh\nsed -i 's/t00m4nys3cr3tzupdated/edited-by-script/' \"$1\"\n");
        editor.toFile().setExecutable(true);
        Map<String, String> env = new java.util.HashMap<>(ageEnv());
        env.put("SOPS_EDITOR", "'" + editor + "'");
        env.put("PATH", "/usr/bin:/bin");

        CliHarness.Result edited = new CliHarness().environment(env).run("sops", "edit", file.toString());

        assertThat(edited.status()).as(edited.stderr()).isZero();
        CliHarness.Result decrypted = new CliHarness().environment(ageEnv()).run("sops", "decrypt", file.toString());
        assertThat(decrypted.stdoutText()).startsWith("myapp1: edited-by-script\n");
    }
}
