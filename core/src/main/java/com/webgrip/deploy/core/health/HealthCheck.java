package com.webgrip.deploy.core.health;

/**
 * Reads the health of a release's resources, as kstatus does: a status per resource with reasons.
 *
 * <p>Implementations live where the cluster is: the {@code kubernetes} module reads a real cluster, the
 * testkit's simulated cluster answers from memory. Compose checks with {@link HealthChecks}.
 *
 * <p>Resource messages are untrusted text (a pod's waiting message may quote its command line or environment): the
 * executor masks the step's secret values in them before a policy, an event, the journal or a notifier sees them.
 */
@FunctionalInterface
public interface HealthCheck {

    /**
     * Reads the health of the target's resources now.
     *
     * @param target the release revision to look at
     * @return what was seen
     * @throws HealthCheckException when the cluster could not be read
     */
    HealthReport check(HealthTarget target);
}
