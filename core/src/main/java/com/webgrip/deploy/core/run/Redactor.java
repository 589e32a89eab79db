package com.webgrip.deploy.core.run;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets in error text before it crosses into a verdict, the journal, run events, JSON output or notifiers.
 * Deployer, Helm and Kubernetes messages are untrusted text: a validation error echoes a field's value
 * ({@code Invalid value: "..."}), a template's {@code fail} interpolates values. A redactor replaces the step's known
 * secret values (the decrypted leaves of its secret layers), SOPS {@code ENC[...]} values, age secret keys and PEM
 * private key blocks, and cuts the text to {@value #MAX_LENGTH} characters.
 */
final class Redactor {
    static final String MASK = "[redacted]";
    static final int MAX_LENGTH = 500;

    /** Secret values shorter than this are left alone: masking every "on" or "3" would garble messages. */
    static final int MIN_SECRET_LENGTH = 4;

    private static final List<Pattern> KEY_LIKE = List.of(
            Pattern.compile("ENC\\[[^\\]]*\\]?"),
            Pattern.compile("AGE-SECRET-KEY-(?:PQ-)?1[0-9A-Z]+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("AGE-PLUGIN-[0-9A-Z-]+-1[0-9A-Z]+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY[-\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"));

    /** Masks key-looking text only; for messages that no step's values can reach. */
    static final Redactor PATTERNS = new Redactor(List.of());

    /** Longest first, so a secret that contains another is masked whole. */
    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * A redactor for the given secret values.
     *
     * @param secretValues the decrypted secret leaves of a step's values
     * @return the redactor
     */
    static Redactor of(Set<String> secretValues) {
        return new Redactor(secretValues.stream()
                .filter(s -> s.length() >= MIN_SECRET_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    /**
     * The text with every known secret and key-looking string masked, at most {@value #MAX_LENGTH} characters.
     *
     * @param text untrusted text, such as an exception's message; may be null
     * @return the redacted text; "" for null
     */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        for (Pattern pattern : KEY_LIKE) {
            result = pattern.matcher(result).replaceAll(MASK);
        }
        return result.length() <= MAX_LENGTH ? result : result.substring(0, MAX_LENGTH) + "...";
    }

    /** The message of a failure, redacted; its class name when it has none. */
    String message(Throwable failure) {
        Objects.requireNonNull(failure, "failure required");
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : redact(message);
    }

    /**
     * The string leaves of {@code resolved} that differ from the leaf at the same path of {@code masked}: the values
     * that came from secret layers.
     */
    static void collectSecretLeaves(Object resolved, Object masked, Set<String> into) {
        if (resolved instanceof Map<?, ?> map) {
            Map<?, ?> other = masked instanceof Map<?, ?> m ? m : Map.of();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectSecretLeaves(entry.getValue(), other.get(entry.getKey()), into);
            }
        } else if (resolved instanceof List<?> list) {
            List<?> other = masked instanceof List<?> l ? l : List.of();
            for (int i = 0; i < list.size(); i++) {
                collectSecretLeaves(list.get(i), i < other.size() ? other.get(i) : null, into);
            }
        } else if (resolved != null && !resolved.equals(masked)) {
            into.add(String.valueOf(resolved));
        }
    }
}
