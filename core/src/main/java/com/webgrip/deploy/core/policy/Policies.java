package com.webgrip.deploy.core.policy;

import com.webgrip.deploy.core.health.Reasons;
import com.webgrip.deploy.core.metrics.MetricQuery;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The built-in rollback policies, after the platform's procedures: roll back on a health failure, on an error rate
 * above a threshold, on crash loops, OOM kills or image pull failures, on a security finding; never; ask a person.
 * Combine them with {@link #allOf}.
 */
public final class Policies {

    private Policies() {}

    /**
     * The default: roll back the step when health fails after a grace period of 30 seconds, and at once on a crash
     * loop, an OOM kill or an image pull failure.
     *
     * @return the policy
     */
    public static RollbackPolicy standard() {
        return allOf(onHealthFailure(Duration.ofSeconds(30)), onWorkloadFailure());
    }

    /**
     * Rolls back the step when the release is Failed after the grace period (one failed check is enough), when it
     * is not healthy within the step's timeout, or when its deploy fails.
     *
     * @param grace how long failures are tolerated after the deploy (pods may crash once while starting)
     * @return the policy
     */
    public static RollbackPolicy onHealthFailure(Duration grace) {
        return onHealthFailure(grace, 1, RollbackScope.STEP);
    }

    /**
     * Rolls back when the release is Failed in the given number of consecutive checks after the grace period, when
     * it is not healthy within the step's timeout, or when its deploy fails.
     *
     * @param grace how long failures are tolerated after the deploy
     * @param consecutiveFailures how many failed checks in a row roll back (Flagger's threshold)
     * @param scope what to roll back
     * @return the policy
     */
    public static RollbackPolicy onHealthFailure(Duration grace, int consecutiveFailures, RollbackScope scope) {
        return new HealthFailurePolicy(
                Objects.requireNonNull(grace, "grace required"),
                consecutiveFailures,
                Objects.requireNonNull(scope, "scope required"));
    }

    /**
     * Rolls back the step at once when a resource reports a crash loop, an OOM kill or an image pull failure.
     *
     * @return the policy
     */
    public static RollbackPolicy onWorkloadFailure() {
        return onWorkloadFailureOf(RollbackScope.STEP);
    }

    /**
     * Rolls back the given scope at once when a resource reports a crash loop, an OOM kill or an image pull failure.
     *
     * @param scope what to roll back
     * @return the policy
     */
    public static RollbackPolicy onWorkloadFailureOf(RollbackScope scope) {
        return new WorkloadFailurePolicy(
                Reasons.WORKLOAD_FAILURES, 1, java.util.Objects.requireNonNull(scope, "scope required"));
    }

    /**
     * Rolls back the step when the metric stays above the threshold for the query's window, then continues once it
     * has stayed within for that long. {@link ErrorRatePolicy#builder} has the other knobs.
     *
     * @param query the metric, such as the ratio of 5xx responses of the release
     * @param threshold the highest acceptable value, such as {@code 0.05}
     * @return the policy
     */
    public static RollbackPolicy onErrorRate(MetricQuery query, double threshold) {
        return ErrorRatePolicy.builder(query).threshold(threshold).build();
    }

    /**
     * Rolls back the step when a security finding of the given severity or above is reported.
     *
     * @param atLeast the lowest severity that rolls back
     * @return the policy
     */
    public static RollbackPolicy onSecurityFinding(Severity atLeast) {
        return new SecurityFindingPolicy(Objects.requireNonNull(atLeast, "severity required"), RollbackScope.STEP);
    }

    /**
     * Never rolls back: a failure fails the step and stops the run, leaving releases as they are.
     *
     * @return the policy
     */
    public static RollbackPolicy never() {
        return new ManualPolicy(false);
    }

    /**
     * Stops the run on a failure and asks a person, leaving releases as they are.
     *
     * @return the policy
     */
    public static RollbackPolicy askPerson() {
        return new ManualPolicy(true);
    }

    /**
     * Asks every policy and keeps the most severe decision (roll back the run, the wave, the step, fail, ask a
     * person, retry, wait, continue, in that order); the run continues only when all of them say so.
     *
     * @param policies the policies
     * @return the combined policy
     */
    public static RollbackPolicy allOf(RollbackPolicy... policies) {
        return new CombinedPolicy(List.of(policies));
    }
}
