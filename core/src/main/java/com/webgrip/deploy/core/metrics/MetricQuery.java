package com.webgrip.deploy.core.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A number to watch, such as the error rate of a release over a window.
 *
 * <p>The expression is in the metric source's language (PromQL for Prometheus) and may hold the placeholders
 * {@code {release}}, {@code {namespace}} and {@code {window}}, which {@link #bind} fills in for one step;
 * the window is written as Prometheus writes durations ({@code 90s}, {@code 2m}).
 *
 * @param name a short name for events and reports, such as {@code error-rate}
 * @param expression the query
 * @param window the window the query looks back over
 */
public record MetricQuery(String name, String expression, Duration window) {

    /** Checks the fields. */
    public MetricQuery {
        Objects.requireNonNull(name, "name required");
        Objects.requireNonNull(expression, "expression required");
        Objects.requireNonNull(window, "window required");
        if (name.isBlank() || expression.isBlank()) {
            throw new IllegalArgumentException("a metric query needs a name and an expression");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a metric window must be positive, found " + window);
        }
    }

    /**
     * The query with its placeholders filled in for one release.
     *
     * @param release the release name
     * @param namespace the release's namespace
     * @return the bound query
     */
    public MetricQuery bind(String release, String namespace) {
        String bound = expression;
        for (Map.Entry<String, String> entry : Map.of(
                        "{release}", release, "{namespace}", namespace, "{window}", promDuration(window))
                .entrySet()) {
            bound = bound.replace(entry.getKey(), entry.getValue());
        }
        return new MetricQuery(name, bound, window);
    }

    /** A duration as Prometheus writes one: whole seconds, or whole minutes when exact. */
    static String promDuration(Duration window) {
        long seconds = Math.max(1, window.toSeconds());
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
