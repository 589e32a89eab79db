package com.webgrip.deploy.sops;

/**
 * The input is not a well-formed document of its format, or its SOPS metadata or an
 * {@code ENC[…]} value is malformed. The message names the source, and the line or path.
 */
public class SopsFormatException extends SopsException {
    private static final long serialVersionUID = 1L;

    /** sops's {@code CouldNotReadInputFile}. */
    public static final int EXIT_CODE = 2;

    public SopsFormatException(String message) {
        super(message, EXIT_CODE, null);
    }

    public SopsFormatException(String message, Throwable cause) {
        super(message, EXIT_CODE, cause);
    }
}
