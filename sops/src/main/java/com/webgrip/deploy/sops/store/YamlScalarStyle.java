package com.webgrip.deploy.sops.store;

import java.util.regex.Pattern;

/**
 * Chooses how a string is written, as go-yaml v3 does when sops encodes a string: plain when it
 * reads back as the same string, double-quoted when it would read back as another type (or is an
 * old YAML 1.1 bool or base-60 number), a literal block when it spans lines, and single- or
 * double-quoted when libyaml's scalar analysis forbids the plain or block form.
 */
final class YamlScalarStyle {
    enum Style {
        PLAIN,
        SINGLE_QUOTED,
        DOUBLE_QUOTED,
        LITERAL
    }

    private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
    private static final java.util.Set<String> OLD_BOOLS = java.util.Set.of(
            "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF");

    private YamlScalarStyle() {}

    static Style choose(String s, boolean simpleKey) {
        Style requested;
        if (s.indexOf('\n') >= 0) {
            requested = Style.LITERAL;
        } else if (YamlScalars.resolvesToNonString(s)
                || OLD_BOOLS.contains(s)
                || BASE60_FLOAT.matcher(s).matches()) {
            return Style.DOUBLE_QUOTED;
        } else {
            requested = Style.PLAIN;
        }
        Analysis a = Analysis.of(s);
        if (requested == Style.PLAIN) {
            if (!a.blockPlainAllowed || (simpleKey && a.multiline)) {
                requested = Style.SINGLE_QUOTED;
            } else {
                return Style.PLAIN;
            }
        }
        if (requested == Style.LITERAL) {
            if (!a.blockAllowed || simpleKey) {
                return Style.DOUBLE_QUOTED;
            }
            return Style.LITERAL;
        }
        if (!a.singleQuotedAllowed || (simpleKey && a.multiline)) {
            return Style.DOUBLE_QUOTED;
        }
        return Style.SINGLE_QUOTED;
    }

    /** libyaml's {@code is_printable} on code points (go-yaml v3 treats 4-byte UTF-8 as unprintable). */
    static boolean isPrintable(int c) {
        return c == 0x0A
                || (c >= 0x20 && c <= 0x7E)
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static final class Analysis {
        boolean blockPlainAllowed = true;
        boolean singleQuotedAllowed = true;
        boolean blockAllowed = true;
        boolean multiline;

        static Analysis of(String s) {
            Analysis a = new Analysis();
            if (s.isEmpty()) {
                a.blockPlainAllowed = false;
                return a;
            }
            boolean blockIndicators = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean tabs = false;
            boolean special = false;
            boolean previousSpace = false;
            boolean previousBreak = false;
            if (s.startsWith("---") || s.startsWith("...")) {
                if (s.length() == 3 || isBlank(s.codePointAt(3))) {
                    blockIndicators = true;
                }
            }
            boolean precededByWhitespace = true;
            int[] cps = s.codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                int c = cps[i];
                boolean followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
                if (i == 0) {
                    if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                        blockIndicators = true;
                    }
                    if ((c == '?' || c == ':') && followedByWhitespace) {
                        blockIndicators = true;
                    }
                    if (c == '-' && followedByWhitespace) {
                        blockIndicators = true;
                    }
                } else {
                    if (c == ':' && followedByWhitespace) {
                        blockIndicators = true;
                    }
                    if (c == '#' && precededByWhitespace) {
                        blockIndicators = true;
                    }
                }
                if (c == '\t') {
                    tabs = true;
                } else if (!isPrintable(c)) {
                    special = true;
                }
                if (isBreak(c)) {
                    a.multiline = true;
                }
                if (c == ' ') {
                    if (i == 0) {
                        leadingSpace = true;
                    }
                    if (i == cps.length - 1) {
                        trailingSpace = true;
                    }
                    if (previousBreak) {
                        breakSpace = true;
                    }
                    previousSpace = true;
                    previousBreak = false;
                } else if (isBreak(c)) {
                    if (i == 0) {
                        leadingBreak = true;
                    }
                    if (i == cps.length - 1) {
                        trailingBreak = true;
                    }
                    if (previousSpace) {
                        spaceBreak = true;
                    }
                    previousBreak = true;
                    previousSpace = false;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = isBlank(c);
            }
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
                a.blockPlainAllowed = false;
            }
            if (trailingSpace) {
                a.blockAllowed = false;
            }
            if (breakSpace) {
                a.blockPlainAllowed = false;
                a.singleQuotedAllowed = false;
            }
            if (spaceBreak || tabs || special) {
                a.blockPlainAllowed = false;
                a.singleQuotedAllowed = false;
            }
            if (spaceBreak || special) {
                a.blockAllowed = false;
            }
            if (a.multiline || blockIndicators) {
                a.blockPlainAllowed = false;
            }
            return a;
        }

        private static boolean isBlank(int c) {
            return c == ' ' || c == '\t' || isBreak(c);
        }
    }
}
