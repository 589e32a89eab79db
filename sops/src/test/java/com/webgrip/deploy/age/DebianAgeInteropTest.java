package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files written by us open in Debian's age (Go age 1.1.1), and the other way round. */
class DebianAgeInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CHUNK = Payload.CHUNK_SIZE;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireAge() {
        Peers.require("Debian's age (apt-get install -y age)", "age", "--version");
    }

    static List<Arguments> sizesAndArmor() {
        List<Arguments> all = new ArrayList<>();
        for (int size : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * 1024 * 1024 + 3}) {
            all.add(Arguments.of(size, false));
            all.add(Arguments.of(size, true));
        }
        return all;
    }

    @ParameterizedTest(name = "{0} bytes, armored {1}")
    @MethodSource("sizesAndArmor")
    void ageOpensWhatWeEncryptToSeveralRecipients(int size, boolean armor) throws Exception {
        AgeSecretKey first = AgeKeys.generateX25519(RANDOM);
        AgeSecretKey second = AgeKeys.generateX25519(RANDOM);
        byte[] plaintext = AgeRoundTripTest.bytes(size, size);
        Path encrypted = dir.resolve("ours.age");
        Files.write(
                encrypted,
                Age.encryptor()
                        .recipient(first.publicKey())
                        .recipient(second.publicKey())
                        .armor(armor)
                        .build()
                        .encrypt(plaintext));
        Path identity = writeIdentity(second);
        Path decrypted = dir.resolve("plain");
        run("age", "-d", "-i", identity.toString(), "-o", decrypted.toString(), encrypted.toString());
        // age 1.1.1 opens -o lazily, at the first byte of plaintext: an empty payload leaves no file.
        byte[] opened = Files.exists(decrypted) ? Files.readAllBytes(decrypted) : new byte[0];
        assertThat(opened).isEqualTo(plaintext);
    }

    @ParameterizedTest(name = "{0} bytes, armored {1}")
    @MethodSource("sizesAndArmor")
    void weOpenWhatAgeEncryptsToSeveralRecipients(int size, boolean armor) throws Exception {
        AgeSecretKey first = AgeKeys.generateX25519(RANDOM);
        AgeSecretKey second = AgeKeys.generateX25519(RANDOM);
        byte[] plaintext = AgeRoundTripTest.bytes(size, size + 1);
        Path input = dir.resolve("plain");
        Files.write(input, plaintext);
        Path encrypted = dir.resolve("theirs.age");
        List<String> command = new ArrayList<>(List.of(
                "age",
                "-r",
                first.publicKey().encoded(),
                "-r",
                second.publicKey().encoded(),
                "-o",
                encrypted.toString()));
        if (armor) {
            command.add("-a");
        }
        command.add(input.toString());
        run(command.toArray(String[]::new));
        assertThat(Age.decryptor().identity(first).build().decrypt(Files.readAllBytes(encrypted)))
                .isEqualTo(plaintext);
        assertThat(AgeKeys.parseIdentities(Files.readString(writeIdentity(second)), "id"))
                .hasSize(1);
    }

    @Test
    void ageKeygenKeysParseAndTheirPublicKeyMatches() throws Exception {
        Path keys = dir.resolve("keys.txt");
        run("age-keygen", "-o", keys.toString());
        Identity identity = AgeKeys.readIdentitiesFile(keys).get(0);
        String publicKey = Files.readAllLines(keys).get(1).substring("# public key: ".length());
        assertThat(AgeKeys.publicKeyOf(identity).encoded()).isEqualTo(publicKey);
    }

    @Test
    void ageOpensOurPassphraseFilesThroughATerminal() throws Exception {
        Peers.require("util-linux script (a pseudo-terminal for age's passphrase prompt)", "script", "--version");
        byte[] plaintext = AgeRoundTripTest.bytes(CHUNK + 1, 12);
        Path encrypted = dir.resolve("ours.age");
        Files.write(
                encrypted,
                Age.encryptor()
                        .recipient(AgeKeys.passphraseRecipient("hunter2 hunter2".toCharArray(), 18, RANDOM))
                        .armor(true)
                        .build()
                        .encrypt(plaintext));
        Path decrypted = dir.resolve("plain");
        runInTerminal(List.of("hunter2 hunter2"), "age", "-d", "-o", decrypted.toString(), encrypted.toString());
        assertThat(Files.readAllBytes(decrypted)).isEqualTo(plaintext);
    }

    @Test
    void weOpenAgesPassphraseFiles() throws Exception {
        Peers.require("util-linux script (a pseudo-terminal for age's passphrase prompt)", "script", "--version");
        byte[] plaintext = AgeRoundTripTest.bytes(100, 13);
        Path input = dir.resolve("plain");
        Files.write(input, plaintext);
        Path encrypted = dir.resolve("theirs.age");
        runInTerminal(
                List.of("correct horse", "correct horse"), "age", "-p", "-o", encrypted.toString(), input.toString());
        assertThat(Age.inspect(Files.newInputStream(encrypted)).stanzaTypes()).containsExactly("scrypt");
        assertThat(Age.decryptor()
                        .identity(AgeKeys.passphraseIdentity("correct horse".toCharArray()))
                        .build()
                        .decrypt(Files.readAllBytes(encrypted)))
                .isEqualTo(plaintext);
    }

    private Path writeIdentity(AgeSecretKey key) throws IOException {
        Path file = Files.createTempFile(dir, "identity", ".txt");
        Files.writeString(file, "# test key\n" + new String(key.encodedSecret()) + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("%s finished", command[0])
                .isTrue();
        assertThat(process.exitValue())
                .as("exit status of %s; output: %s", String.join(" ", command), output)
                .isZero();
    }

    /**
     * Runs a command under {@code script}, which gives it a pseudo-terminal: age reads passphrases
     * only from a terminal. Each line is typed after a pause, once the prompt is up.
     */
    private static void runInTerminal(List<String> lines, String... command) throws Exception {
        Process process = new ProcessBuilder("script", "-qec", String.join(" ", quoteAll(command)), "/dev/null")
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> {
            try {
                process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        try (var typing = process.getOutputStream()) {
            for (String line : lines) {
                Thread.sleep(700);
                typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                typing.flush();
            }
            // script ends the session when its input closes: give age time to finish first.
            for (int i = 0; i < 600 && process.isAlive(); i++) {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(5000);
        assertThat(process.exitValue())
                .as("exit status of %s", String.join(" ", command))
                .isZero();
    }

    private static List<String> quoteAll(String... words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add("'" + word.replace("'", "'\\''") + "'");
        }
        return quoted;
    }
}
