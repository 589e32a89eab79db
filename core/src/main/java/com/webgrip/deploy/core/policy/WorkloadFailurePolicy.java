package com.webgrip.deploy.core.policy;

import com.webgrip.deploy.core.health.HealthObservation;
import com.webgrip.deploy.core.health.ResourceHealth;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rolls back as soon as a workload is broken rather than slow (crash loops, OOM kills, image pull failures), with no
 * grace period; has no opinion otherwise.
 */
final class WorkloadFailurePolicy implements RollbackPolicy {

    private final Set<String> reasons;
    private final int consecutive;
    private final RollbackScope scope;

    WorkloadFailurePolicy(Set<String> reasons, int consecutive, RollbackScope scope) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a workload failure policy needs at least one reason");
        }
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive observations is 1 or more, found " + consecutive);
        }
        this.reasons = Set.copyOf(reasons);
        this.consecutive = consecutive;
        this.scope = scope;
    }

    @Override
    public Decision decide(PolicyContext context) {
        int seen = 0;
        for (int i = context.health().size() - 1; i >= 0; i--) {
            if (!context.health().get(i).report().hasAnyReason(reasons)) {
                break;
            }
            seen++;
        }
        if (seen == 0) {
            return Decision.proceed("no crash loop, OOM kill or image pull failure");
        }
        HealthObservation latest = context.health().get(context.health().size() - 1);
        String which = latest.report().resources().stream()
                .filter(r -> reasons.contains(r.reason()))
                .map(ResourceHealth::toString)
                .limit(3)
                .collect(Collectors.joining("; "));
        if (seen < consecutive) {
            return Decision.keepWaiting("workload failure seen " + seen + " of " + consecutive + " times: " + which);
        }
        return Decision.rollBack(scope, "workload failure: " + which);
    }

    @Override
    public String describe() {
        return "roll back on " + reasons.stream().sorted().collect(Collectors.joining(", "));
    }
}
