package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identities are found as sops finds them, from an injected environment and home folder. */
class SopsEnvironmentTest {
    @TempDir
    Path home;

    private static final String FIXTURE = "sops-pr1031-age/example.yaml";

    private boolean opens(SopsEnvironment environment) throws Exception {
        try {
            Sops.decryptor()
                    .credentials(environment.credentials().credentials())
                    .build()
                    .decrypt(Fixtures.path(FIXTURE));
            return true;
        } catch (SopsNoKeyException e) {
            return false;
        }
    }

    private String keys() throws Exception {
        return Files.readString(Fixtures.path("keys/age-keys.txt"));
    }

    @Test
    void findsNothingInAnEmptyEnvironment() throws Exception {
        assertThat(opens(SopsEnvironment.of(Map.of(), home, "Linux"))).isFalse();
    }

    @Test
    void readsSopsAgeKey() throws Exception {
        assertThat(opens(SopsEnvironment.of(Map.of("SOPS_AGE_KEY", keys()), home, "Linux")))
                .isTrue();
    }

    @Test
    void readsSopsAgeKeyFile() throws Exception {
        Path file = Files.writeString(home.resolve("k.txt"), keys());
        assertThat(opens(SopsEnvironment.of(Map.of("SOPS_AGE_KEY_FILE", file.toString()), home, "Linux")))
                .isTrue();
    }

    @Test
    void runsSopsAgeKeyCmdWithoutAShell() throws Exception {
        Path file = Files.writeString(home.resolve("k s.txt"), keys());
        SopsEnvironment env = SopsEnvironment.of(
                Map.of("SOPS_AGE_KEY_CMD", "cat '" + file + "'", "PATH", "/usr/bin:/bin"), home, "Linux");
        assertThat(opens(env)).isTrue();
    }

    @Test
    void readsTheDefaultKeysFileOfEachOs() throws Exception {
        Path linux = home.resolve(".config/sops/age/keys.txt");
        Files.createDirectories(linux.getParent());
        Files.writeString(linux, keys());
        assertThat(opens(SopsEnvironment.of(Map.of(), home, "Linux"))).isTrue();
        assertThat(SopsEnvironment.of(Map.of(), home, "Mac OS X").defaultAgeKeysFile())
                .isEqualTo(home.resolve("Library/Application Support/sops/age/keys.txt"));
        assertThat(SopsEnvironment.of(Map.of("XDG_CONFIG_HOME", "/x"), home, "Linux")
                        .defaultAgeKeysFile())
                .isEqualTo(Path.of("/x/sops/age/keys.txt"));
        assertThat(SopsEnvironment.of(Map.of("AppData", "C:\\Users\\u\\AppData\\Roaming"), home, "Windows 11")
                        .defaultAgeKeysFile()
                        .toString())
                .contains("sops");
    }

    @Test
    void readsPgpKeysFromSopsPgpKeyFile() throws Exception {
        SopsEnvironment env = SopsEnvironment.of(
                Map.of(
                        "SOPS_PGP_KEY_FILE",
                        Fixtures.path("keys/sops_functional_tests_key.asc").toString()),
                home,
                "Linux");
        SopsDocument document = Sops.decryptor()
                .credentials(env.credentials().credentials())
                .build()
                .decrypt(Fixtures.path("sops-main-pgp/example.yaml"));
        assertThat(document.toJava()).containsKey("myapp1");
    }

    @Test
    void aBrokenDefaultSshKeyIsAProblemNotAFailure() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_ed25519"), "not a key\n");
        SopsEnvironment.Found found = SopsEnvironment.of(Map.of("SOPS_AGE_KEY", keys()), home, "Linux")
                .credentials();

        assertThat(found.problems()).anyMatch(p -> p.contains("id_ed25519"));
        assertThat(found.credentials().ageIdentities()).hasSize(2);
    }

    @Test
    void killsAKeyCommandThatDoesNotFinishTogetherWithItsChildren() throws Exception {
        Path pidFile = home.resolve("sleep.pid");
        // the shell's child sleep would outlive a kill of the shell alone
        String command = "sh -c 'sleep 300 & echo $! > \"" + pidFile + "\"; wait'";
        SopsEnvironment env = SopsEnvironment.of(
                        Map.of("SOPS_AGE_KEY_CMD", command, "PATH", "/usr/bin:/bin"), home, "Linux")
                .withKeyCommandTimeout(Duration.ofMillis(500));

        List<String> problems = env.credentials().problems();

        assertThat(problems).singleElement(InstanceOfAssertFactories.STRING).contains("did not finish within 500 ms");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> sleep = ProcessHandle.of(pid);
        if (sleep.isPresent()) {
            sleep.get().onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void refusesKeyCommandOutputAboveOneMebibyteInsteadOfCuttingIt() throws Exception {
        SopsEnvironment env = SopsEnvironment.of(
                Map.of("SOPS_AGE_KEY_CMD", "head -c 1100000 /dev/zero", "PATH", "/usr/bin:/bin"), home, "Linux");

        assertThat(env.credentials().problems())
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("printed more than 1048576 bytes");
    }

    @Test
    void looksTheKeyCommandUpInTheInjectedPathOnly() throws Exception {
        SopsEnvironment env = SopsEnvironment.of(
                Map.of("SOPS_AGE_KEY_CMD", "cat " + Fixtures.path("keys/age-keys.txt"), "PATH", "/nonexistent:."),
                home,
                "Linux");

        assertThat(env.credentials().problems())
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("no executable cat in the absolute folders of PATH");
        assertThat(opens(env)).isFalse();
    }

    @Test
    void keepsInlineIdentitiesAndPassphrasesFromTheKeyCommand() throws Exception {
        Path seen = home.resolve("seen.txt");
        Path keyFile = Files.writeString(home.resolve("k.txt"), keys());
        String command = "sh -c 'echo \"[$SOPS_AGE_KEY][$AGE_PASSPHRASE][$SOPS_AGE_KEY_FILE][$MARKER]\" > \"" + seen
                + "\"; cat \"" + keyFile + "\"'";
        SopsEnvironment env = SopsEnvironment.of(
                Map.of(
                        "SOPS_AGE_KEY_CMD", command,
                        "PATH", "/usr/bin:/bin",
                        "SOPS_AGE_KEY", "# only a comment",
                        "AGE_PASSPHRASE", "hunter2",
                        "SOPS_AGE_KEY_FILE", keyFile.toString(),
                        "MARKER", "passed"),
                home,
                "Linux");

        assertThat(opens(env)).isTrue();
        assertThat(Files.readString(seen)).isEqualTo("[][][][passed]\n");
    }
}
