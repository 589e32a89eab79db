package com.webgrip.deploy.helm.semver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint in Helm's syntax (Masterminds/semver v3): comparisons ({@code =}, {@code !=}, {@code >},
 * {@code <}, {@code >=}, {@code <=}, also written {@code =>} and {@code =<}), tilde ({@code ~1.2}, {@code ~>1.2}),
 * caret ({@code ^1.2}), x-ranges ({@code 1.2.x}, {@code 1.*}, {@code *}), hyphen ranges ({@code 1.2 - 1.4.5}),
 * AND with a space or a comma, OR with {@code ||}.
 *
 * <p>Pre-releases: a version with a pre-release matches only an OR group in which some comparison names a
 * pre-release ({@code >=1.2.0-0} lets every pre-release of 1.2.0 and later in).
 */
public final class Constraint {
    private static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
    private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
    private static final Pattern SINGLE = Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV + ")\\s*$");
    private static final Pattern RANGE = Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
    private static final Pattern FIND = Pattern.compile("(" + OPS + ")\\s*(" + CV + ")");
    private static final Pattern VALID = Pattern.compile(
            "^(\\s*(" + OPS + ")\\s*(" + CV + ")\\s*)((?:\\s+|,\\s*)(" + OPS + ")\\s*(" + CV + ")\\s*)*$");
    private static final int MAX_LENGTH = 1024;

    private final String text;
    private final List<List<Comparison>> groups;
    private final List<Boolean> groupNamesPrerelease;

    private Constraint(String text, List<List<Comparison>> groups, List<Boolean> groupNamesPrerelease) {
        this.text = text;
        this.groups = groups;
        this.groupNamesPrerelease = groupNamesPrerelease;
    }

    /**
     * Parses a constraint as Helm does ({@code semver.NewConstraint}).
     *
     * @throws InvalidVersionException if the text is not a constraint Helm accepts
     */
    public static Constraint parse(String text) {
        Objects.requireNonNull(text, "constraint text required");
        if (text.length() > MAX_LENGTH) {
            throw new InvalidVersionException("a constraint longer than " + MAX_LENGTH + " characters");
        }
        String rewritten = rewriteRanges(text);
        List<List<Comparison>> groups = new ArrayList<>();
        List<Boolean> namesPre = new ArrayList<>();
        for (String or : rewritten.split("\\|\\|", -1)) {
            if (!VALID.matcher(or).matches()) {
                throw new InvalidVersionException("improper constraint: '" + Version.shorten(or) + "'");
            }
            List<Comparison> group = new ArrayList<>();
            Matcher find = FIND.matcher(or);
            while (find.find()) {
                group.add(Comparison.parse(find.group()));
            }
            if (group.isEmpty()) {
                group.add(Comparison.parse(or));
            }
            groups.add(List.copyOf(group));
            namesPre.add(group.stream().anyMatch(c -> c.version.isPrerelease()));
        }
        return new Constraint(text, List.copyOf(groups), List.copyOf(namesPre));
    }

    /** Returns whether {@code version} satisfies this constraint ({@code Constraints.Check}). */
    public boolean matches(Version version) {
        Objects.requireNonNull(version, "version required");
        for (int i = 0; i < groups.size(); i++) {
            boolean includePre = groupNamesPrerelease.get(i);
            if (groups.get(i).stream().allMatch(c -> c.check(version, includePre))) {
                return true;
            }
        }
        return false;
    }

    /** Returns the highest version by SemVer precedence among {@code versions} that satisfies this constraint. */
    public Optional<Version> highestMatch(Collection<Version> versions) {
        Version best = null;
        for (Version v : versions) {
            if (matches(v) && (best == null || v.compareTo(best) > 0)) {
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns the constraint text as given. */
    @Override
    public String toString() {
        return text;
    }

    private static String rewriteRanges(String text) {
        Matcher m = RANGE.matcher(text);
        String out = text;
        while (m.find()) {
            String replacement = ">= " + m.group(1) + ", <= " + m.group(11) + " ";
            int at = out.indexOf(m.group());
            out = out.substring(0, at)
                    + replacement
                    + out.substring(at + m.group().length());
        }
        return out;
    }

    /** One comparison such as {@code >=1.2.x}; "dirty" parts were x, *, or missing. */
    private static final class Comparison {
        final String operator;
        final String original;
        final Version version;
        final boolean dirty;
        final boolean minorDirty;
        final boolean patchDirty;

        private Comparison(String operator, String original, Version version, boolean[] dirt) {
            this.operator = operator;
            this.original = original;
            this.version = version;
            this.dirty = dirt[0];
            this.minorDirty = dirt[1];
            this.patchDirty = dirt[2];
        }

        static Comparison parse(String text) {
            Matcher m = SINGLE.matcher(text);
            if (!m.matches()) {
                throw new InvalidVersionException("improper constraint: '" + Version.shorten(text) + "'");
            }
            String major = m.group(3);
            String minor = m.group(4) == null ? "" : m.group(4);
            String patch = m.group(5) == null ? "" : m.group(5);
            String pre = m.group(6) == null ? "" : m.group(6);
            boolean[] dirt = new boolean[3];
            String version = m.group(2);
            if (isX(major)) {
                version = "0.0.0" + pre;
                dirt[0] = true;
            } else if (minor.isEmpty() || isX(minor.substring(1))) {
                version = major + ".0.0" + pre;
                dirt[0] = true;
                dirt[1] = true;
            } else if (patch.isEmpty() || isX(patch.substring(1))) {
                version = major + minor + ".0" + pre;
                dirt[0] = true;
                dirt[2] = true;
            }
            Version parsed = Version.tryParse(version)
                    .orElseThrow(() -> new InvalidVersionException("improper constraint: '" + Version.shorten(text)
                            + "' (the version part is not a version)"));
            return new Comparison(m.group(1), m.group(2), parsed, dirt);
        }

        private static boolean isX(String s) {
            return s.equals("x") || s.equals("X") || s.equals("*");
        }

        boolean check(Version v, boolean includePre) {
            if (v.isPrerelease() && !includePre) {
                return false;
            }
            return switch (operator) {
                case "", "=" -> dirty ? tilde(v) : v.compareTo(version) == 0;
                case "!=" -> notEqual(v);
                case ">" -> greaterThan(v);
                case "<" -> v.compareTo(version) < 0;
                case ">=", "=>" -> v.compareTo(version) >= 0;
                case "<=", "=<" -> lessThanOrEqual(v);
                case "~", "~>" -> tilde(v);
                case "^" -> caret(v);
                default -> throw new IllegalStateException("unknown operator " + operator);
            };
        }

        private boolean notEqual(Version v) {
            if (dirty) {
                if (version.major() != v.major()) {
                    return true;
                }
                if (version.minor() != v.minor() && !minorDirty) {
                    return true;
                } else if (minorDirty) {
                    return false;
                } else if (version.patch() != v.patch() && !patchDirty) {
                    return true;
                } else if (patchDirty) {
                    if (v.isPrerelease() || version.isPrerelease()) {
                        return !v.prerelease().equals(version.prerelease());
                    }
                    return false;
                }
            }
            return v.compareTo(version) != 0;
        }

        private boolean greaterThan(Version v) {
            if (!dirty) {
                return v.compareTo(version) > 0;
            }
            int major = Long.compareUnsigned(v.major(), version.major());
            if (major != 0) {
                return major > 0;
            } else if (minorDirty) {
                return false;
            } else if (patchDirty) {
                return Long.compareUnsigned(v.minor(), version.minor()) > 0;
            }
            return v.compareTo(version) > 0;
        }

        private boolean lessThanOrEqual(Version v) {
            if (!dirty) {
                return v.compareTo(version) <= 0;
            }
            if (Long.compareUnsigned(v.major(), version.major()) > 0) {
                return false;
            }
            return !(v.major() == version.major()
                    && Long.compareUnsigned(v.minor(), version.minor()) > 0
                    && !minorDirty);
        }

        private boolean tilde(Version v) {
            if (v.compareTo(version) < 0) {
                return false;
            }
            if (version.major() == 0 && version.minor() == 0 && version.patch() == 0 && !minorDirty && !patchDirty) {
                return true;
            }
            if (v.major() != version.major()) {
                return false;
            }
            return v.minor() == version.minor() || minorDirty;
        }

        private boolean caret(Version v) {
            if (v.compareTo(version) < 0) {
                return false;
            }
            if (version.major() != 0 || minorDirty) {
                return v.major() == version.major();
            }
            if (v.major() != 0) {
                return false;
            }
            if (version.minor() != 0 || patchDirty) {
                return v.minor() == version.minor();
            }
            if (v.minor() != 0) {
                return false;
            }
            return version.patch() == v.patch();
        }

        @Override
        public String toString() {
            return operator + original;
        }
    }
}
