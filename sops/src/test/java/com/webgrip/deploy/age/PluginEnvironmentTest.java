package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plugin process receives from the JVM: a few variables, never its secrets. */
class PluginEnvironmentTest {
    /** Variables bash sets by itself. */
    private static final Set<String> SET_BY_BASH = Set.of("PWD", "OLDPWD", "SHLVL", "_");

    @TempDir
    Path dir;

    @Test
    void aPluginReceivesOnlyThePassedOnVariablesAndTheExtraOnes() throws Exception {
        assumeTrue(
                System.getenv().keySet().stream().anyMatch(name -> !PluginEnvironment.passedOn(name)),
                "the JVM's environment has no variable that should be withheld");
        InteropPeers.requireExecutable("bash", "bash (the environment-dumping plugin is a bash script)");
        Path dump = dir.resolve("environment.txt");
        Path plugin = dir.resolve("age-plugin-envdump");
        Files.writeString(plugin, "#!/usr/bin/env bash\ncompgen -e > '" + dump + "'\nexit 1\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        AgePlugins plugins = AgePlugins.builder()
                .searchPath(List.of(dir))
                .environment(Map.of("PCSC_READER", "reader 1"))
                .build();
        Identity identity = plugins.identityWithoutData("envdump");

        assertThatThrownBy(() -> identity.unwrap(List.of(Stanza.of("X25519", List.of("arg"), new byte[32]))))
                .isInstanceOf(AgePluginException.class);

        List<String> received = Files.readAllLines(dump, StandardCharsets.UTF_8);
        assertThat(received).contains("PCSC_READER");
        assertThat(received)
                .allSatisfy(name -> assertThat(PluginEnvironment.passedOn(name)
                                || SET_BY_BASH.contains(name)
                                || name.equals("PCSC_READER"))
                        .as(name)
                        .isTrue());
    }

    @Test
    void withholdsSecretsAndKeepsPathHomeAndLocale() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PATH", "/usr/bin",
                "HOME", "/home/deploy",
                "LC_ALL", "C.UTF-8",
                "SOPS_AGE_KEY", "AGE-SECRET-KEY-1…",
                "AGE_PASSPHRASE", "hunter2",
                "AWS_SECRET_ACCESS_KEY", "secret",
                "SOPS_PGP_FP", "ABCD"));

        PluginEnvironment.restrict(environment, Map.of("HOME", "/var/lib/plugin", "PCSC_READER", "r"));

        assertThat(environment)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("PATH", "/usr/bin", "HOME", "/var/lib/plugin", "LC_ALL", "C.UTF-8", "PCSC_READER", "r"));
    }

    @Test
    void rejectsAnExtraVariableNameThatAnEnvironmentCannotHold() {
        assertThatThrownBy(() -> AgePlugins.builder().environment(Map.of("A=B", "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not allowed");
    }

    @Test
    void theBufferTowardsAPluginHoldsNoFileKeyOnceFlushedOrClosed() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ZeroingBufferedOutputStream out = new ZeroingBufferedOutputStream(sink, 64);
        byte[] command = "-> wrap-file-key\nCQgHBgUEAwIBAAECAwQFBg\n".getBytes(StandardCharsets.US_ASCII);

        out.write(command);
        assertThat(out.bufferIsZero()).isFalse();
        out.flush();

        assertThat(out.bufferIsZero()).isTrue();
        assertThat(sink.toByteArray()).isEqualTo(command);
        out.write(command, 0, 10);
        out.close();
        assertThat(out.bufferIsZero()).isTrue();
        assertThat(sink.size()).isEqualTo(command.length + 10);
    }
}
