package com.webgrip.deploy.age;

import java.util.Optional;

/**
 * The person at the keyboard, as far as age needs one: messages, confirmations and requests that
 * plugins send (C2SP age-plugin {@code msg}, {@code confirm}, {@code request-public},
 * {@code request-secret}), and passphrases of encrypted SSH keys. The command line implements it
 * on the terminal; a server or a test passes {@link #nonInteractive()}.
 *
 * <p>Each method is told the {@code source} of the request (a plugin name or a key's file name)
 * so that the person can tell who is asking. A request that cannot be answered is reported as
 * such (false, empty, {@link Confirmation#UNAVAILABLE}) and the plugin decides what follows.
 */
public interface AgeUi {

    /**
     * Shows a message.
     *
     * @return false when there is nowhere to show it
     */
    boolean displayMessage(String source, String message);

    /**
     * Asks for a value: a PIN or passphrase when {@code secret}, else a public value.
     *
     * @return the value, which the caller zeroes after use; empty when it cannot be asked or the
     *     person declined
     */
    Optional<char[]> requestValue(String source, String prompt, boolean secret);

    /**
     * Asks to choose between {@code yes} and, when present, {@code no} (for example "insert the
     * key" or "skip it").
     */
    Confirmation confirm(String source, String prompt, String yes, Optional<String> no);

    /**
     * Called once when a plugin has been silent for a few seconds, for example while it waits for
     * a hardware key to be touched. It runs on the plugins' timer thread, so it must return at
     * once (print a line, set a flag). Default: nothing.
     */
    default void waiting(String source) {}

    /**
     * Asks for the passphrase of a passphrase-encrypted identities file named {@code source}.
     * Default: {@link #requestValue} as a secret. A command line may answer from its own
     * passphrase source (age's {@code AGE_PASSPHRASE}) without answering plugins' requests too.
     */
    default Optional<char[]> requestPassphrase(String source, String prompt) {
        return requestValue(source, prompt, true);
    }

    /**
     * Tells the person that something was skipped or matched nothing, for example an SSH key of
     * an unsupported type in a recipients file, or an encrypted identities file none of whose
     * identities opened a file. Default: shown as a message starting with {@code warning: }.
     */
    default void warn(String source, String warning) {
        displayMessage(source, "warning: " + warning);
    }

    /** The answer to {@link #confirm}. */
    enum Confirmation {
        /** The person chose the {@code yes} option. */
        YES,
        /** The person chose the {@code no} option. */
        NO,
        /** The question could not be asked. */
        UNAVAILABLE
    }

    /** A UI with no person behind it: every message and request is answered "cannot". */
    static AgeUi nonInteractive() {
        return NonInteractiveUi.INSTANCE;
    }
}
