package com.webgrip.deploy.core.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Composes health checks: all of, any of, per kind, ignoring kinds. */
public final class HealthChecks {

    private HealthChecks() {}

    /**
     * A check whose report holds the resources of every given check; it is Current only when all are.
     *
     * @param checks the checks to run, in order
     * @return the combined check
     */
    public static HealthCheck allOf(HealthCheck... checks) {
        List<HealthCheck> all = List.of(checks);
        return target -> {
            List<ResourceHealth> resources = new ArrayList<>();
            for (HealthCheck check : all) {
                resources.addAll(check.check(target).resources());
            }
            return new HealthReport(resources);
        };
    }

    /**
     * A check that is Current as soon as one of the given checks is: it returns the first Current report,
     * and otherwise the resources of all of them.
     *
     * @param checks the checks to run, in order
     * @return the combined check
     */
    public static HealthCheck anyOf(HealthCheck... checks) {
        if (checks.length == 0) {
            throw new IllegalArgumentException("anyOf needs at least one check");
        }
        List<HealthCheck> all = List.of(checks);
        return target -> {
            List<ResourceHealth> resources = new ArrayList<>();
            for (HealthCheck check : all) {
                HealthReport report = check.check(target);
                if (report.status() == HealthStatus.CURRENT) {
                    return report;
                }
                resources.addAll(report.resources());
            }
            return new HealthReport(resources);
        };
    }

    /**
     * A check that asks a different check per resource kind and keeps, from each, only the resources of its
     * kind. Kinds with no entry are not reported.
     *
     * @param checksByKind the check to use for each kind, such as {@code Deployment}
     * @return the combined check
     */
    public static HealthCheck perKind(Map<String, HealthCheck> checksByKind) {
        Map<String, HealthCheck> copy = Map.copyOf(checksByKind);
        return target -> {
            List<ResourceHealth> resources = new ArrayList<>();
            copy.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> entry.getValue().check(target).resources().stream()
                            .filter(r -> r.resource().kind().equals(entry.getKey()))
                            .forEach(resources::add));
            return new HealthReport(resources);
        };
    }

    /**
     * A check that leaves resources of the given kinds out of its report. This is the answer to kinds that never
     * settle in some clusters, such as an {@code Ingress} whose load balancer never reports an address.
     *
     * @param check the check to filter
     * @param kinds the kinds to leave out
     * @return the filtered check
     */
    public static HealthCheck ignoringKinds(HealthCheck check, String... kinds) {
        Objects.requireNonNull(check, "check required");
        Set<String> ignored = Set.of(kinds);
        return target -> new HealthReport(check.check(target).resources().stream()
                .filter(r -> !ignored.contains(r.resource().kind()))
                .toList());
    }
}
