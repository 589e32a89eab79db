package com.webgrip.deploy.core.health;

/**
 * The status of one Kubernetes resource, with the meanings of kstatus (kubernetes-sigs/cli-utils).
 *
 * <p>A rollout waits for every resource of a release to be {@link #CURRENT}; {@link #FAILED} is the
 * only status that says the rollout will not get there by itself.
 */
public enum HealthStatus {
    /** The resource has reached its desired state (kstatus "Current"). */
    CURRENT,
    /** The resource is moving towards its desired state (kstatus "InProgress"). */
    IN_PROGRESS,
    /** The resource will not reach its desired state without a change (kstatus "Failed"). */
    FAILED,
    /** The resource is being deleted (kstatus "Terminating"). */
    TERMINATING,
    /** The resource does not exist (yet) in the cluster (kstatus "NotFound"). */
    NOT_FOUND,
    /** The status could not be computed, for example because the cluster was unreachable. */
    UNKNOWN;

    /**
     * Combines the statuses of the resources of one release, with kstatus's aggregation for a desired
     * status of Current: any Failed makes the whole Failed, then any Unknown makes it Unknown; all
     * Current (or no resources at all) is Current; anything else is still in progress.
     *
     * @param statuses the statuses of the resources
     * @return the status of the whole
     */
    public static HealthStatus aggregate(Iterable<HealthStatus> statuses) {
        boolean unknown = false;
        boolean allCurrent = true;
        for (HealthStatus status : statuses) {
            if (status == FAILED) {
                return FAILED;
            }
            unknown |= status == UNKNOWN;
            allCurrent &= status == CURRENT;
        }
        if (unknown) {
            return UNKNOWN;
        }
        return allCurrent ? CURRENT : IN_PROGRESS;
    }
}
