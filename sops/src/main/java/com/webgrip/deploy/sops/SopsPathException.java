package com.webgrip.deploy.sops;

/**
 * A tree path in {@code --extract} syntax ({@code ["a"]["b"][0]}) is malformed, or names a key or
 * index that the document does not have.
 */
public class SopsPathException extends SopsException {
    private static final long serialVersionUID = 1L;

    /** sops's {@code InvalidTreePathFormat}. */
    public static final int EXIT_CODE = 91;

    public SopsPathException(String message) {
        super(message, EXIT_CODE, null);
    }
}
