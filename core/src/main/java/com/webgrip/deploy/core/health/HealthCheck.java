package com.webgrip.deploy.core.health;

/**
 * Reads the health of a release's resources, as kstatus does: a status per resource with reasons.
 *
 * <p>Implementations live where the cluster is: the {@code kubernetes} module reads a real cluster, the
 * testkit's simulated cluster answers from memory. Compose checks with {@link HealthChecks}.
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
