package com.webgrip.deploy.sops;

/**
 * The MAC recomputed over the decrypted values differs from the one stored in the file, or the
 * file has no MAC: the file was changed outside sops (a value, key, order or
 * {@code lastmodified} was edited). Distinct from {@link SopsNoKeyException}: the data key was
 * found, but the content cannot be trusted.
 */
public class SopsMacMismatchException extends SopsException {
    private static final long serialVersionUID = 1L;

    /** sops's {@code MacMismatch}. */
    public static final int EXIT_CODE = 51;

    public SopsMacMismatchException(String message) {
        super(message, EXIT_CODE, null);
    }
}
