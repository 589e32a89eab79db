package com.webgrip.deploy.helm.semver;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SemVer 2.0 version as Helm reads it (Masterminds/semver v3, which Helm 3 uses).
 *
 * <p>{@link #parse} coerces as Helm does: a leading {@code v}, a missing minor or patch ({@code 1.2} is
 * {@code 1.2.0}) and leading zeros in the numbers are accepted; pre-release identifiers are validated by the spec
 * (no empty identifier, no leading zero in a numeric one). {@link #parseStrict} accepts only {@code X.Y.Z} with the
 * optional pre-release and build metadata.
 *
 * <p>The natural order is SemVer precedence: build metadata is ignored, so two versions that differ only in build
 * metadata compare as 0 but are not {@link #equals equal} (as {@link java.math.BigDecimal} does with scale). Numbers
 * are unsigned 64-bit, as in Go.
 */
public final class Version implements Comparable<Version> {
    private static final Pattern LOOSE = Pattern.compile("v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?");
    private static final int MAX_LENGTH = 1024;

    private final long major;
    private final long minor;
    private final long patch;
    private final String prerelease;
    private final String metadata;
    private final String original;

    private Version(long major, long minor, long patch, String prerelease, String metadata, String original) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
        this.metadata = metadata;
        this.original = original;
    }

    /**
     * Parses a version the way Helm does ({@code semver.NewVersion}): {@code v1.2}, {@code 1}, {@code 01.2.3} and
     * {@code 1.2.3-rc.1+build.5} are accepted.
     *
     * @throws InvalidVersionException if the text is not a version Helm accepts
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "version text required");
        if (text.isEmpty()) {
            throw new InvalidVersionException("a version is required, found an empty string");
        }
        Matcher m = text.length() <= MAX_LENGTH ? LOOSE.matcher(text) : null;
        if (m == null || !m.matches()) {
            throw new InvalidVersionException("'" + shorten(text) + "' is not a valid semantic version");
        }
        String pre = m.group(5) == null ? "" : m.group(5);
        String meta = m.group(8) == null ? "" : m.group(8);
        Version version = new Version(
                number(m.group(1), text), number(m.group(2), text), number(m.group(3), text), pre, meta, text);
        validatePrerelease(pre, text);
        return version;
    }

    /**
     * Parses a strict SemVer 2.0 version ({@code semver.StrictNewVersion}): exactly {@code X.Y.Z}, no {@code v}, no
     * leading zeros.
     *
     * @throws InvalidVersionException if the text is not a strict SemVer version
     */
    public static Version parseStrict(String text) {
        Version version = parse(text);
        String core = text;
        int cut = indexOfAny(core, '-', '+');
        if (cut >= 0) {
            core = core.substring(0, cut);
        }
        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidVersionException("'" + shorten(text) + "' is not MAJOR.MINOR.PATCH");
        }
        for (String part : parts) {
            if (part.isEmpty() || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidVersionException("'" + shorten(text) + "' has a non-numeric version segment");
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw new InvalidVersionException("'" + shorten(text) + "' has a version segment starting with 0");
            }
        }
        return version;
    }

    /** Parses like {@link #parse}, returning empty instead of throwing. */
    public static Optional<Version> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    /** Creates a version from its parts; the pre-release and metadata may be empty. */
    public static Version of(long major, long minor, long patch, String prerelease, String metadata) {
        String text = Long.toUnsignedString(major) + "." + Long.toUnsignedString(minor) + "."
                + Long.toUnsignedString(patch) + (prerelease.isEmpty() ? "" : "-" + prerelease)
                + (metadata.isEmpty() ? "" : "+" + metadata);
        return parse(text);
    }

    private static long number(String group, String text) {
        if (group == null) {
            return 0;
        }
        String digits = group.startsWith(".") ? group.substring(1) : group;
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidVersionException("'" + shorten(text) + "' has a version segment above 2^64-1");
        }
    }

    private static void validatePrerelease(String pre, String text) {
        if (pre.isEmpty()) {
            return;
        }
        for (String part : pre.split("\\.", -1)) {
            if (part.chars().allMatch(c -> c >= '0' && c <= '9') && part.length() > 1 && part.charAt(0) == '0') {
                throw new InvalidVersionException(
                        "'" + shorten(text) + "' has a numeric pre-release identifier with a leading zero");
            }
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** Returns the major number (unsigned). */
    public long major() {
        return major;
    }

    /** Returns the minor number (unsigned). */
    public long minor() {
        return minor;
    }

    /** Returns the patch number (unsigned). */
    public long patch() {
        return patch;
    }

    /** Returns the pre-release identifiers without the leading {@code -}, or an empty string. */
    public String prerelease() {
        return prerelease;
    }

    /** Returns the build metadata without the leading {@code +}, or an empty string. */
    public String metadata() {
        return metadata;
    }

    /** Returns the text this version was parsed from. */
    public String original() {
        return original;
    }

    /** Returns whether this version has a pre-release part. */
    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** Compares by SemVer precedence (build metadata ignored), as Masterminds' {@code Compare} does. */
    @Override
    public int compareTo(Version other) {
        int d = Long.compareUnsigned(major, other.major);
        if (d == 0) {
            d = Long.compareUnsigned(minor, other.minor);
        }
        if (d == 0) {
            d = Long.compareUnsigned(patch, other.patch);
        }
        if (d != 0) {
            return Integer.signum(d);
        }
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        return comparePrerelease(prerelease, other.prerelease);
    }

    private static int comparePrerelease(String a, String b) {
        String[] as = a.split("\\.", -1);
        String[] bs = b.split("\\.", -1);
        for (int i = 0; i < Math.max(as.length, bs.length); i++) {
            String x = i < as.length ? as[i] : "";
            String y = i < bs.length ? bs[i] : "";
            int d = comparePart(x, y);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    private static int comparePart(String x, String y) {
        if (x.equals(y)) {
            return 0;
        } else if (x.isEmpty() || y.isEmpty()) {
            return x.isEmpty() ? -1 : 1;
        }
        Long xi = unsigned(x);
        Long yi = unsigned(y);
        if (xi == null && yi == null) {
            return Integer.signum(x.compareTo(y));
        } else if (xi == null || yi == null) {
            // A numeric identifier has lower precedence than an alphanumeric one.
            return xi == null ? 1 : -1;
        }
        return Integer.signum(Long.compareUnsigned(xi, yi));
    }

    private static Long unsigned(String s) {
        if (s.isEmpty() || s.length() > 20 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Versions are equal when every part is equal, build metadata included; the original text is not compared. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Version v)) {
            return false;
        }
        return major == v.major
                && minor == v.minor
                && patch == v.patch
                && prerelease.equals(v.prerelease)
                && metadata.equals(v.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, prerelease, metadata);
    }

    /** Returns the normalized form {@code MAJOR.MINOR.PATCH[-PRE][+META]}, without a leading {@code v}. */
    @Override
    public String toString() {
        return Long.toUnsignedString(major) + "." + Long.toUnsignedString(minor) + "." + Long.toUnsignedString(patch)
                + (prerelease.isEmpty() ? "" : "-" + prerelease) + (metadata.isEmpty() ? "" : "+" + metadata);
    }
}
