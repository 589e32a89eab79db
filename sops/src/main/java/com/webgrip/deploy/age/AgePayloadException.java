package com.webgrip.deploy.age;

/** The payload is malformed or does not authenticate (a changed, truncated or extended chunk). */
public class AgePayloadException extends AgeException {
    private static final long serialVersionUID = 1L;

    public AgePayloadException(String message) {
        super(message);
    }

    public AgePayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
