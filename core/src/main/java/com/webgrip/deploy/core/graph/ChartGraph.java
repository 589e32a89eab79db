package com.webgrip.deploy.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Charts and their needs, ordered into waves: every chart of a wave can be deployed side by side,
 * and every chart comes in a later wave than each chart it needs (its wave is the length of its
 * longest chain of needs). Built in time linear in charts plus needs.
 *
 * <pre>{@code
 * var graph = ChartGraph.of(List.of(
 *         ChartNode.of("005-tainters", 5),
 *         ChartNode.of("007-cluster-monitoring", 7, "005-tainters")));
 * graph.waves();          // [[005-tainters], [007-cluster-monitoring]]
 * }</pre>
 *
 * <p>Within a wave, charts are listed by order number. Immutable and safe to share.
 *
 * @param <N> the chart type
 */
public final class ChartGraph<N extends ChartNode> {
    private final GraphIndex index;
    private final List<N> charts;
    private final List<List<N>> waves;

    private ChartGraph(GraphIndex index) {
        this.index = index;
        Object[] inOrder = new Object[index.nodes.length];
        for (int k = 0; k < inOrder.length; k++) {
            inOrder[k] = index.nodes[index.sorted[k]];
        }
        // Every element is an N (the index was built from a collection of N); the array is never exposed.
        @SuppressWarnings("unchecked")
        List<N> all = (List<N>) (List<?>) Collections.unmodifiableList(Arrays.asList(inOrder));
        this.charts = all;
        List<List<N>> byWave = new ArrayList<>(index.waveCount());
        for (int w = 0; w < index.waveCount(); w++) {
            byWave.add(all.subList(index.waveStart[w], index.waveStart[w + 1]));
        }
        this.waves = Collections.unmodifiableList(byWave);
    }

    /**
     * Orders the charts.
     *
     * @throws ChartGraphException on a cycle, a need on a chart that is not in {@code charts}, or
     *     two charts with one name or one number
     */
    public static <N extends ChartNode> ChartGraph<N> of(Collection<N> charts) {
        return new ChartGraph<>(new GraphIndex(charts, need -> true));
    }

    /**
     * Orders the charts, leaving out needs on the named charts: the needs a selection dropped on
     * purpose. Any other need on a chart that is not in {@code charts} is still an error.
     */
    public static <N extends ChartNode> ChartGraph<N> of(Collection<N> charts, Set<String> absentNeeds) {
        Set<String> absent = Set.copyOf(absentNeeds);
        return new ChartGraph<>(new GraphIndex(charts, need -> !absent.contains(need)));
    }

    /** Every chart, wave after wave, each wave by order number: a valid deployment order. */
    public List<N> charts() {
        return charts;
    }

    /** The waves, first to deploy first. */
    public List<List<N>> waves() {
        return waves;
    }

    /** The waves in the order a teardown removes them: last wave first. */
    public List<List<N>> teardownWaves() {
        List<List<N>> reversed = new ArrayList<>(waves);
        Collections.reverse(reversed);
        return Collections.unmodifiableList(reversed);
    }

    /** The number of charts. */
    public int size() {
        return charts.size();
    }

    /** The chart of that name, if the graph has it. */
    public Optional<N> chart(String name) {
        int i = index.byName.find(Objects.requireNonNull(name, "chart name required"));
        return i < 0 ? Optional.empty() : Optional.of(node(i));
    }

    /** The wave (from 0) of a chart. */
    public int waveOf(String name) {
        return index.wave[indexOf(name)];
    }

    /** The charts the named chart needs, directly or through others, in deployment order. */
    public List<N> needsOf(String name) {
        return reach(indexOf(name), index.needStart, index.needs);
    }

    /** The charts that need the named chart, directly or through others, in deployment order. */
    public List<N> dependentsOf(String name) {
        return reach(indexOf(name), index.dependentStart, index.dependents);
    }

    /** Charts numbered before a chart they need, in deployment order of the first. */
    public List<OrderFinding> orderFindings() {
        List<OrderFinding> findings = new ArrayList<>();
        for (int v : index.sorted) {
            for (int k = index.needStart[v]; k < index.needStart[v + 1]; k++) {
                int need = index.needs[k];
                if (index.nodes[v].order() < index.nodes[need].order()) {
                    findings.add(new OrderFinding(index.nodes[v].name(), index.nodes[need].name()));
                }
            }
        }
        return List.copyOf(findings);
    }

    /** The longest chain of needs, counting each chart as one. */
    public List<N> criticalPath() {
        return criticalPath(chart -> 1L);
    }

    /**
     * The chain of needs with the largest total weight, e.g. with each chart's timeout as its weight
     * this is the shortest time the whole deployment can take. Ties go to lower order numbers.
     */
    public List<N> criticalPath(ToLongFunction<? super N> weight) {
        int n = index.nodes.length;
        if (n == 0) {
            return List.of();
        }
        long[] total = new long[n];
        int[] previous = new int[n];
        int best = -1;
        for (int v : index.sorted) {
            long heaviestNeed = 0;
            int from = -1;
            for (int k = index.needStart[v]; k < index.needStart[v + 1]; k++) {
                int need = index.needs[k];
                if (from < 0 || total[need] > heaviestNeed || (total[need] == heaviestNeed && lower(need, from))) {
                    heaviestNeed = total[need];
                    from = need;
                }
            }
            total[v] = heaviestNeed + weight.applyAsLong(node(v));
            previous[v] = from;
            if (best < 0 || total[v] > total[best] || (total[v] == total[best] && lower(v, best))) {
                best = v;
            }
        }
        List<N> path = new ArrayList<>();
        for (int v = best; v >= 0; v = previous[v]) {
            path.add(node(v));
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    /**
     * Picks charts. With {@code withNeeds}, every chart a picked chart needs comes along (and is
     * listed in {@link GraphSelection#addedNeeds()}); without it, the needs left out are listed in
     * {@link GraphSelection#droppedNeeds()} so that the caller can report them.
     *
     * @throws ChartGraphException ({@code EMPTY_SELECTION}) when a selector picks no chart
     */
    public GraphSelection select(Collection<Selector> selectors, boolean withNeeds) {
        int n = index.nodes.length;
        boolean[] picked = new boolean[n];
        for (Selector selector : selectors) {
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (selector.matches(index.nodes[i])) {
                    picked[i] = true;
                    any = true;
                }
            }
            if (!any) {
                throw new ChartGraphException(
                        ChartGraphException.Kind.EMPTY_SELECTION,
                        List.of(),
                        "selector " + selector + " matches no chart");
            }
        }
        boolean[] included = picked.clone();
        List<GraphSelection.DroppedNeed> dropped = new ArrayList<>();
        if (withNeeds) {
            int[] stack = new int[n];
            int top = 0;
            for (int i = 0; i < n; i++) {
                if (picked[i]) {
                    stack[top++] = i;
                }
            }
            while (top > 0) {
                int v = stack[--top];
                for (int k = index.needStart[v]; k < index.needStart[v + 1]; k++) {
                    int need = index.needs[k];
                    if (!included[need]) {
                        included[need] = true;
                        stack[top++] = need;
                    }
                }
            }
        }
        List<String> all = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (int v : index.sorted) {
            if (!included[v]) {
                continue;
            }
            all.add(index.nodes[v].name());
            if (!picked[v]) {
                added.add(index.nodes[v].name());
            }
            for (int k = index.needStart[v]; k < index.needStart[v + 1]; k++) {
                if (!included[index.needs[k]]) {
                    dropped.add(
                            new GraphSelection.DroppedNeed(index.nodes[v].name(), index.nodes[index.needs[k]].name()));
                }
            }
        }
        return new GraphSelection(all, added, dropped);
    }

    /**
     * The graph of the named charts alone: needs on charts outside the set are left out, so waves
     * are recomputed over what remains.
     */
    public ChartGraph<N> subgraph(Collection<String> names) {
        Set<String> keep = new HashSet<>(names);
        List<N> kept = new ArrayList<>(keep.size());
        for (N chart : charts) {
            if (keep.contains(chart.name())) {
                kept.add(chart);
            }
        }
        for (String name : keep) {
            indexOf(name);
        }
        return new ChartGraph<>(new GraphIndex(kept, keep::contains));
    }

    /** The waves as chart names, e.g. {@code [[005-tainters], [007-cluster-monitoring]]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int w = 0; w < waves.size(); w++) {
            text.append(w == 0 ? "[" : ", [");
            List<N> wave = waves.get(w);
            for (int k = 0; k < wave.size(); k++) {
                text.append(k == 0 ? "" : ", ").append(wave.get(k).name());
            }
            text.append(']');
        }
        return text.append(']').toString();
    }

    private int indexOf(String name) {
        Objects.requireNonNull(name, "chart name required");
        int i = index.byName.find(name);
        if (i < 0) {
            throw new IllegalArgumentException("no chart named " + name + " in the graph");
        }
        return i;
    }

    @SuppressWarnings("unchecked") // every node was an N when the index was built from List<N>
    private N node(int i) {
        return (N) index.nodes[i];
    }

    private boolean lower(int a, int b) {
        return index.nodes[a].order() < index.nodes[b].order();
    }

    private List<N> reach(int start, int[] rowStart, int[] row) {
        boolean[] seen = new boolean[index.nodes.length];
        int[] stack = new int[index.nodes.length];
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int v = stack[--top];
            for (int k = rowStart[v]; k < rowStart[v + 1]; k++) {
                if (!seen[row[k]]) {
                    seen[row[k]] = true;
                    stack[top++] = row[k];
                }
            }
        }
        List<N> reached = new ArrayList<>();
        for (int v : index.sorted) {
            if (seen[v] && v != start) {
                reached.add(node(v));
            }
        }
        return List.copyOf(reached);
    }
}
