package com.webgrip.deploy.age;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The SSH keys and files under {@code src/test/resources/age/ssh} (see its NOTES.md). */
final class SshFixtures {
    static final String PASSPHRASE = "correct horse battery staple";

    private SshFixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = SshFixtures.class.getResourceAsStream("/age/ssh/" + name)) {
            return Objects.requireNonNull(in, "no test resource age/ssh/" + name)
                    .readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The {@code type base64} part of a {@code .pub} file, without its comment. */
    static String publicLine(String name) {
        String[] fields = text(name + ".pub").strip().split(" ", -1);
        return fields[0] + " " + fields[1];
    }

    static Identity identity(String name, AgeUi ui) throws AgeKeyException {
        List<Identity> identities = AgeKeys.parseIdentities(text(name), name, ui);
        if (identities.size() != 1) {
            throw new IllegalStateException(name + " holds " + identities.size() + " identities");
        }
        return identities.get(0);
    }

    static Identity identity(String name) throws AgeKeyException {
        return identity(name, new ScriptedUi(PASSPHRASE));
    }

    /** A UI that answers passphrase requests from a script and records what it was asked. */
    static final class ScriptedUi implements AgeUi {
        private final List<String> answers;
        final List<String> prompts = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        ScriptedUi(String... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public synchronized boolean displayMessage(String source, String message) {
            messages.add(source + ": " + message);
            return true;
        }

        @Override
        public synchronized Optional<char[]> requestValue(String source, String prompt, boolean secret) {
            prompts.add(prompt);
            return answers.isEmpty()
                    ? Optional.empty()
                    : Optional.of(answers.remove(0).toCharArray());
        }

        @Override
        public Confirmation confirm(String source, String prompt, String yes, Optional<String> no) {
            return Confirmation.UNAVAILABLE;
        }
    }
}
