package com.webgrip.deploy.core.metrics;

import java.time.Instant;

/**
 * Reads a number such as an error rate over a window. {@link PrometheusMetricSource} reads Prometheus's HTTP
 * query API; the testkit's simulated cluster answers from scripted numbers.
 */
@FunctionalInterface
public interface MetricSource {

    /**
     * Reads the query at the given time.
     *
     * @param query the bound query (see {@link MetricQuery#bind})
     * @param at the evaluation time
     * @return the reading; {@link MetricReading#noData} when the source has no data
     * @throws MetricException when the source could not be read
     */
    MetricReading read(MetricQuery query, Instant at) throws MetricException;
}
