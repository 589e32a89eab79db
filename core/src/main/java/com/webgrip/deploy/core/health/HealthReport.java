package com.webgrip.deploy.core.health;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a health check saw: the health of each resource of a release, and their aggregate status.
 *
 * @param resources the health of each resource, in the order the check reported them
 */
public record HealthReport(List<ResourceHealth> resources) {

    /** Copies the list. */
    public HealthReport {
        resources = List.copyOf(Objects.requireNonNull(resources, "resources required"));
    }

    /**
     * A report of the given resources.
     *
     * @param resources the resources' health
     * @return the report
     */
    public static HealthReport of(ResourceHealth... resources) {
        return new HealthReport(List.of(resources));
    }

    /**
     * The aggregate status, by {@link HealthStatus#aggregate}.
     *
     * @return the status of the whole release
     */
    public HealthStatus status() {
        return HealthStatus.aggregate(
                resources.stream().map(ResourceHealth::status).collect(Collectors.toList()));
    }

    /**
     * Whether any resource reports one of the given reasons.
     *
     * @param reasons reason tokens, such as {@link Reasons#WORKLOAD_FAILURES}
     * @return true when one resource has one of them
     */
    public boolean hasAnyReason(java.util.Collection<String> reasons) {
        return resources.stream().anyMatch(r -> reasons.contains(r.reason()));
    }

    /**
     * The resources that are not Current.
     *
     * @return those resources, in report order
     */
    public List<ResourceHealth> notCurrent() {
        return resources.stream()
                .filter(r -> r.status() != HealthStatus.CURRENT)
                .collect(Collectors.toList());
    }

    /**
     * A one-line summary for events and logs, such as {@code FAILED: Deployment/monitoring/grafana FAILED
     * (CrashLoopBackOff)}.
     *
     * @return the summary
     */
    public String summary() {
        List<ResourceHealth> notCurrent = notCurrent();
        if (notCurrent.isEmpty()) {
            return status() + " (" + resources.size() + " resources)";
        }
        return status() + ": "
                + notCurrent.stream().limit(3).map(ResourceHealth::toString).collect(Collectors.joining("; "))
                + (notCurrent.size() > 3 ? "; and " + (notCurrent.size() - 3) + " more" : "");
    }
}
