package com.webgrip.deploy.age;

import java.io.IOException;

/**
 * Something went wrong reading or writing an age file. The subclasses name the kinds of failure
 * that the C2SP CCTV suite tells apart. An {@link IOException}, so that it can surface from a
 * stream's {@code read}; messages never contain key material or plaintext.
 */
public class AgeException extends IOException {
    private static final long serialVersionUID = 1L;

    public AgeException(String message) {
        super(message);
    }

    public AgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
