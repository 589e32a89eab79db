package com.webgrip.deploy.core.health;

/**
 * A health check could not read the cluster. The executor records the target as {@link HealthStatus#UNKNOWN}
 * with reason {@link Reasons#CHECK_FAILED} and lets the rollback policy decide.
 */
public class HealthCheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message and a cause.
     *
     * @param message what could not be read
     * @param cause the underlying failure, or null
     */
    public HealthCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
