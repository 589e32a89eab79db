package com.webgrip.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/webgrip-deploy, run once from another folder: it (re)builds the jar if needed and runs it. */
class LauncherTest {

    @Test
    void theLauncherGeneratesAKeyAndEncryptsWithItFromAnyFolder(@TempDir Path dir) throws Exception {
        Path launcher = Path.of("").toAbsolutePath().getParent().resolve("bin/webgrip-deploy");
        assertThat(launcher).isExecutable();
        Path keys = dir.resolve("keys.txt");
        Process keygen = new ProcessBuilder(launcher.toString(), "age-keygen", "-o", keys.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keygen.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(keygen.exitValue()).as(output).isZero();
        assertThat(output).startsWith("Public key: age1");

        Process encrypt = new ProcessBuilder(launcher.toString(), "age", "-a", "-i", "keys.txt")
                .directory(dir.toFile())
                .start();
        encrypt.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
        encrypt.getOutputStream().close();
        String armored = new String(encrypt.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(encrypt.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(encrypt.exitValue()).isZero();
        assertThat(armored).startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n");
        assertThat(Files.readString(keys)).contains("AGE-SECRET-KEY-1");
    }
}
