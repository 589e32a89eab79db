package com.webgrip.deploy.core.metrics;

import java.io.IOException;

/** A metric source could not answer a query: unreachable, an error status, or an answer that was not a number. */
public class MetricException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong, naming the query and what was found
     */
    public MetricException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public MetricException(String message, Throwable cause) {
        super(message, cause);
    }
}
