package com.webgrip.deploy.core.journal;

import java.io.IOException;

/**
 * The journal could not be written or read. A run whose journal cannot be written stops at once: nothing may be done
 * that is not recorded first.
 */
public class JournalException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what failed, naming the file and, when reading, the line
     */
    public JournalException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what failed
     * @param cause the underlying failure
     */
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
