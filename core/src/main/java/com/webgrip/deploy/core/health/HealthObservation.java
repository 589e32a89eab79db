package com.webgrip.deploy.core.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A health report and the time it was taken.
 *
 * @param at when the check ran
 * @param report what it saw
 */
public record HealthObservation(Instant at, HealthReport report) {

    /** Checks that nothing is null. */
    public HealthObservation {
        Objects.requireNonNull(at, "at required");
        Objects.requireNonNull(report, "report required");
    }

    /**
     * The aggregate status of the report.
     *
     * @return the status
     */
    public HealthStatus status() {
        return report.status();
    }
}
