package com.webgrip.deploy.age;

/** The header is malformed (version line, stanza syntax, base64, a stanza of a known type with the wrong arguments or body, ...). */
public class AgeHeaderException extends AgeException {
    private static final long serialVersionUID = 1L;

    public AgeHeaderException(String message) {
        super(message);
    }

    public AgeHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
