package com.webgrip.deploy.sops;

/**
 * A master key could not be used to wrap the data key (an unparseable recipient, a missing PGP
 * public key, a failing key service), or no master key was given to encrypt with.
 */
public class SopsKeyException extends SopsException {
    private static final long serialVersionUID = 1L;

    /** sops's {@code NoEncryptionKeyFound}. */
    public static final int EXIT_CODE = 111;

    public SopsKeyException(String message) {
        super(message, EXIT_CODE, null);
    }

    public SopsKeyException(String message, Throwable cause) {
        super(message, EXIT_CODE, cause);
    }
}
