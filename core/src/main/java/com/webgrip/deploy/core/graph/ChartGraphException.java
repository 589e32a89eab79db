package com.webgrip.deploy.core.graph;

import java.util.List;
import java.util.Objects;

/**
 * A chart graph that cannot be ordered: a cycle, a need on a chart that does not exist, or two
 * charts with one name or one number. The message names every chart involved.
 */
public final class ChartGraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the graph. */
    public enum Kind {
        /** Charts that need each other, directly or through others. */
        CYCLE,
        /** A need names a chart that is not in the graph. */
        MISSING_NEED,
        /** Two charts have the same name. */
        DUPLICATE_NAME,
        /** Two charts have the same order number. */
        DUPLICATE_NUMBER,
        /** A chart's order number is negative. */
        NEGATIVE_NUMBER,
        /** A selector matches no chart. */
        EMPTY_SELECTION
    }

    private final Kind kind;

    @SuppressWarnings("serial") // an immutable List.copyOf of strings
    private final List<String> charts;

    ChartGraphException(Kind kind, List<String> charts, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind required");
        this.charts = List.copyOf(charts);
    }

    /** What is wrong. */
    public Kind kind() {
        return kind;
    }

    /**
     * The charts involved. For a {@link Kind#CYCLE}, the cycle in deployment order, starting and
     * ending with the same chart: each chart must come before the next one.
     */
    public List<String> charts() {
        return charts;
    }

    static ChartGraphException cycle(List<String> cycle) {
        return new ChartGraphException(
                Kind.CYCLE,
                cycle,
                "cycle in chart needs (each chart must come before the next): " + String.join(" → ", cycle));
    }
}
