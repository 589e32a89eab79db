package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Helm 3.21's {@code pkg/ignore}: the rules of a chart folder's {@code .helmignore}, followed by Helm's default rule
 * {@code templates/.?*}. One rule a line, surrounding spaces trimmed, {@code #} starts a comment line; a rule is a
 * Go {@code filepath.Match} pattern; {@code !} negates, a trailing {@code /} matches directories only, a leading
 * {@code /} anchors at the chart's root, a rule without {@code /} is matched against the base name only;
 * {@code **} is refused. Rules are tried in order and the first that decides wins.
 *
 * <p>Helm's negation is not git's: a path that does <em>not</em> match a negated rule is ignored (so {@code !a.txt}
 * alone ignores everything else, Chart.yaml included), and one that matches goes on to the next rule. This class
 * keeps that behaviour, because the point is to load what Helm loads.
 */
final class HelmIgnore {
    static final String FILE = ".helmignore";
    /** Helm's {@code AddDefaults}: dot files directly in {@code templates/}. */
    private static final Rule DEFAULT_RULE = new Rule("templates/.?*", false, false, Scope.PATH);

    private enum Scope {
        ROOTED,
        PATH,
        BASE_NAME
    }

    private record Rule(String pattern, boolean negate, boolean directoriesOnly, Scope scope) {}

    private final List<Rule> rules;

    private HelmIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Only Helm's default rule (a chart folder without .helmignore). */
    static HelmIgnore defaults() {
        return new HelmIgnore(List.of(DEFAULT_RULE));
    }

    /**
     * Reads a .helmignore ({@code ignore.Parse}) and adds Helm's default rule after its rules.
     *
     * @throws HelmInputException naming the line of a {@code **} rule or of a malformed pattern, with Helm's words
     */
    static HelmIgnore parse(byte[] file, String source) throws HelmInputException {
        List<Rule> rules = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines(file)) {
            lineNumber++;
            Rule rule = rule(line, source, lineNumber);
            if (rule != null) {
                rules.add(rule);
            }
        }
        rules.add(DEFAULT_RULE);
        return new HelmIgnore(rules);
    }

    /** {@code bufio.ScanLines}: split at LF, drop one CR before it; a UTF-8 BOM is dropped from the first line. */
    private static List<String> lines(byte[] file) {
        int start = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        List<String> lines = new ArrayList<>();
        while (start < file.length) {
            int newline = start;
            while (newline < file.length && file[newline] != '\n') {
                newline++;
            }
            int end = newline > start && file[newline - 1] == '\r' ? newline - 1 : newline;
            lines.add(new String(file, start, end - start, StandardCharsets.UTF_8));
            start = newline + 1;
        }
        return lines;
    }

    private static Rule rule(String line, String source, int lineNumber) throws HelmInputException {
        String rule = goTrimSpace(line);
        if (rule.isEmpty() || rule.startsWith("#")) {
            return null;
        }
        if (rule.contains("**")) {
            throw new HelmInputException(source, lineNumber, "double-star (**) syntax is not supported");
        }
        try {
            GoPathMatch.matches(rule, "abc");
        } catch (GoPathMatch.BadPatternException e) {
            throw new HelmInputException(source, lineNumber, e.getMessage());
        }
        boolean negate = rule.startsWith("!");
        if (negate) {
            rule = rule.substring(1);
        }
        boolean directoriesOnly = rule.endsWith("/");
        if (directoriesOnly) {
            rule = rule.substring(0, rule.length() - 1);
        }
        if (rule.startsWith("/")) {
            return new Rule(rule.substring(1), negate, directoriesOnly, Scope.ROOTED);
        }
        return new Rule(rule, negate, directoriesOnly, rule.contains("/") ? Scope.PATH : Scope.BASE_NAME);
    }

    /**
     * {@code Rules.Ignore}: whether the file or folder at {@code path} (relative to the chart, with {@code /}) is
     * left out of the chart; a left-out folder is left out with everything in it.
     */
    boolean ignores(String path, boolean directory) {
        if (path.isEmpty() || path.equals(".") || path.equals("./")) {
            return false;
        }
        for (Rule rule : rules) {
            if (rule.negate) {
                if (rule.directoriesOnly && !directory) {
                    return true;
                }
                if (!matches(rule, path)) {
                    return true;
                }
                continue;
            }
            if (rule.directoriesOnly && !directory) {
                continue;
            }
            if (matches(rule, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Rule rule, String path) {
        String name = rule.scope == Scope.BASE_NAME ? baseName(path) : path;
        try {
            return GoPathMatch.matches(rule.pattern, name);
        } catch (GoPathMatch.BadPatternException e) {
            // Helm logs "Failed to compile" and reports no match (the raw rule parsed, its trimmed form did not).
            return false;
        }
    }

    /** Go's {@code filepath.Base}: the last element, trailing slashes dropped. */
    static String baseName(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return ".";
        }
        if (p.equals("/")) {
            return "/";
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Go's {@code strings.TrimSpace}: Unicode white space, which is more than Java's {@code strip}. */
    private static String goTrimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
        return c == '\t'
                || c == '\n'
                || c == 0x0B
                || c == '\f'
                || c == '\r'
                || c == ' '
                || c == 0x85
                || Character.isSpaceChar(c);
    }
}
