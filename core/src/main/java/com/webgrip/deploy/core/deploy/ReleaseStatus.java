package com.webgrip.deploy.core.deploy;

import java.util.Locale;

/** The status of one release revision, Helm's nine. */
public enum ReleaseStatus {
    /** Helm's {@code unknown}. */
    UNKNOWN,
    /** Helm's {@code deployed}: the current revision, installed successfully. */
    DEPLOYED,
    /** Helm's {@code uninstalled}. */
    UNINSTALLED,
    /** Helm's {@code superseded}: deployed successfully once, replaced by a later revision. */
    SUPERSEDED,
    /** Helm's {@code failed}. */
    FAILED,
    /** Helm's {@code uninstalling}. */
    UNINSTALLING,
    /** Helm's {@code pending-install}: an install was started and has not finished. */
    PENDING_INSTALL,
    /** Helm's {@code pending-upgrade}: an upgrade was started and has not finished. */
    PENDING_UPGRADE,
    /** Helm's {@code pending-rollback}: a rollback was started and has not finished. */
    PENDING_ROLLBACK;

    /**
     * Whether an operation on the release is in progress, or was interrupted: Helm refuses new operations with
     * "another operation (install/upgrade/rollback) is in progress" until the release is recovered.
     *
     * @return true for the pending statuses
     */
    public boolean isPending() {
        return this == PENDING_INSTALL || this == PENDING_UPGRADE || this == PENDING_ROLLBACK;
    }

    /**
     * Whether the revision was deployed successfully at some point.
     *
     * @return true for deployed and superseded
     */
    public boolean wasDeployed() {
        return this == DEPLOYED || this == SUPERSEDED;
    }

    /**
     * Helm's spelling, such as {@code pending-upgrade}.
     *
     * @return the text
     */
    public String helmName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses Helm's spelling.
     *
     * @param text such as {@code pending-upgrade}
     * @return the status
     * @throws IllegalArgumentException when the text is not one of Helm's nine statuses
     */
    public static ReleaseStatus fromHelm(String text) {
        for (ReleaseStatus status : values()) {
            if (status.helmName().equals(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("expected one of Helm's release statuses (deployed, superseded, failed,"
                + " pending-install, ...), found [" + text + "]");
    }
}
