package com.webgrip.deploy.sops;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which values of a document are encrypted: exactly one of sops's six rules. The default, when a
 * file or creation rule names none, is {@code unencrypted_suffix: _unencrypted}. Regular
 * expressions have Go RE2 semantics (see {@link #regexNote()}).
 *
 * @param kind the rule
 * @param value the suffix or the regular expression
 */
public record EncryptionRule(Kind kind, String value) {

    /** The six rules, by their metadata and {@code .sops.yaml} names. */
    public enum Kind {
        UNENCRYPTED_SUFFIX("unencrypted_suffix"),
        ENCRYPTED_SUFFIX("encrypted_suffix"),
        UNENCRYPTED_REGEX("unencrypted_regex"),
        ENCRYPTED_REGEX("encrypted_regex"),
        UNENCRYPTED_COMMENT_REGEX("unencrypted_comment_regex"),
        ENCRYPTED_COMMENT_REGEX("encrypted_comment_regex");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The name in metadata and {@code .sops.yaml}, e.g. {@code encrypted_regex}. */
        public String key() {
            return key;
        }

        /** The kind of a metadata name. */
        public static Optional<Kind> forKey(String key) {
            for (Kind kind : values()) {
                if (kind.key.equals(key)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        boolean isRegex() {
            return this != UNENCRYPTED_SUFFIX && this != ENCRYPTED_SUFFIX;
        }
    }

    /** sops's default: values under a key ending in {@code _unencrypted} stay in clear. */
    public static final EncryptionRule DEFAULT = new EncryptionRule(Kind.UNENCRYPTED_SUFFIX, "_unencrypted");

    /**
     * A rule.
     *
     * @throws IllegalArgumentException if the value is empty, or a regular expression that RE2 (and
     *     so Go sops) refuses
     */
    public EncryptionRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(kind.key + " is empty; expected a suffix or a regular expression");
        }
        if (kind.isRegex()) {
            GoRegex.compile(value);
        }
    }

    /** The rule of the given kind. */
    public static EncryptionRule of(Kind kind, String value) {
        return new EncryptionRule(kind, value);
    }

    /** How regular expressions are read: Go RE2 (through RE2/J), unanchored, in linear time. */
    public static String regexNote() {
        return "Go RE2 syntax and semantics, unanchored, matched in linear time; what RE2 refuses "
                + "(lookaround, backreferences, possessive quantifiers) is refused";
    }

    /** Whether some path component ends with the suffix, or matches the regular expression. */
    private boolean anyComponentMatches(List<String> path) {
        boolean suffix = !kind.isRegex();
        for (int i = 0; i < path.size(); i++) {
            String component = path.get(i);
            if (suffix ? component.endsWith(value) : GoRegex.find(value, component)) {
                return true;
            }
        }
        return false;
    }

    /**
     * sops's {@code shouldBeEncrypted}: whether the leaf at this path (map keys from the root;
     * list indices are not part of it) is encrypted, given the comments before it at each level.
     */
    boolean shouldEncrypt(List<String> path, List<List<String>> commentStack, boolean isComment) {
        switch (kind) {
            case UNENCRYPTED_SUFFIX:
                return !anyComponentMatches(path);
            case ENCRYPTED_SUFFIX:
                return anyComponentMatches(path);
            case UNENCRYPTED_REGEX:
                return !anyComponentMatches(path);
            case ENCRYPTED_REGEX:
                return anyComponentMatches(path);
            case UNENCRYPTED_COMMENT_REGEX:
                for (List<String> level : commentStack) {
                    for (String comment : level) {
                        if (GoRegex.find(value, comment)) {
                            return false;
                        }
                    }
                }
                return true;
            case ENCRYPTED_COMMENT_REGEX:
            default:
                int lastLevel = commentStack.size() - 1;
                for (int i = 0; i < commentStack.size(); i++) {
                    List<String> level = commentStack.get(i);
                    for (int j = 0; j < level.size(); j++) {
                        // the matching comment line itself stays in clear
                        if (isComment && i == lastLevel && j == level.size() - 1) {
                            continue;
                        }
                        if (GoRegex.find(value, level.get(j))) {
                            return true;
                        }
                    }
                }
                return false;
        }
    }
}
