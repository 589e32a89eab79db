package com.webgrip.deploy.cli;

import com.webgrip.deploy.age.AgeException;
import java.util.Arrays;

/** Where a passphrase comes from: {@code AGE_PASSPHRASE} for scripts, else the terminal. */
final class Passphrases {
    static final String ENVIRONMENT_VARIABLE = "AGE_PASSPHRASE";

    private Passphrases() {}

    /** A passphrase for decryption. */
    static char[] forDecryption(CliContext context) throws AgeException {
        char[] fromEnvironment = fromEnvironment(context);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        return ask(context, "Enter passphrase: ");
    }

    /** A passphrase for encryption: typed twice at a terminal. */
    static char[] forEncryption(CliContext context) throws AgeException {
        char[] fromEnvironment = fromEnvironment(context);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        char[] first = ask(context, "Enter passphrase: ");
        char[] second = ask(context, "Confirm passphrase: ");
        try {
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new AgeException("passphrases didn't match");
            }
            return first;
        } finally {
            Arrays.fill(second, '\0');
        }
    }

    private static char[] fromEnvironment(CliContext context) throws AgeException {
        String value = context.environment().get(ENVIRONMENT_VARIABLE);
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new AgeException(ENVIRONMENT_VARIABLE + " is set but empty; expected a passphrase");
        }
        return value.toCharArray();
    }

    private static char[] ask(CliContext context, String prompt) throws AgeException {
        char[] typed = context.terminal().readSecret(prompt);
        if (typed == null) {
            throw new AgeException("a passphrase is needed but there is no terminal; set " + ENVIRONMENT_VARIABLE);
        }
        if (typed.length == 0) {
            throw new AgeException("the passphrase is empty");
        }
        return typed;
    }
}
