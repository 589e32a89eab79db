package com.webgrip.deploy.age;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The real peers of this branch's interop tests: Debian's {@code age}, {@code ssh-keygen},
 * {@code script} (a terminal for age's passphrase prompt) and npm's age-encryption through
 * {@code node}. A missing peer skips the test with an assumption that names it, unless
 * {@code WEBGRIP_REQUIRE_PEERS=1} (CI), which fails it instead.
 */
final class InteropPeers {
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    // Own threads: the common pool has one thread on two cores, and both pipes must drain at once.
    private static final ExecutorService DRAINS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "interop-peer-pipe");
        thread.setDaemon(true);
        return thread;
    });

    private InteropPeers() {}

    /** The outcome of one peer run. */
    static final class Result {
        private final int exitCode;
        private final byte[] stdout;
        private final String stderr;

        Result(int exitCode, byte[] stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        int exitCode() {
            return exitCode;
        }

        byte[] stdout() {
            return stdout.clone();
        }

        String stderr() {
            return stderr;
        }

        Result requireSuccess(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " exited with " + exitCode + ": " + stderr);
            }
            return this;
        }

        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** The absolute path of an executable on PATH, or a skipped/failed test naming the peer. */
    static Path requireExecutable(String name, String peer) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator, -1)) {
            if (dir.isEmpty() || !Path.of(dir).isAbsolute()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        missing(peer + " (no executable " + name + " on PATH)");
        throw new IllegalStateException("unreachable");
    }

    /** The node_modules folder that holds age-encryption, from WEBGRIP_NODE_MODULES. */
    static Path requireTypage() {
        requireExecutable("node", "node (for npm's age-encryption)");
        String folder = System.getenv("WEBGRIP_NODE_MODULES");
        if (folder == null || !Files.isDirectory(Path.of(folder, "age-encryption"))) {
            missing("npm age-encryption (set WEBGRIP_NODE_MODULES to a node_modules folder that holds it;"
                    + " (cd .ci/npm && npm install) makes one)");
        }
        return Path.of(folder);
    }

    /** Copies the typage driver scripts next to a node_modules link, so that node resolves the package. */
    static Path typageScripts(Path dir) throws IOException {
        Path modules = requireTypage();
        Path link = dir.resolve("node_modules");
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, modules.toAbsolutePath());
        }
        for (String script : List.of("encrypt.mjs", "decrypt.mjs", "keys.mjs")) {
            try (InputStream in = InteropPeers.class.getResourceAsStream("/age/typage/" + script)) {
                Files.write(
                        dir.resolve(script), Objects.requireNonNull(in, script).readAllBytes());
            }
        }
        return dir;
    }

    private static void missing(String message) {
        if ("1".equals(System.getenv("WEBGRIP_REQUIRE_PEERS"))) {
            fail("interop peer missing: " + message + "; WEBGRIP_REQUIRE_PEERS=1 requires it");
        }
        assumeTrue(false, "interop peer missing: " + message);
    }

    /** Runs a command in {@code dir} with {@code stdin} as its input; stdout and stderr are collected. */
    static Result run(Path dir, byte[] stdin, List<String> command) throws IOException, InterruptedException {
        return run(dir, stdin, command, Map.of());
    }

    static Result run(Path dir, byte[] stdin, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException closedEarly) {
            // the peer may exit before reading everything (on an error); its exit code tells
        }
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT);
        }
        return new Result(process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (stream) {
                        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                        stream.transferTo(buffer);
                        return buffer.toByteArray();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                DRAINS);
    }
}
