package com.webgrip.deploy.sops;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code SOPS_AGE_KEY_CMD} as sops does ({@code exec.Command(shlex.Split(cmd)...).Output()}:
 * no shell, standard input empty, standard output read as an identities file), with what sops
 * lacks for a library embedded in a long-lived process:
 *
 * <ul>
 *   <li>the program is looked up in the absolute folders of the injected {@code PATH}, not the
 *       JVM's (a relative folder such as {@code .} is skipped, as Go's {@code LookPath} refuses it);
 *   <li>the child does not get the inline secrets of the environment ({@link #WITHHELD});
 *   <li>a real deadline: a command that does not finish (a waiting pinentry, a hung network call)
 *       is killed with its descendants, and so is one that keeps stdout open through a child;
 *   <li>output above {@link #MAX_OUTPUT} is an error, never silently cut.
 * </ul>
 */
final class KeyCommand {
    static final int MAX_OUTPUT = 1 << 20;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Variables that hold identities or passphrases themselves; the command has no need of them. */
    static final Set<String> WITHHELD = Set.of("SOPS_AGE_KEY", "SOPS_AGE_KEY_FILE", "AGE_PASSPHRASE");

    private KeyCommand() {}

    /** Why the command gave no identities; the message never holds its output. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** The command's standard output; the caller zeroes it after use. */
    static byte[] run(String command, Map<String, String> env, Duration timeout) throws Failure {
        List<String> argv = Shlex.split(command);
        if (argv.isEmpty()) {
            throw new Failure("SOPS_AGE_KEY_CMD is empty after splitting");
        }
        String program = executable(argv.get(0), env.getOrDefault("PATH", ""));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.command().set(0, program);
        Map<String, String> childEnv = builder.environment();
        childEnv.clear();
        Map<String, String> passed = new HashMap<>(env);
        passed.keySet().removeAll(WITHHELD);
        childEnv.putAll(passed);
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new Failure("SOPS_AGE_KEY_CMD could not run " + argv.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<byte[]> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> readAll(process, output), "sops-age-key-cmd-stdout");
        reader.setDaemon(true);
        reader.start();
        boolean finished = false;
        try {
            if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw new Failure("SOPS_AGE_KEY_CMD did not finish within " + timeout.toMillis() + " ms; killed it");
            }
            // a descendant may still hold stdout open after the command itself exited
            byte[] bytes = output.get(remaining(deadline), TimeUnit.NANOSECONDS);
            if (process.exitValue() != 0) {
                Arrays.fill(bytes, (byte) 0);
                throw new Failure("SOPS_AGE_KEY_CMD exited with status " + process.exitValue());
            }
            finished = true;
            return bytes;
        } catch (TimeoutException e) {
            throw new Failure("SOPS_AGE_KEY_CMD exited but its output stayed open past " + timeout.toMillis()
                    + " ms; stopped reading it");
        } catch (ExecutionException e) {
            throw new Failure(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("SOPS_AGE_KEY_CMD was interrupted");
        } finally {
            if (!finished) {
                killTree(process);
                closeQuietly(process.getInputStream());
                output.cancel(true);
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the reader thread ends either way
        }
    }

    /** A path with a separator is used as is (as Go does); a bare name is looked up in PATH. */
    static String executable(String name, String pathVariable) throws Failure {
        if (name.contains("/") || name.contains(File.separator)) {
            return name;
        }
        for (String folder : pathVariable.split(File.pathSeparator, -1)) {
            if (folder.isEmpty() || !Path.of(folder).isAbsolute()) {
                continue;
            }
            Path candidate = Path.of(folder).resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new Failure("SOPS_AGE_KEY_CMD: no executable " + name + " in the absolute folders of PATH");
    }

    private static void readAll(Process process, CompletableFuture<byte[]> result) {
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (collected.size() + n > MAX_OUTPUT) {
                    killTree(process);
                    result.completeExceptionally(new IOException("SOPS_AGE_KEY_CMD printed more than " + MAX_OUTPUT
                            + " bytes; expected an identities file"));
                    return;
                }
                collected.write(buffer, 0, n);
            }
            result.complete(collected.toByteArray());
        } catch (IOException e) {
            result.completeExceptionally(
                    new IOException("SOPS_AGE_KEY_CMD output could not be read: " + e.getMessage()));
        } finally {
            Arrays.fill(buffer, (byte) 0);
            // ByteArrayOutputStream's own array cannot be zeroed from outside; reset drops the count only
            collected.reset();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Kills the descendants first: once the command dies they are re-parented and out of reach. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
