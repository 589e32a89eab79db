package com.webgrip.deploy.core.deploy;

import java.time.Instant;
import java.util.Objects;

/**
 * One revision of a release as the deployer's history shows it.
 *
 * @param number the revision number, from 1
 * @param status its status
 * @param chartVersion the chart version it deployed
 * @param updated when its status last changed
 * @param description Helm's description, such as {@code Upgrade complete} or {@code Rollback to 4}
 */
public record Revision(int number, ReleaseStatus status, String chartVersion, Instant updated, String description) {

    /** Checks the fields. */
    public Revision {
        if (number < 1) {
            throw new IllegalArgumentException("a revision number starts at 1, found " + number);
        }
        Objects.requireNonNull(status, "status required");
        Objects.requireNonNull(chartVersion, "chartVersion required");
        Objects.requireNonNull(updated, "updated required");
        Objects.requireNonNull(description, "description required");
    }
}
