package com.webgrip.deploy.helm.values;

/**
 * Finds where the first JSON value in a text ends, as Go's {@code json.Decoder} stops after one value: after the
 * closing bracket of an object or array, the closing quote of a string, or the last character of a number or
 * literal. Validity is left to the JSON parser that reads the extent.
 */
final class JsonExtent {
    private JsonExtent() {}

    /** Returns the index just past the value starting at {@code start}, or -1 if there is none. */
    static int end(int[] text, int start) {
        if (start >= text.length) {
            return -1;
        }
        int c = text[start];
        if (c == '{' || c == '[') {
            return endOfContainer(text, start);
        } else if (c == '"') {
            return endOfString(text, start);
        } else if (c == 't' || c == 'n') {
            return start + 4 <= text.length ? start + 4 : -1;
        } else if (c == 'f') {
            return start + 5 <= text.length ? start + 5 : -1;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            int i = start + 1;
            while (i < text.length && isNumberChar(text[i])) {
                i++;
            }
            return i;
        }
        return -1;
    }

    private static boolean isNumberChar(int c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    private static int endOfString(int[] text, int start) {
        for (int i = start + 1; i < text.length; i++) {
            if (text[i] == '\\') {
                i++;
            } else if (text[i] == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int endOfContainer(int[] text, int start) {
        int depth = 0;
        for (int i = start; i < text.length; i++) {
            int c = text[i];
            if (c == '"') {
                int end = endOfString(text, i);
                if (end < 0) {
                    return -1;
                }
                i = end - 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}
