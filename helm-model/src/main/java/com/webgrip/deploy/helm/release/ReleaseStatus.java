package com.webgrip.deploy.helm.release;

import java.util.Arrays;
import java.util.Optional;

/** Helm 3's nine release statuses, with the strings Helm stores. */
public enum ReleaseStatus {
    /** The state is not known. */
    UNKNOWN("unknown"),
    /** The release is deployed (the current revision). */
    DEPLOYED("deployed"),
    /** The release was uninstalled with its history kept. */
    UNINSTALLED("uninstalled"),
    /** A later revision replaced this one. */
    SUPERSEDED("superseded"),
    /** The install, upgrade or rollback failed. */
    FAILED("failed"),
    /** An uninstall is under way. */
    UNINSTALLING("uninstalling"),
    /** An install is under way. */
    PENDING_INSTALL("pending-install"),
    /** An upgrade is under way. */
    PENDING_UPGRADE("pending-upgrade"),
    /** A rollback is under way. */
    PENDING_ROLLBACK("pending-rollback");

    private final String helmName;

    ReleaseStatus(String helmName) {
        this.helmName = helmName;
    }

    /** Returns the string Helm stores ({@code pending-install}). */
    public String helmName() {
        return helmName;
    }

    /** Returns whether an operation is under way (a pending status or uninstalling). */
    public boolean isPending() {
        return this == PENDING_INSTALL || this == PENDING_UPGRADE || this == PENDING_ROLLBACK || this == UNINSTALLING;
    }

    /** Parses Helm's string; empty for a string Helm does not write. */
    public static Optional<ReleaseStatus> fromHelmName(String name) {
        return Arrays.stream(values()).filter(s -> s.helmName.equals(name)).findFirst();
    }
}
