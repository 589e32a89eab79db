package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.deploy.ChartRef;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step as the executor runs it: a release to upgrade-or-install from a chart, with values resolved at run time,
 * a timeout, extra health gates and an optional rollback policy (else the executor's default).
 *
 * @param chart the chart folder, such as {@code 060-grafana-stack}; unique within a plan
 * @param release the release
 * @param chartRef the chart to deploy
 * @param values the values, resolved when the step runs
 * @param timeout how long the step may take to deploy and become healthy
 * @param healthGates checks added to the executor's health check for this step
 * @param policy the step's rollback policy; empty to use the executor's default
 */
public record RunStep(
        String chart,
        ReleaseRef release,
        ChartRef chartRef,
        StepValues values,
        Duration timeout,
        List<HealthCheck> healthGates,
        Optional<RollbackPolicy> policy) {

    /** Checks the fields. */
    public RunStep {
        Objects.requireNonNull(chart, "chart required");
        Objects.requireNonNull(release, "release required");
        Objects.requireNonNull(chartRef, "chartRef required");
        Objects.requireNonNull(values, "values required");
        Objects.requireNonNull(timeout, "timeout required");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("step " + chart + ": a timeout must be positive, found " + timeout);
        }
        healthGates = List.copyOf(healthGates);
        Objects.requireNonNull(policy, "policy required (empty for the executor's default)");
    }

    /**
     * A step with default chart reference, no values, a 5 minute timeout (Helm's default), no extra gates and the
     * executor's default policy.
     *
     * @param chart the chart folder
     * @param release the release name
     * @param namespace the namespace
     * @return the step
     */
    public static RunStep of(String chart, String release, String namespace) {
        return new RunStep(
                chart,
                ReleaseRef.of(release, namespace),
                new ChartRef(release, "0.0.0", Optional.empty()),
                StepValues.NONE,
                Duration.ofMinutes(5),
                List.of(),
                Optional.empty());
    }

    /**
     * Returns a copy with another rollback policy.
     *
     * @param policyForStep the rollback policy for this step
     * @return a copy with that policy
     */
    public RunStep withPolicy(RollbackPolicy policyForStep) {
        return new RunStep(chart, release, chartRef, values, timeout, healthGates, Optional.of(policyForStep));
    }

    /**
     * Returns a copy with another timeout.
     *
     * @param limit the step's timeout
     * @return a copy with that timeout
     */
    public RunStep withTimeout(Duration limit) {
        return new RunStep(chart, release, chartRef, values, limit, healthGates, policy);
    }

    /**
     * Returns a copy that deploys another chart.
     *
     * @param ref the chart to deploy
     * @return a copy with that chart
     */
    public RunStep withChart(ChartRef ref) {
        return new RunStep(chart, release, ref, values, timeout, healthGates, policy);
    }

    /**
     * Returns a copy with other values.
     *
     * @param resolved the values, resolved when the step runs
     * @return a copy with those values
     */
    public RunStep withValues(StepValues resolved) {
        return new RunStep(chart, release, chartRef, resolved, timeout, healthGates, policy);
    }

    /**
     * Returns a copy with other extra health gates.
     *
     * @param gates extra health checks for this step
     * @return a copy with those gates
     */
    public RunStep withHealthGates(List<HealthCheck> gates) {
        return new RunStep(chart, release, chartRef, values, timeout, gates, policy);
    }

    @Override
    public String toString() {
        return chart + " (" + release + ", chart " + chartRef + ", timeout " + timeout + ")";
    }
}
