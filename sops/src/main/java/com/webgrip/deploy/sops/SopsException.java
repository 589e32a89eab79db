package com.webgrip.deploy.sops;

import java.io.IOException;

/**
 * Something went wrong reading, decrypting, encrypting or writing a SOPS file. Subclasses name
 * the kind of failure; {@link #exitCode()} is the exit status sops 3.13 uses for it
 * ({@code cmd/sops/codes}). Messages name the file, the path or line, what was expected and what
 * was found, and never contain a secret.
 */
public class SopsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** sops's {@code ErrorGeneric}. */
    public static final int GENERIC = 1;

    private final int exitCode;

    public SopsException(String message) {
        this(message, GENERIC, null);
    }

    public SopsException(String message, Throwable cause) {
        this(message, GENERIC, cause);
    }

    protected SopsException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The exit status the sops command uses for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }
}
