package com.webgrip.deploy.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * DORA's four keys for one environment and period. See {@link Dora} for how each is counted.
 *
 * @param environment the environment
 * @param from the period's start (inclusive)
 * @param to the period's end (exclusive)
 * @param deployments how many runs changed at least one release
 * @param deploymentsPerDay deployments divided by the period's length in days
 * @param leadTimeMedian the median time from commit to a successful deployment, empty without data
 * @param leadTimeP90 the 90th percentile of that time, empty without data
 * @param failedDeployments how many deployments failed and needed remediation
 * @param changeFailureRate failed deployments over deployments, empty without deployments
 * @param restores how many failed deployments were restored
 * @param timeToRestoreMedian the median time from failure to restored service, empty without restores
 * @param unrestored failed deployments not restored by the end of the history
 */
public record DoraReport(
        String environment,
        Instant from,
        Instant to,
        int deployments,
        double deploymentsPerDay,
        Optional<Duration> leadTimeMedian,
        Optional<Duration> leadTimeP90,
        int failedDeployments,
        OptionalDouble changeFailureRate,
        int restores,
        Optional<Duration> timeToRestoreMedian,
        int unrestored) {

    /** Checks that nothing is null. */
    public DoraReport {
        Objects.requireNonNull(environment, "environment required");
        Objects.requireNonNull(from, "from required");
        Objects.requireNonNull(to, "to required");
        Objects.requireNonNull(leadTimeMedian, "leadTimeMedian required");
        Objects.requireNonNull(leadTimeP90, "leadTimeP90 required");
        Objects.requireNonNull(changeFailureRate, "changeFailureRate required");
        Objects.requireNonNull(timeToRestoreMedian, "timeToRestoreMedian required");
    }
}
