package com.webgrip.deploy.core.policy;

import com.webgrip.deploy.core.metrics.MetricQuery;
import java.util.List;
import java.util.stream.Collectors;

/** Asks every policy and keeps the most severe decision; Continue only when all of them say so. */
final class CombinedPolicy implements RollbackPolicy {

    private final List<RollbackPolicy> policies;

    CombinedPolicy(List<RollbackPolicy> policies) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("combining policies needs at least one policy");
        }
        this.policies = List.copyOf(policies);
    }

    @Override
    public Decision decide(PolicyContext context) {
        Decision chosen = null;
        for (RollbackPolicy policy : policies) {
            Decision decision = policy.decide(context);
            if (chosen == null || decision.severity() > chosen.severity()) {
                chosen = decision;
            }
        }
        return chosen;
    }

    @Override
    public List<MetricQuery> metricQueries() {
        return policies.stream()
                .flatMap(p -> p.metricQueries().stream())
                .distinct()
                .toList();
    }

    @Override
    public String describe() {
        return policies.stream().map(RollbackPolicy::describe).collect(Collectors.joining("; "));
    }
}
