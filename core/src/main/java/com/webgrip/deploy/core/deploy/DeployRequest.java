package com.webgrip.deploy.core.deploy;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One install-or-upgrade: the release, the chart and the merged values, passed in memory.
 *
 * <p>The values may hold decrypted secrets: they are never part of {@link #toString()}, and a deployer must not log
 * them or write them to disk on its own. The request lives only while its step runs.
 */
public final class DeployRequest {

    private final ReleaseRef release;
    private final ChartRef chart;
    private final Map<String, Object> values;
    private final Duration timeout;
    private final boolean dryRun;
    private final String description;

    private DeployRequest(
            ReleaseRef release,
            ChartRef chart,
            Map<String, Object> values,
            Duration timeout,
            boolean dryRun,
            String description) {
        this.release = Objects.requireNonNull(release, "release required");
        this.chart = Objects.requireNonNull(chart, "chart required");
        this.values = deepCopy(Objects.requireNonNull(values, "values required"));
        this.timeout = Objects.requireNonNull(timeout, "timeout required");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a deploy timeout must be positive, found " + timeout);
        }
        this.dryRun = dryRun;
        this.description = Objects.requireNonNull(description, "description required");
    }

    /**
     * A request.
     *
     * @param release the release
     * @param chart the chart
     * @param values the merged values tree (maps, lists, strings, numbers, booleans, null)
     * @param timeout how long the deployer may take
     * @param dryRun true to validate only, changing nothing
     * @param description a description for the release history, such as the commit deployed
     * @return the request
     */
    public static DeployRequest of(
            ReleaseRef release,
            ChartRef chart,
            Map<String, Object> values,
            Duration timeout,
            boolean dryRun,
            String description) {
        return new DeployRequest(release, chart, values, timeout, dryRun, description);
    }

    /** Returns the release. */
    public ReleaseRef release() {
        return release;
    }

    /** Returns the chart. */
    public ChartRef chart() {
        return chart;
    }

    /** Returns the merged values, unmodifiable; may hold decrypted secrets. */
    public Map<String, Object> values() {
        return values;
    }

    /** Returns how long the deployer may take. */
    public Duration timeout() {
        return timeout;
    }

    /** Returns whether to validate only. */
    public boolean dryRun() {
        return dryRun;
    }

    /** Returns the description for the release history. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "DeployRequest[" + release + " chart " + chart + ", " + values.size() + " top-level values (hidden)"
                + (dryRun ? ", dry run" : "") + "]";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map) {
            return deepCopy((Map<String, Object>) value);
        }
        if (value instanceof List) {
            return Collections.unmodifiableList(((List<Object>) value)
                    .stream().map(DeployRequest::copyValue).collect(java.util.stream.Collectors.toList()));
        }
        return value;
    }
}
