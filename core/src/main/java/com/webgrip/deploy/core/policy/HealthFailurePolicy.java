package com.webgrip.deploy.core.policy;

import com.webgrip.deploy.core.health.HealthObservation;
import com.webgrip.deploy.core.health.HealthStatus;
import java.time.Duration;

/** Rolls back when health fails after a grace period, or when the step times out or its deploy fails. */
final class HealthFailurePolicy implements RollbackPolicy {

    private final Duration grace;
    private final int consecutiveFailures;
    private final RollbackScope scope;

    HealthFailurePolicy(Duration grace, int consecutiveFailures, RollbackScope scope) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("a grace period is zero or more, found " + grace);
        }
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutive failures is 1 or more, found " + consecutiveFailures);
        }
        this.grace = grace;
        this.consecutiveFailures = consecutiveFailures;
        this.scope = scope;
    }

    @Override
    public Decision decide(PolicyContext context) {
        if (context.trigger() == Trigger.DEPLOY_FAILED) {
            return Decision.rollBack(scope, "deploy failed: " + context.failure());
        }
        if (context.trigger() == Trigger.TIMEOUT) {
            return Decision.rollBack(scope, "timed out (" + context.failure() + "); last seen " + lastSeen(context));
        }
        HealthObservation latest = context.latestHealth().orElse(null);
        if (latest == null) {
            return Decision.keepWaiting("no health observed yet");
        }
        if (latest.status() == HealthStatus.CURRENT) {
            return Decision.proceed("healthy: " + latest.report().summary());
        }
        if (latest.status() != HealthStatus.FAILED) {
            return Decision.keepWaiting(latest.report().summary());
        }
        if (context.sinceDeploy().compareTo(grace) < 0) {
            return Decision.keepWaiting("failing within the grace period of " + Decision.format(grace) + ": "
                    + latest.report().summary());
        }
        int failures = context.trailing(HealthStatus.FAILED);
        if (failures < consecutiveFailures) {
            return Decision.keepWaiting("failed " + failures + " of " + consecutiveFailures + " consecutive checks: "
                    + latest.report().summary());
        }
        return Decision.rollBack(
                scope,
                "health failed " + failures + " consecutive checks after the grace period of " + Decision.format(grace)
                        + ": " + latest.report().summary());
    }

    private static String lastSeen(PolicyContext context) {
        return context.latestHealth().map(o -> o.report().summary()).orElse("no health observed");
    }

    @Override
    public String describe() {
        return "roll back the " + scope.name().toLowerCase(java.util.Locale.ROOT) + " on health failure after "
                + Decision.format(grace) + " (" + consecutiveFailures + " consecutive failures)";
    }
}
