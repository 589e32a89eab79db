package com.webgrip.deploy.sops;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Go RE2 patterns, as sops uses them (unanchored {@code regexp.MatchString}), run on RE2/J, the
 * Java port of Go's {@code regexp}: the same syntax, the same meaning of {@code .}, {@code $},
 * {@code \s} and the POSIX classes, and, what matters most here, matching in time linear in the
 * text. The patterns come from the metadata of a file anyone can encrypt to a deploy key, so a
 * backtracking engine ({@link java.util.regex}) would let that file hang its reader with a pattern
 * such as {@code (.*a){20}$}. A pattern RE2 refuses (lookaround, backreferences, possessive
 * quantifiers, ...) is refused here too, as Go refuses it.
 */
final class GoRegex {
    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private GoRegex() {}

    /** Whether the pattern matches anywhere in the text. */
    static boolean find(String pattern, String text) {
        return compile(pattern).matcher(text).find();
    }

    /**
     * The compiled pattern.
     *
     * @throws IllegalArgumentException quoting the pattern and RE2's reason when RE2 refuses it
     */
    static Pattern compile(String pattern) {
        Pattern cached = CACHE.get(pattern);
        if (cached != null) {
            return cached;
        }
        try {
            Pattern compiled = Pattern.compile(pattern);
            if (CACHE.size() < 1024) {
                CACHE.put(pattern, compiled);
            }
            return compiled;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "regular expression \"" + pattern + "\" is not valid RE2 (Go would refuse it too): "
                            + e.getDescription(),
                    e);
        }
    }
}
