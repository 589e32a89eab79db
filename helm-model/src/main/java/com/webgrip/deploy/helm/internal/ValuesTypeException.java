package com.webgrip.deploy.helm.internal;

/**
 * Values where Helm needs another type (a subchart's values that are not a mapping, a list index on a map). The
 * message names the key path and the kinds, never the value. Not API: the public packages turn it into their own
 * error types.
 */
public final class ValuesTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /** Creates the error for the value at {@code path}. */
    public ValuesTypeException(String path, String expected, Object found) {
        super("values at '" + path + "': expected " + expected + ", found " + GoYaml.kind(found));
        this.path = path;
    }

    /** Returns the dotted key path of the offending value. */
    public String path() {
        return path;
    }
}
