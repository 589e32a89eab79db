package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.health.HealthReport;
import com.webgrip.deploy.core.health.ResourceHealth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks secrets in untrusted text before it crosses into a verdict, the journal, run events, JSON output or
 * notifiers. Deployer, Helm and Kubernetes messages and health checks' messages are untrusted text: a validation
 * error echoes a field's value ({@code Invalid value: "..."}), a template's {@code fail} interpolates values, a pod's
 * waiting message quotes its command line. A redactor replaces the step's known secret values (the decrypted leaves
 * of its secret layers), SOPS {@code ENC[...]} values, age secret keys and PEM private key blocks, and cuts the text
 * to {@value #MAX_LENGTH} characters.
 *
 * <p>How a known secret value is found depends on its length:
 *
 * <ul>
 *   <li>a value of {@value #MIN_SUBSTRING_LENGTH} characters or more is masked wherever it occurs, even inside a
 *       longer word ({@code xhunter2x});
 *   <li>a shorter value (1 to 3 characters: a PIN, a port, {@code on}) is masked only as a whole token, where neither
 *       neighbour is a letter, digit or underscore: {@code Invalid value: "abc"} and {@code pin=42} lose it, while
 *       {@code configuration}, {@code abcd} and {@code 4242} keep their letters. Masking every occurrence of
 *       {@code on} or {@code 4} would garble every message; leaving short values alone would print them whole in
 *       exactly the messages that echo a value, which quote or delimit it. What this rule lets through is a short
 *       value glued to letters or digits ({@code pin917}); a value that short is guessable on its own, and a message
 *       that glues it to a word is rare.
 * </ul>
 */
final class Redactor {
    static final String MASK = "[redacted]";
    static final int MAX_LENGTH = 500;

    /** Secret values at least this long are masked anywhere; shorter ones only as whole tokens. */
    static final int MIN_SUBSTRING_LENGTH = 4;

    /** A character that continues a token: a short secret next to one is part of a longer word or number. */
    private static final String TOKEN_CHAR = "[\\p{L}\\p{N}_]";

    private static final List<Pattern> KEY_LIKE = List.of(
            Pattern.compile("ENC\\[[^\\]]*\\]?"),
            Pattern.compile("AGE-SECRET-KEY-(?:PQ-)?1[0-9A-Z]+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("AGE-PLUGIN-[0-9A-Z-]+-1[0-9A-Z]+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY[-\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"));

    /** Masks key-looking text only; for messages that no step's values can reach. */
    static final Redactor PATTERNS = new Redactor(List.of());

    /** Longest first, so a secret that contains another is masked whole. */
    private final List<String> secrets;

    /** The short secrets as whole tokens, longest first; null when there are none. */
    private final Pattern shortTokens;

    private Redactor(List<String> secrets) {
        this.secrets =
                secrets.stream().filter(s -> s.length() >= MIN_SUBSTRING_LENGTH).toList();
        List<String> shortOnes = secrets.stream()
                .filter(s -> !s.isEmpty() && s.length() < MIN_SUBSTRING_LENGTH)
                .toList();
        this.shortTokens = shortOnes.isEmpty()
                ? null
                : Pattern.compile("(?<!" + TOKEN_CHAR + ")(?:"
                        + shortOnes.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                        + ")(?!" + TOKEN_CHAR + ")");
    }

    /**
     * A redactor for the given secret values.
     *
     * @param secretValues the decrypted secret leaves of a step's values
     * @return the redactor
     */
    static Redactor of(Set<String> secretValues) {
        return new Redactor(secretValues.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
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
        if (shortTokens != null) {
            result = shortTokens.matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
        }
        for (Pattern pattern : KEY_LIKE) {
            result = pattern.matcher(result).replaceAll(MASK);
        }
        return result.length() <= MAX_LENGTH ? result : result.substring(0, MAX_LENGTH) + "...";
    }

    /**
     * The report with every resource's message redacted, so that neither a policy's reasons (which quote the
     * summary) nor events, the journal or notifiers carry what a health check echoed.
     */
    HealthReport redact(HealthReport report) {
        return new HealthReport(report.resources().stream()
                .map(r -> r.message().isEmpty()
                        ? r
                        : ResourceHealth.of(r.resource(), r.status(), r.reason(), redact(r.message())))
                .toList());
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
