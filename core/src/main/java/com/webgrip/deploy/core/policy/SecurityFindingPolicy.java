package com.webgrip.deploy.core.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Rolls back when a security finding at or above a severity is reported about the deployed revision. */
final class SecurityFindingPolicy implements RollbackPolicy {

    private final Severity atLeast;
    private final RollbackScope scope;

    SecurityFindingPolicy(Severity atLeast, RollbackScope scope) {
        this.atLeast = atLeast;
        this.scope = scope;
    }

    @Override
    public Decision decide(PolicyContext context) {
        List<SecurityFinding> serious = context.findings().stream()
                .filter(f -> f.severity().compareTo(atLeast) >= 0)
                .toList();
        if (serious.isEmpty()) {
            return Decision.proceed("no security finding at " + atLeast + " or above");
        }
        return Decision.rollBack(
                scope,
                "security finding: "
                        + serious.stream()
                                .limit(3)
                                .map(SecurityFinding::toString)
                                .collect(Collectors.joining("; ")));
    }

    @Override
    public String describe() {
        return "roll back on a security finding of " + atLeast + " or above";
    }
}
