package com.webgrip.deploy.core.graph;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The node {@link ChartNode#of} makes. */
record SimpleNode(String name, int order, List<String> needs, Set<String> labels) implements ChartNode {
    SimpleNode {
        Objects.requireNonNull(name, "name required");
        Objects.requireNonNull(needs, "needs required");
        Objects.requireNonNull(labels, "labels required");
    }
}
