package com.webgrip.deploy.age;

/**
 * A recipient, identity, recipients file or identities file could not be read: an unknown form, a
 * malformed key, a form this build does not support. The message names the source and line and
 * what was expected; it never contains the key text.
 */
public class AgeKeyException extends AgeException {
    private static final long serialVersionUID = 1L;

    public AgeKeyException(String message) {
        super(message);
    }

    public AgeKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
