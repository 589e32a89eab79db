package com.webgrip.deploy.core.deploy;

import java.util.Objects;

/**
 * A deployer could not install, upgrade, roll back, read or uninstall a release. The kind tells the executor whether
 * trying again can help. Messages should never hold values, but the executor treats them as untrusted text (Helm
 * and Kubernetes errors echo values): it masks the step's secret values and key-looking text, and cuts them short,
 * before a message reaches a verdict, the journal, an event or a notifier.
 */
public class DeployException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as retrying is concerned. */
    public enum Kind {
        /** The cluster could not be reached or answered with a temporary error: retrying may help. */
        UNAVAILABLE,
        /**
         * Helm's "another operation (install/upgrade/rollback) is in progress": the release is pending and must be
         * recovered first.
         */
        OPERATION_IN_PROGRESS,
        /** The operation did not finish in time. */
        TIMEOUT,
        /** The cluster or Helm refused the change (an invalid manifest, an immutable field): retrying will not help. */
        REJECTED,
        /** The release or revision does not exist. */
        NOT_FOUND
    }

    private final Kind kind;

    /**
     * An exception of a kind.
     *
     * @param kind what went wrong
     * @param message what was attempted and what happened, naming the release
     */
    public DeployException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind required");
    }

    /**
     * An exception of a kind, with a cause.
     *
     * @param kind what went wrong
     * @param message what was attempted and what happened
     * @param cause the underlying failure
     */
    public DeployException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind required");
    }

    /**
     * What went wrong.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Whether trying the same call again may succeed.
     *
     * @return true for {@link Kind#UNAVAILABLE} and {@link Kind#TIMEOUT}
     */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE || kind == Kind.TIMEOUT;
    }
}
