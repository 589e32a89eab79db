package com.webgrip.deploy.core.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The int arrays behind a {@link ChartGraph}, built in time linear in charts plus needs: a name
 * index, needs and dependents in compressed rows, a Kahn pass that gives every chart its wave (its
 * longest chain of needs), and the charts sorted by wave and then by number.
 */
final class GraphIndex {
    final ChartNode[] nodes;
    final NameIndex byName;
    final int[] needStart;
    final int[] needs;
    final int[] dependentStart;
    final int[] dependents;
    final int[] wave;
    /** Chart indexes by wave, then by order number: a topological order. */
    final int[] sorted;
    /** Where each wave starts in {@link #sorted}; one more entry than there are waves. */
    final int[] waveStart;

    GraphIndex(Collection<? extends ChartNode> charts, Predicate<String> keepNeed) {
        int n = charts.size();
        nodes = charts.toArray(new ChartNode[0]);
        byName = new NameIndex(n);
        int[] orders = new int[n];
        int edgeCount = 0;
        for (int i = 0; i < n; i++) {
            ChartNode node = Objects.requireNonNull(nodes[i], "the charts of a graph must not be null");
            if (node.order() < 0) {
                throw new ChartGraphException(
                        ChartGraphException.Kind.NEGATIVE_NUMBER,
                        List.of(node.name()),
                        "chart " + node.name() + " has order number " + node.order()
                                + "; expected a number of zero or more");
            }
            orders[i] = node.order();
            if (byName.putIfAbsent(node.name(), i) >= 0) {
                throw new ChartGraphException(
                        ChartGraphException.Kind.DUPLICATE_NAME,
                        List.of(node.name()),
                        "two charts are named " + node.name());
            }
            edgeCount += node.needs().size();
        }
        needStart = new int[n + 1];
        int[] edges = new int[edgeCount];
        int e = resolveAll(edges) ? edgeCount : resolveOneByOne(edges, keepNeed);
        int[] indegree = new int[n];
        int[] dependentCount = new int[n + 1];
        for (int i = 0; i < n; i++) {
            indegree[i] = needStart[i + 1] - needStart[i];
        }
        for (int k = 0; k < e; k++) {
            dependentCount[edges[k] + 1]++;
        }
        needs = e == edges.length ? edges : java.util.Arrays.copyOf(edges, e);
        dependentStart = dependentCount;
        for (int i = 0; i < n; i++) {
            dependentStart[i + 1] += dependentStart[i];
        }
        dependents = new int[e];
        int[] fill = java.util.Arrays.copyOf(dependentStart, n);
        for (int i = 0; i < n; i++) {
            for (int k = needStart[i]; k < needStart[i + 1]; k++) {
                dependents[fill[needs[k]]++] = i;
            }
        }
        wave = new int[n];
        int waveCount = kahn(indegree, fill); // fill is spent: it becomes the queue
        int[] byOrder = Radix.sortIndexesByKey(orders);
        for (int k = 1; k < n; k++) {
            if (orders[byOrder[k]] == orders[byOrder[k - 1]]) {
                String a = nodes[byOrder[k - 1]].name();
                String b = nodes[byOrder[k]].name();
                throw new ChartGraphException(
                        ChartGraphException.Kind.DUPLICATE_NUMBER,
                        List.of(a, b),
                        "charts " + a + " and " + b + " both have order number " + orders[byOrder[k]]);
            }
        }
        waveStart = new int[waveCount + 1];
        for (int i = 0; i < n; i++) {
            waveStart[wave[i] + 1]++;
        }
        for (int w = 0; w < waveCount; w++) {
            waveStart[w + 1] += waveStart[w];
        }
        sorted = new int[n];
        int[] cursor = java.util.Arrays.copyOf(waveStart, waveCount);
        for (int i : byOrder) {
            sorted[cursor[wave[i]]++] = i;
        }
    }

    /** How many needs {@link #resolveAll} looks up at once. */
    private static final int BATCH = 256;

    /**
     * Resolves every need to its chart's index, in batches (see {@link NameIndex#findAll}), and fills
     * {@link #needStart}.
     *
     * @return false when some need is not a chart of the graph: then nothing is settled, and the caller resolves the
     *     needs one by one to skip or report it
     */
    private boolean resolveAll(int[] edges) {
        String[] batch = new String[BATCH];
        int[] hashes = new int[BATCH];
        int[] positions = new int[BATCH];
        int pending = 0;
        int e = 0;
        for (int i = 0; i < nodes.length; i++) {
            needStart[i] = e + pending;
            List<String> chartNeeds = nodes[i].needs();
            // Indexed access: needs lists are small random-access lists, and this loop runs once per need.
            for (int k = 0, size = chartNeeds.size(); k < size; k++) {
                String need = chartNeeds.get(k);
                batch[pending] = need;
                hashes[pending++] = need.hashCode();
                if (pending == BATCH) {
                    if (!flush(batch, pending, hashes, positions, edges, e)) {
                        return false;
                    }
                    e += pending;
                    pending = 0;
                }
            }
        }
        needStart[nodes.length] = e + pending;
        return flush(batch, pending, hashes, positions, edges, e);
    }

    private boolean flush(String[] batch, int count, int[] hashes, int[] positions, int[] edges, int at) {
        byName.findAll(batch, hashes, count, positions);
        for (int k = 0; k < count; k++) {
            if (positions[k] < 0) {
                return false;
            }
            edges[at + k] = positions[k];
        }
        return true;
    }

    /**
     * Resolves needs one at a time, leaving out needs that {@code keepNeed} lets go (the needs a selection dropped)
     * and reporting any other need on a chart that is not in the graph; fills {@link #needStart}.
     *
     * @return the number of needs kept
     */
    private int resolveOneByOne(int[] edges, Predicate<String> keepNeed) {
        int e = 0;
        for (int i = 0; i < nodes.length; i++) {
            needStart[i] = e;
            for (String need : nodes[i].needs()) {
                int target = byName.find(need);
                if (target >= 0) {
                    edges[e++] = target;
                } else if (keepNeed.test(need)) {
                    throw new ChartGraphException(
                            ChartGraphException.Kind.MISSING_NEED,
                            List.of(nodes[i].name(), need),
                            "chart " + nodes[i].name() + " needs " + need + ", which is not a chart of the platform");
                }
            }
        }
        needStart[nodes.length] = e;
        return e;
    }

    /** Kahn's algorithm over a queue of {@code nodes.length} ints; returns the number of waves or throws on a cycle. */
    private int kahn(int[] indegree, int[] queue) {
        int n = nodes.length;
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                queue[tail++] = i;
            }
        }
        int waveCount = n == 0 ? 0 : 1;
        while (head < tail) {
            int u = queue[head++];
            int next = wave[u] + 1;
            for (int k = dependentStart[u]; k < dependentStart[u + 1]; k++) {
                int d = dependents[k];
                if (wave[d] < next) {
                    wave[d] = next;
                }
                if (--indegree[d] == 0) {
                    queue[tail++] = d;
                    if (wave[d] + 1 > waveCount) {
                        waveCount = wave[d] + 1;
                    }
                }
            }
        }
        if (tail < n) {
            throw ChartGraphException.cycle(findCycle(indegree));
        }
        return waveCount;
    }

    /**
     * Charts left with needs after Kahn's pass each have a need that is also left, so walking from
     * one of them along such needs must come back to a chart already seen: that loop is a cycle.
     */
    private List<String> findCycle(int[] indegree) {
        int n = nodes.length;
        int[] seenAt = new int[n];
        java.util.Arrays.fill(seenAt, -1);
        List<Integer> walk = new ArrayList<>();
        int v = 0;
        while (indegree[v] == 0) {
            v++;
        }
        while (seenAt[v] < 0) {
            seenAt[v] = walk.size();
            walk.add(v);
            int next = -1;
            for (int k = needStart[v]; k < needStart[v + 1] && next < 0; k++) {
                if (indegree[needs[k]] > 0) {
                    next = needs[k];
                }
            }
            v = next;
        }
        // walk[seenAt[v]..] needs-chain: each needs the next. Deployment order is the reverse.
        List<Integer> loop = new ArrayList<>(walk.subList(seenAt[v], walk.size()));
        java.util.Collections.reverse(loop);
        int lowest = 0;
        for (int k = 1; k < loop.size(); k++) {
            if (nodes[loop.get(k)].order() < nodes[loop.get(lowest)].order()) {
                lowest = k;
            }
        }
        List<String> cycle = new ArrayList<>(loop.size() + 1);
        for (int k = 0; k <= loop.size(); k++) {
            cycle.add(nodes[loop.get((lowest + k) % loop.size())].name());
        }
        return cycle;
    }

    int waveCount() {
        return waveStart.length - 1;
    }
}
