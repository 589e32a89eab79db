package com.webgrip.deploy.sops;

/**
 * A value (or the MAC) failed to decrypt with the data key: it was changed, moved to another
 * path, or its key was renamed (the path is the value's authenticated data). The message names
 * the path, never the value.
 */
public class SopsDecryptionException extends SopsException {
    private static final long serialVersionUID = 1L;

    /** sops's {@code ErrorDecryptingTree}. */
    public static final int EXIT_CODE = 25;

    private final String path;

    public SopsDecryptionException(String message, String path) {
        super(message, EXIT_CODE, null);
        this.path = path;
    }

    /** The path of the value, as sops's authenticated data ({@code a:b:c:}). */
    public String path() {
        return path;
    }
}
