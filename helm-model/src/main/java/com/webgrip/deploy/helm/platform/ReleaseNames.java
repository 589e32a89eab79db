package com.webgrip.deploy.helm.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Helm's rule for release names ({@code chartutil.ValidateReleaseName}): lowercase letters, digits, {@code -} and
 * {@code .}, starting and ending each dot-separated part with a letter or digit (DNS-1123), at most 53
 * characters; and the rule for namespace names (a DNS-1123 label, at most 63 characters).
 */
public final class ReleaseNames {
    /** Helm's maximum release name length: 63 for a Kubernetes name, minus what Helm appends. */
    public static final int MAX_RELEASE_NAME_LENGTH = 53;

    private static final Pattern RELEASE =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private ReleaseNames() {}

    /** Returns why {@code name} is not a valid Helm release name, or empty if it is. */
    public static Optional<String> releaseNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("no name provided");
        }
        if (name.length() > MAX_RELEASE_NAME_LENGTH) {
            return Optional.of("release name '" + name + "' is longer than " + MAX_RELEASE_NAME_LENGTH + " characters");
        }
        if (!RELEASE.matcher(name).matches()) {
            return Optional.of("release name '" + name + "' is invalid: it must be lowercase letters, digits, '-' and"
                    + " '.', starting and ending with a letter or digit (DNS-1123)");
        }
        return Optional.empty();
    }

    /** Returns whether {@code name} is a valid Helm release name. */
    public static boolean isValidReleaseName(String name) {
        return releaseNameProblem(name).isEmpty();
    }

    /** Returns whether {@code name} is a valid namespace name (a DNS-1123 label of at most 63 characters). */
    public static boolean isValidNamespace(String name) {
        return name != null && name.length() <= 63 && LABEL.matcher(name).matches();
    }
}
