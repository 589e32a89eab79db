package com.webgrip.deploy.helm.chart;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code path/filepath.Match} on Unix, byte for byte, for .helmignore rules: {@code *} (no {@code /}),
 * {@code ?}, classes {@code [a-z]} and {@code [^a-z]}, and backslash escapes. The whole pattern must match the whole
 * name. As in the Go that Helm 3.21 is built with, a malformed part of the pattern is reported only when matching
 * reaches it (the chunk being matched is always read to its end): {@code x*[} against {@code abc} is simply no
 * match, and Helm accepts it in a .helmignore, as the differential test shows.
 */
final class GoPathMatch {
    private static final int RUNE_ERROR = 0xFFFD;

    /** Go's {@code filepath.ErrBadPattern}; its message is Go's. */
    static final class BadPatternException extends Exception {
        private static final long serialVersionUID = 1L;

        BadPatternException() {
            super("syntax error in pattern", null, false, false);
        }
    }

    private GoPathMatch() {}

    /** {@code filepath.Match(pattern, name)}. */
    static boolean matches(String pattern, String name) throws BadPatternException {
        return matches(pattern.getBytes(StandardCharsets.UTF_8), name.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean matches(byte[] p, byte[] n) throws BadPatternException {
        int pi = 0;
        int ni = 0;
        patterns:
        while (pi < p.length) {
            boolean star = false;
            while (pi < p.length && p[pi] == '*') {
                pi++;
                star = true;
            }
            int chunkStart = pi;
            int chunkEnd = chunkEnd(p, pi);
            pi = chunkEnd;
            if (star && chunkStart == chunkEnd) {
                // A trailing star matches the rest of the name unless it holds a separator.
                return indexOfSlash(n, ni) < 0;
            }
            int rest = matchChunk(p, chunkStart, chunkEnd, n, ni);
            if (rest >= 0 && (rest == n.length || pi < p.length)) {
                ni = rest;
                continue;
            }
            if (star) {
                // Let the star take one more byte at a time, never a separator.
                for (int i = ni; i < n.length && n[i] != '/'; i++) {
                    int after = matchChunk(p, chunkStart, chunkEnd, n, i + 1);
                    if (after >= 0) {
                        if (pi == p.length && after < n.length) {
                            continue;
                        }
                        ni = after;
                        continue patterns;
                    }
                }
            }
            return false;
        }
        return ni == n.length;
    }

    /** {@code scanChunk}: the chunk runs up to the next star that is neither escaped nor inside a class. */
    private static int chunkEnd(byte[] p, int start) {
        boolean inRange = false;
        int i = start;
        for (; i < p.length; i++) {
            byte b = p[i];
            if (b == '\\') {
                if (i + 1 < p.length) {
                    i++;
                }
            } else if (b == '[') {
                inRange = true;
            } else if (b == ']') {
                inRange = false;
            } else if (b == '*' && !inRange) {
                break;
            }
        }
        return i;
    }

    /**
     * {@code matchChunk}: returns the index in {@code n} after the chunk matched at {@code s}, or -1. After a
     * mismatch the rest of the chunk is still parsed, so that a malformed chunk is always reported.
     */
    private static int matchChunk(byte[] p, int c, int end, byte[] n, int s) throws BadPatternException {
        boolean failed = false;
        while (c < end) {
            if (!failed && s == n.length) {
                failed = true;
            }
            byte b = p[c];
            if (b == '[') {
                int rune = 0;
                if (!failed) {
                    long decoded = decode(n, s, n.length);
                    rune = (int) decoded;
                    s += (int) (decoded >>> 32);
                }
                c++;
                boolean negated = false;
                if (c < end && p[c] == '^') {
                    negated = true;
                    c++;
                }
                boolean match = false;
                int ranges = 0;
                while (true) {
                    if (c < end && p[c] == ']' && ranges > 0) {
                        c++;
                        break;
                    }
                    long lo = classChar(p, c, end);
                    c = (int) (lo >>> 32);
                    long hi = lo;
                    if (p[c] == '-') {
                        hi = classChar(p, c + 1, end);
                        c = (int) (hi >>> 32);
                    }
                    if ((int) lo <= rune && rune <= (int) hi) {
                        match = true;
                    }
                    ranges++;
                }
                if (match == negated) {
                    failed = true;
                }
            } else if (b == '?') {
                if (!failed) {
                    if (n[s] == '/') {
                        failed = true;
                    }
                    s += (int) (decode(n, s, n.length) >>> 32);
                }
                c++;
            } else {
                if (b == '\\') {
                    c++;
                    if (c == end) {
                        throw new BadPatternException();
                    }
                }
                if (!failed) {
                    if (p[c] != n[s]) {
                        failed = true;
                    }
                    s++;
                }
                c++;
            }
        }
        return failed ? -1 : s;
    }

    /**
     * {@code getEsc}: one possibly escaped character of a class. Returns the index after it (high half) and the
     * character (low half); the class must go on after it.
     */
    private static long classChar(byte[] p, int c, int end) throws BadPatternException {
        if (c >= end || p[c] == '-' || p[c] == ']') {
            throw new BadPatternException();
        }
        if (p[c] == '\\') {
            c++;
            if (c >= end) {
                throw new BadPatternException();
            }
        }
        long decoded = decode(p, c, end);
        int width = (int) (decoded >>> 32);
        if ((int) decoded == RUNE_ERROR && width == 1) {
            throw new BadPatternException();
        }
        int next = c + width;
        if (next >= end) {
            throw new BadPatternException();
        }
        return ((long) next << 32) | ((int) decoded & 0xFFFFFFFFL);
    }

    /**
     * Go's {@code utf8.DecodeRune} on {@code b[i:limit]}: the width (high half, 1 for an invalid byte) and the code
     * point (low half, U+FFFD when invalid).
     */
    static long decode(byte[] b, int i, int limit) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return (1L << 32) | b0;
        }
        int width;
        int lowest;
        int low = 0x80;
        int high = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            width = 2;
            lowest = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            width = 3;
            lowest = b0 & 0x0F;
            low = b0 == 0xE0 ? 0xA0 : 0x80;
            high = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            width = 4;
            lowest = b0 & 0x07;
            low = b0 == 0xF0 ? 0x90 : 0x80;
            high = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            return (1L << 32) | RUNE_ERROR;
        }
        if (i + width > limit) {
            return (1L << 32) | RUNE_ERROR;
        }
        int rune = lowest;
        for (int k = 1; k < width; k++) {
            int next = b[i + k] & 0xFF;
            int min = k == 1 ? low : 0x80;
            int max = k == 1 ? high : 0xBF;
            if (next < min || next > max) {
                return (1L << 32) | RUNE_ERROR;
            }
            rune = (rune << 6) | (next & 0x3F);
        }
        return ((long) width << 32) | rune;
    }

    private static int indexOfSlash(byte[] n, int from) {
        for (int i = from; i < n.length; i++) {
            if (n[i] == '/') {
                return i;
            }
        }
        return -1;
    }
}
