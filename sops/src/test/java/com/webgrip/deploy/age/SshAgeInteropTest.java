package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ssh-ed25519 and ssh-rsa against Debian's age 1.1.1, both ways, with keys that ssh-keygen makes
 * for this run (one of them passphrase-protected: age asks for it on a terminal, which
 * {@code script} provides).
 */
class SshAgeInteropTest {
    private static final String PASSPHRASE = "interop passphrase";
    private static final int[] SIZES = {0, 1, 64 * 1024 + 1, 3 * 1024 * 1024 + 5};

    @TempDir
    static Path dir;

    private static Path age;
    private static Path script;

    @BeforeAll
    static void makeKeys() throws Exception {
        age = InteropPeers.requireExecutable("age", "Debian age (apt-get install age)");
        Path sshKeygen = InteropPeers.requireExecutable("ssh-keygen", "ssh-keygen (apt-get install openssh-client)");
        script = InteropPeers.requireExecutable("script", "script (util-linux), a terminal for age's prompt");
        keygen(sshKeygen, "ed25519", "", "-t", "ed25519");
        keygen(sshKeygen, "ed25519-pass", PASSPHRASE, "-t", "ed25519");
        keygen(sshKeygen, "rsa", "", "-t", "rsa", "-b", "2048");
    }

    private static void keygen(Path sshKeygen, String name, String passphrase, String... type) throws Exception {
        List<String> command = new ArrayList<>(List.of(sshKeygen.toString(), "-q", "-N", passphrase, "-C", name));
        command.addAll(List.of(type));
        command.addAll(List.of("-f", dir.resolve(name).toString()));
        InteropPeers.run(dir, new byte[0], command).requireSuccess("ssh-keygen " + name);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String key : List.of("ed25519", "ed25519-pass", "rsa")) {
            for (int size : SIZES) {
                for (boolean armored : new boolean[] {false, true}) {
                    cases.add(Arguments.of(key, size, armored));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1} bytes, armored {2}")
    @MethodSource("cases")
    void debianAgeDecryptsWhatWeEncrypt(String key, int size, boolean armored) throws Exception {
        byte[] plaintext = plaintext(size);
        Recipient recipient = AgeKeys.parseRecipient(Files.readString(dir.resolve(key + ".pub")));
        Path encrypted = dir.resolve("ours-" + key + "-" + size + "-" + armored + ".age");
        Files.write(
                encrypted,
                Age.encryptor().recipient(recipient).armor(armored).build().encrypt(plaintext));
        Path decrypted = dir.resolve(encrypted.getFileName() + ".out");

        String command = age + " -d -i " + dir.resolve(key) + " -o " + decrypted + " " + encrypted;
        if (key.endsWith("-pass")) {
            // age reads the passphrase from the terminal; script gives it one fed from our stdin.
            InteropPeers.run(
                            dir,
                            (PASSPHRASE + "\n").getBytes(StandardCharsets.UTF_8),
                            List.of(script.toString(), "-qec", command, "/dev/null"))
                    .requireSuccess("age -d (through script)");
        } else {
            InteropPeers.run(dir, new byte[0], List.of(command.split(" ", -1))).requireSuccess("age -d");
        }
        // age opens -o lazily, at the first byte of plaintext: an empty file leaves no output file.
        byte[] output = Files.exists(decrypted) ? Files.readAllBytes(decrypted) : new byte[0];
        assertThat(output).isEqualTo(plaintext);
    }

    @ParameterizedTest(name = "{0}, {1} bytes, armored {2}")
    @MethodSource("cases")
    void weDecryptWhatDebianAgeEncrypts(String key, int size, boolean armored) throws Exception {
        byte[] plaintext = plaintext(size);
        Path plain = dir.resolve("plain-" + key + "-" + size + "-" + armored);
        Files.write(plain, plaintext);
        Path encrypted = dir.resolve(plain.getFileName() + ".age");
        List<String> command = new ArrayList<>(
                List.of(age.toString(), "-R", dir.resolve(key + ".pub").toString()));
        if (armored) {
            command.add("-a");
        }
        command.addAll(List.of("-o", encrypted.toString(), plain.toString()));
        InteropPeers.run(dir, new byte[0], command).requireSuccess("age -e");

        SshFixtures.ScriptedUi ui = new SshFixtures.ScriptedUi(PASSPHRASE);
        List<Identity> identities = AgeKeys.readIdentitiesFile(dir.resolve(key), ui);
        byte[] decrypted = Age.decryptor().identities(identities).build().decrypt(Files.readAllBytes(encrypted));
        assertThat(decrypted).isEqualTo(plaintext);
        assertThat(ui.prompts).hasSize(key.endsWith("-pass") ? 1 : 0);
    }

    private static byte[] plaintext(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
