package com.webgrip.deploy.cli;

import com.webgrip.deploy.age.AgeUi;
import java.util.Locale;
import java.util.Optional;

/**
 * The age library's {@link AgeUi} on the command line's terminal: plugin messages go to standard
 * error, and passphrases of encrypted SSH keys, PINs and plugin questions are read at the
 * terminal (without echo: it is the only reader the command line has).
 */
final class TerminalUi implements AgeUi {
    private final CliContext context;

    TerminalUi(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean displayMessage(String source, String message) {
        context.stderr().println("age: " + source + ": " + message);
        return true;
    }

    @Override
    public Optional<char[]> requestValue(String source, String prompt, boolean secret) {
        return Optional.ofNullable(context.terminal().readSecret(prompt + ": "));
    }

    /** The passphrase of an {@code age -p} identities file: {@code AGE_PASSPHRASE}, else typed. */
    @Override
    public Optional<char[]> requestPassphrase(String source, String prompt) {
        return Passphrases.forIdentityFile(context, prompt);
    }

    /** As age(1): {@code age: warning: …} on standard error. */
    @Override
    public void warn(String source, String warning) {
        context.stderr().println("age: warning: " + source + ": " + warning);
    }

    @Override
    public Confirmation confirm(String source, String prompt, String yes, Optional<String> no) {
        String choices = no.map(n -> " [y = " + yes + ", n = " + n + "]").orElse(" [y = " + yes + "]");
        char[] answer = context.terminal().readSecret(source + ": " + prompt + choices + ": ");
        if (answer == null) {
            return Confirmation.UNAVAILABLE;
        }
        String text = new String(answer).strip().toLowerCase(Locale.ROOT);
        if (text.equals("y") || text.equals(yes.toLowerCase(Locale.ROOT))) {
            return Confirmation.YES;
        }
        return no.isPresent() ? Confirmation.NO : Confirmation.UNAVAILABLE;
    }

    @Override
    public void waiting(String source) {
        context.stderr().println("age: waiting on " + source + " plugin...");
    }
}
