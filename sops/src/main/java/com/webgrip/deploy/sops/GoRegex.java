package com.webgrip.deploy.sops;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go RE2 patterns (as sops uses them: unanchored {@code regexp.Match}) run on
 * {@link java.util.regex}. Where the two differ, the pattern is translated: {@code .} and
 * {@code (?m)} treat only {@code \n} as a line end; a bare {@code $} (without {@code (?m)}) means
 * the very end, as in RE2; {@code \s} is RE2's {@code [\t\n\f\r ]}; {@code \v} is the vertical tab;
 * {@code (?P<name>…)} becomes {@code (?<name>…)}; {@code [[:alpha:]]} classes become
 * {@code \p{Alpha}}. Constructs RE2 does not have (backreferences, lookaround, atomic groups,
 * possessive quantifiers, {@code \Z}, {@code \h}, and {@code (?U)}, which means another thing in
 * Java) are rejected rather than given a meaning sops would not give them (sops ignores an invalid
 * pattern's error, so such a rule would never match there).
 */
final class GoRegex {
    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private GoRegex() {}

    /** Whether the pattern matches anywhere in the text. */
    static boolean find(String pattern, String text) {
        return compile(pattern).matcher(text).find();
    }

    /**
     * The Java pattern for an RE2 pattern.
     *
     * @throws IllegalArgumentException naming the construct when the pattern is not valid RE2 or
     *     uses something we cannot map exactly
     */
    static Pattern compile(String pattern) {
        Pattern cached = CACHE.get(pattern);
        if (cached != null) {
            return cached;
        }
        String java = translate(pattern);
        try {
            Pattern compiled = Pattern.compile(java, Pattern.UNIX_LINES);
            if (CACHE.size() < 1024) {
                CACHE.put(pattern, compiled);
            }
            return compiled;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "regular expression \"" + pattern + "\" is not valid: " + e.getDescription(), e);
        }
    }

    static String translate(String re) {
        boolean multiline = re.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z]*[):].*");
        if (re.matches("(?s).*\\(\\?[a-zA-Z]*U.*")) {
            reject(re, "the (?U) flag (ungreedy in RE2, Unicode classes in Java)");
        }
        StringBuilder out = new StringBuilder(re.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(++i);
                switch (n) {
                    case 's' -> out.append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
                    case 'S' -> {
                        if (inClass) {
                            reject(re, "\\S inside a character class");
                        }
                        out.append("[^\\t\\n\\f\\r ]");
                    }
                    case 'v' -> out.append("\\x0B");
                    case 'Z', 'h', 'H', 'R', 'X', 'G', 'k' -> reject(re, "\\" + n);
                    default -> {
                        if (n >= '1' && n <= '9' && !inClass) {
                            reject(re, "a backreference \\" + n);
                        }
                        out.append('\\').append(n);
                    }
                }
                continue;
            }
            if (inClass) {
                if (c == '[' && re.startsWith("[:", i)) {
                    int end = re.indexOf(":]", i + 2);
                    if (end > 0) {
                        String name = re.substring(i + 2, end);
                        boolean negated = name.startsWith("^");
                        String posix = posixClass(re, negated ? name.substring(1) : name);
                        out.append(negated ? "\\P{" : "\\p{").append(posix).append('}');
                        i = end + 1;
                        continue;
                    }
                }
                if (c == '[') {
                    out.append("\\[");
                    continue;
                }
                if (c == '&' && i + 1 < re.length() && re.charAt(i + 1) == '&') {
                    out.append("\\&");
                    continue;
                }
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    out.append(c);
                    if (i + 1 < re.length() && re.charAt(i + 1) == '^') {
                        out.append('^');
                        i++;
                    }
                    if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
                        out.append("\\]");
                        i++;
                    }
                }
                case '$' -> out.append(multiline ? "$" : "\\z");
                case '(' -> {
                    if (re.startsWith("(?P<", i)) {
                        out.append("(?<");
                        i += 3;
                    } else if (re.startsWith("(?=", i)
                            || re.startsWith("(?!", i)
                            || re.startsWith("(?<=", i)
                            || re.startsWith("(?<!", i)) {
                        reject(re, "lookaround");
                    } else if (re.startsWith("(?>", i)) {
                        reject(re, "an atomic group");
                    } else {
                        out.append(c);
                    }
                }
                case '+', '*', '?', '}' -> {
                    out.append(c);
                    if (i + 1 < re.length() && re.charAt(i + 1) == '+') {
                        reject(re, "a possessive quantifier");
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String posixClass(String re, String name) {
        return switch (name) {
            case "alnum" -> "Alnum";
            case "alpha" -> "Alpha";
            case "ascii" -> "ASCII";
            case "blank" -> "Blank";
            case "cntrl" -> "Cntrl";
            case "digit" -> "Digit";
            case "graph" -> "Graph";
            case "lower" -> "Lower";
            case "print" -> "Print";
            case "punct" -> "Punct";
            case "space" -> "Space";
            case "upper" -> "Upper";
            case "word" -> "Alnum}_\\p{Alnum";
            case "xdigit" -> "XDigit";
            default -> {
                reject(re, "the unknown class [:" + name + ":]");
                yield "";
            }
        };
    }

    private static void reject(String re, String what) {
        throw new IllegalArgumentException("regular expression \"" + re + "\" uses " + what
                + ", which Go's RE2 (and so sops) does not support the same way");
    }
}
