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

    /** Reads secrets from the person at the terminal. */
    interface Terminal {
        /** The line typed after {@code prompt}, without echo; null when there is no terminal. */
        char[] readSecret(String prompt);

        static Terminal system() {
            return prompt -> interactive() ? System.console().readPassword("%s", prompt) : null;
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
}
