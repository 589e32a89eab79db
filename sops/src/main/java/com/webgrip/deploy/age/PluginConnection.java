package com.webgrip.deploy.age;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a plugin in one state machine ({@code --age-plugin=recipient-v1|identity-v1}):
 * commands out over its standard input, commands in from its standard output. Every wait on the
 * plugin runs under a deadline; a plugin that passes it is stopped and reported as
 * {@link AgePluginException.Reason#TIMED_OUT}.
 */
final class PluginConnection implements AutoCloseable {
    private final AgePlugins config;
    private final String name;
    private final Process process;
    private final InputStream in;
    private final OutputStream out;

    private PluginConnection(AgePlugins config, String name, Process process) {
        this.config = config;
        this.name = name;
        this.process = process;
        this.in = new BufferedInputStream(process.getInputStream());
        // Zeroes what it sent: wrap-file-key carries the file key.
        this.out = new ZeroingBufferedOutputStream(process.getOutputStream(), 8192);
    }

    static PluginConnection start(AgePlugins config, String name, String stateMachine) throws AgePluginException {
        Path executable = config.executable(name);
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "--age-plugin=" + stateMachine)
                // Plugins must not depend on the working directory (C2SP age-plugin); Go age uses the temp dir.
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                .redirectError(config.pluginStderr());
        PluginEnvironment.restrict(builder.environment(), config.extraEnvironment());
        try {
            return new PluginConnection(config, name, builder.start());
        } catch (IOException e) {
            throw new AgePluginException(
                    name, AgePluginException.Reason.FAILED_TO_START, "could not start " + executable + ": " + e, e);
        }
    }

    String name() {
        return name;
    }

    /** Writes one command (not yet flushed past the buffer). */
    void send(String type, List<String> arguments, byte[] body) throws AgePluginException {
        underDeadline(false, () -> {
            PluginWire.write(out, type, arguments, body);
            return null;
        });
    }

    void send(String type, String... arguments) throws AgePluginException {
        send(type, List.of(arguments), new byte[0]);
    }

    /** Flushes what was written: the end of a phase, or a response. */
    void flush() throws AgePluginException {
        underDeadline(false, () -> {
            out.flush();
            return null;
        });
    }

    /** Sends a response and flushes it. */
    void respond(String type, String... arguments) throws AgePluginException {
        send(type, arguments);
        flush();
    }

    /**
     * Sends, with two chances in three, one grease command (C2SP age-plugin "Grease") that the
     * plugin must ignore, so that plugins that choke on unknown commands are found early.
     */
    void sendGrease() throws AgePluginException {
        var random = config.random();
        if (random.nextInt(3) == 0) {
            return;
        }
        String[] arguments = new String[random.nextInt(3)];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = Integer.toString(random.nextInt(100));
        }
        byte[] body = new byte[random.nextBoolean() ? random.nextInt(100) : 0];
        random.nextBytes(body);
        send("grease-" + HexFormat.of().toHexDigits(random.nextInt()), List.of(arguments), body);
    }

    /** Waits for the plugin's next command. */
    PluginWire.Message receive() throws AgePluginException {
        PluginWire.Message message = underDeadline(true, () -> PluginWire.read(in));
        if (message == null) {
            throw new AgePluginException(name, AgePluginException.Reason.EXITED, ended());
        }
        return message;
    }

    AgePluginException protocolError(String what) {
        return new AgePluginException(name, AgePluginException.Reason.PROTOCOL, what);
    }

    @FunctionalInterface
    private interface Io<T> {
        T run() throws IOException;
    }

    private <T> T underDeadline(boolean notice, Io<T> action) throws AgePluginException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = config.scheduler()
                .schedule(
                        () -> {
                            expired.set(true);
                            kill();
                        },
                        config.timeout().toNanos(),
                        TimeUnit.NANOSECONDS);
        ScheduledFuture<?> waiting = notice
                ? config.scheduler()
                        .schedule(
                                () -> config.ui().waiting(name),
                                config.waitNotice().toNanos(),
                                TimeUnit.NANOSECONDS)
                : null;
        try {
            T result = action.run();
            if (expired.get()) {
                throw timedOut();
            }
            return result;
        } catch (IOException e) {
            if (expired.get()) {
                throw timedOut();
            }
            throw new AgePluginException(name, AgePluginException.Reason.EXITED, ended(), e);
        } catch (IllegalArgumentException e) {
            throw new AgePluginException(
                    name, AgePluginException.Reason.PROTOCOL, "sent a malformed command: " + e.getMessage(), e);
        } finally {
            deadline.cancel(false);
            if (waiting != null) {
                waiting.cancel(false);
            }
        }
    }

    private AgePluginException timedOut() {
        return new AgePluginException(
                name,
                AgePluginException.Reason.TIMED_OUT,
                "did not answer within " + config.timeout() + "; it was stopped");
    }

    private String ended() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return "exited with code " + process.exitValue() + " before the protocol was done";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "closed its output before the protocol was done";
    }

    /** Stops the plugin and what it started, so that no child keeps the pipes open. */
    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Closes the pipes and lets the plugin exit; one that lingers is stopped. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the plugin may have exited already
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing left to read
            }
        }
    }
}
