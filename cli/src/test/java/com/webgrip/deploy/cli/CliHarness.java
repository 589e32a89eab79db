package com.webgrip.deploy.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Runs {@link Main} in this process with given standard input, environment and typed secrets. */
final class CliHarness {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:34:56Z"), ZoneOffset.UTC);

    private byte[] stdin = new byte[0];
    private Map<String, String> environment = Map.of();
    private final Deque<String> typed = new ArrayDeque<>();
    private boolean terminal;
    private boolean stdoutIsTerminal;

    CliHarness stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    CliHarness environment(Map<String, String> environment) {
        this.environment = environment;
        return this;
    }

    /** A terminal at which these lines will be typed, one per prompt. */
    CliHarness terminal(String... lines) {
        terminal = true;
        typed.addAll(List.of(lines));
        return this;
    }

    /** Standard output is a terminal (age then refuses to write binary there). */
    CliHarness stdoutIsTerminal() {
        stdoutIsTerminal = true;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(
                new ByteArrayInputStream(stdin),
                out,
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment,
                new CliContext.Terminal() {
                    @Override
                    public char[] readSecret(String prompt) {
                        return terminal && !typed.isEmpty() ? typed.pop().toCharArray() : null;
                    }

                    @Override
                    public boolean standardOutputIsTerminal() {
                        return stdoutIsTerminal;
                    }
                },
                CLOCK,
                new SecureRandom());
        int status = Main.run(context, args);
        return new Result(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int status, byte[] stdout, String stderr) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }
}
