package com.webgrip.deploy.core.graph;

import java.util.List;
import java.util.Set;

/**
 * What the chart graph needs to know about a chart: its unique name (for a platform chart, the
 * {@code NNN-name} folder), its order number, the names of the charts it needs, and its labels.
 *
 * <p>Platform types implement this directly so that the graph is built from them without copying.
 */
public interface ChartNode {

    /** The unique name other charts use in their needs, e.g. {@code 010-cert-manager}. */
    String name();

    /** The order number ({@code 10} for {@code 010-cert-manager}); unique within a graph, never negative. */
    int order();

    /** The names of the charts this one needs (its {@code webgrip.com/needs}). */
    List<String> needs();

    /** Labels a selection can match; empty by default. */
    default Set<String> labels() {
        return Set.of();
    }

    /**
     * A plain node, handy in tests and JShell: {@code ChartNode.of("020-cluster-issuers", 20,
     * "010-cert-manager")}.
     */
    static ChartNode of(String name, int order, String... needs) {
        return new SimpleNode(name, order, List.of(needs), Set.of());
    }

    /** A plain node with labels. */
    static ChartNode of(String name, int order, List<String> needs, Set<String> labels) {
        return new SimpleNode(name, order, List.copyOf(needs), Set.copyOf(labels));
    }
}
