package com.webgrip.deploy.age;

/** The ASCII armor is malformed. */
public class AgeArmorException extends AgeException {
    private static final long serialVersionUID = 1L;

    public AgeArmorException(String message) {
        super(message);
    }

    public AgeArmorException(String message, Throwable cause) {
        super(message, cause);
    }
}
