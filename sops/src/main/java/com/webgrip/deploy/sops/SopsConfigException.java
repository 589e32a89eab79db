package com.webgrip.deploy.sops;

/** A {@code .sops.yaml} is malformed, has no matching creation rule, or breaks strict mode. */
public class SopsConfigException extends SopsException {
    private static final long serialVersionUID = 1L;

    /** sops's {@code ErrorReadingConfig}. */
    public static final int EXIT_CODE = 5;

    public SopsConfigException(String message) {
        super(message, EXIT_CODE, null);
    }

    public SopsConfigException(String message, Throwable cause) {
        super(message, EXIT_CODE, cause);
    }
}
