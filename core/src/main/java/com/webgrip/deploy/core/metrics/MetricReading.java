package com.webgrip.deploy.core.metrics;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reading of a metric. A reading has a value, has no data (inconclusive: no traffic, an empty result, NaN),
 * or failed (the source could not be read); policies treat the three differently, as Argo Rollouts does.
 *
 * @param query the query that was read
 * @param at when it was read
 * @param value the value, empty when there was no data or the read failed
 * @param error why the read failed; empty when it did not
 */
public record MetricReading(MetricQuery query, Instant at, OptionalDouble value, String error) {

    /** Checks the fields. */
    public MetricReading {
        Objects.requireNonNull(query, "query required");
        Objects.requireNonNull(at, "at required");
        Objects.requireNonNull(value, "value required");
        Objects.requireNonNull(error, "error required (empty when the read succeeded)");
        if (value.isPresent() && !error.isEmpty()) {
            throw new IllegalArgumentException("a reading has either a value or an error, not both");
        }
    }

    /**
     * A reading with a value.
     *
     * @param query the query
     * @param at the time
     * @param value the value
     * @return the reading
     */
    public static MetricReading of(MetricQuery query, Instant at, double value) {
        return Double.isNaN(value) ? noData(query, at) : new MetricReading(query, at, OptionalDouble.of(value), "");
    }

    /**
     * A reading without data.
     *
     * @param query the query
     * @param at the time
     * @return the reading
     */
    public static MetricReading noData(MetricQuery query, Instant at) {
        return new MetricReading(query, at, OptionalDouble.empty(), "");
    }

    /**
     * A failed reading.
     *
     * @param query the query
     * @param at the time
     * @param error why it failed
     * @return the reading
     */
    public static MetricReading failed(MetricQuery query, Instant at, String error) {
        if (error.isEmpty()) {
            throw new IllegalArgumentException("a failed reading needs a reason");
        }
        return new MetricReading(query, at, OptionalDouble.empty(), error);
    }

    /**
     * Whether the read failed.
     *
     * @return true when the source could not be read
     */
    public boolean failed() {
        return !error.isEmpty();
    }

    /**
     * Whether the read succeeded but had no data.
     *
     * @return true when inconclusive
     */
    public boolean inconclusive() {
        return value.isEmpty() && error.isEmpty();
    }
}
