package com.webgrip.deploy.core.notify;

import java.io.IOException;

/** A notification service did not accept a notification. */
public class NotificationException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message which service, and what it answered
     */
    public NotificationException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message which service failed
     * @param cause the underlying failure
     */
    public NotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
