package com.webgrip.deploy.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may touch besides its arguments: the standard streams, the environment, the
 * terminal (for passphrases), the clock and the randomness. Tests pass their own.
 *
 * @param stdin standard input, read as bytes
 * @param stdout standard output, written as bytes (never closed by a command)
 * @param stderr messages for the person running the command
 * @param environment the process environment (for example {@code AGE_PASSPHRASE})
 * @param terminal asks the person for a passphrase; may have no terminal behind it
 * @param clock the time, for example of a key's {@code # created:} line
 * @param random the source of keys, file keys and nonces
 */
record CliContext(
        InputStream stdin,
        OutputStream stdout,
        PrintStream stderr,
        Map<String, String> environment,
        Terminal terminal,
        Clock clock,
        SecureRandom random) {

    CliContext {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /** The real process: file descriptors 0, 1 and 2, the system clock, a new SecureRandom. */
    static CliContext system() {
        return new CliContext(
                new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out),
                System.err,
                System.getenv(),
                Terminal.system(),
                Clock.system(java.time.ZoneId.systemDefault()), // local time, as age-keygen prints
                new SecureRandom());
    }

    /** Reads secrets from the person at the terminal, and tells what the standard streams are. */
    interface Terminal {
        /** The line typed after {@code prompt}, without echo; null when there is no terminal. */
        char[] readSecret(String prompt);

        /**
         * Shows a line to the person at the terminal (not on standard error, which may be a log
         * file), for example a generated passphrase; false when there is no terminal.
         */
        default boolean show(String line) {
            return false;
        }

        /** Whether standard output is a terminal (age then refuses to print binary there). */
        default boolean standardOutputIsTerminal() {
            return false;
        }

        static Terminal system() {
            return new SystemTerminal();
        }

        /**
         * Whether a person sits at this process's terminal. JDK 22 and newer return a console
         * even when the streams are redirected; their {@code Console.isTerminal()} tells.
         */
        @SuppressWarnings("SystemConsoleNull") // the null check serves JDK 17 to 21; isTerminal() serves 22+
        static boolean interactive() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true; // before JDK 22 a console exists only at a terminal
            }
        }
    }

    /** The process's terminal, through {@link System#console()}. */
    static final class SystemTerminal implements Terminal {
        @Override
        public char[] readSecret(String prompt) {
            return Terminal.interactive() ? System.console().readPassword("%s", prompt) : null;
        }

        @Override
        public boolean show(String line) {
            if (!Terminal.interactive()) {
                return false;
            }
            System.console().writer().println(line);
            System.console().writer().flush();
            return true;
        }

        @Override
        public boolean standardOutputIsTerminal() {
            return isTerminal(1);
        }

        /**
         * Whether file descriptor {@code fd} is a terminal: on Linux, where {@code /proc} names
         * it; elsewhere, whether a console is attached (which needs both standard input and output
         * to be terminals).
         */
        private static boolean isTerminal(int fd) {
            try {
                String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd))
                        .toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (java.io.IOException | UnsupportedOperationException e) {
                return Terminal.interactive();
            }
        }
    }
}
