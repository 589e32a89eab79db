package com.webgrip.deploy.core.policy;

import com.webgrip.deploy.core.metrics.MetricQuery;
import java.util.List;

/**
 * Decides, after each health verdict of a deployed step, whether the run goes on, waits, retries, rolls back (the
 * step, its wave or the whole run) or stops for a person.
 *
 * <p>A policy is a pure function of its {@link PolicyContext}: the step, its health history, the readings of the
 * metrics it asked for and the security findings. That makes it testable in milliseconds without a cluster (build
 * a context with {@link PolicyContext#builder}). Built-in policies are in {@link Policies}.
 */
@FunctionalInterface
public interface RollbackPolicy {

    /**
     * Decides what to do next.
     *
     * @param context the step and what was observed of it
     * @return the decision
     */
    Decision decide(PolicyContext context);

    /**
     * The metrics this policy reads; the executor reads each at every observation and hands the history to
     * {@link #decide} in {@link PolicyContext#metrics()}.
     *
     * @return the queries, with placeholders unbound
     */
    default List<MetricQuery> metricQueries() {
        return List.of();
    }

    /**
     * A short description for plans and events, such as {@code roll back on health failure after 30s}.
     *
     * @return the description
     */
    default String describe() {
        return getClass().getSimpleName();
    }
}
