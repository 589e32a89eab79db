package com.webgrip.deploy.age;

/** The header's MAC does not match: the header was changed, or the file key is wrong. */
public class AgeHeaderMacException extends AgeException {
    private static final long serialVersionUID = 1L;

    public AgeHeaderMacException(String message) {
        super(message);
    }

    public AgeHeaderMacException(String message, Throwable cause) {
        super(message, cause);
    }
}
