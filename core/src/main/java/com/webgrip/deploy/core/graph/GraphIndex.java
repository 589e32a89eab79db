package com.webgrip.deploy.core.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The int arrays behind a {@link ChartGraph}, built in time linear in charts plus needs: a name
 * index, needs and dependents in compressed rows, a Kahn pass that gives every chart its wave (its
 * longest chain of needs), and the charts sorted by wave and then by number.
 */
final class GraphIndex {
    final ChartNode[] nodes;
    final Map<String, Integer> byName;
    final int[] needStart;
    final int[] needs;
    final int[] dependentStart;
    final int[] dependents;
    final int[] wave;
    /** Chart indexes by wave, then by order number: a topological order. */
    final int[] sorted;
    /** Where each wave starts in {@link #sorted}; one more entry than there are waves. */
    final int[] waveStart;

    GraphIndex(List<? extends ChartNode> charts, Predicate<String> keepNeed) {
        int n = charts.size();
        nodes = charts.toArray(new ChartNode[0]);
        byName = new HashMap<>(Math.max(16, (int) (n / 0.75f) + 1));
        int[] orders = new int[n];
        int edgeCount = 0;
        for (int i = 0; i < n; i++) {
            ChartNode node = nodes[i];
            if (node.order() < 0) {
                throw new ChartGraphException(
                        ChartGraphException.Kind.NEGATIVE_NUMBER,
                        List.of(node.name()),
                        "chart " + node.name() + " has order number " + node.order()
                                + "; expected a number of zero or more");
            }
            orders[i] = node.order();
            Integer previous = byName.putIfAbsent(node.name(), i);
            if (previous != null) {
                throw new ChartGraphException(
                        ChartGraphException.Kind.DUPLICATE_NAME,
                        List.of(node.name()),
                        "two charts are named " + node.name());
            }
            edgeCount += node.needs().size();
        }
        needStart = new int[n + 1];
        int[] edges = new int[edgeCount];
        int[] indegree = new int[n];
        int[] dependentCount = new int[n + 1];
        int e = 0;
        for (int i = 0; i < n; i++) {
            needStart[i] = e;
            for (String need : nodes[i].needs()) {
                Integer target = byName.get(need);
                if (target == null) {
                    if (!keepNeed.test(need)) {
                        continue;
                    }
                    throw new ChartGraphException(
                            ChartGraphException.Kind.MISSING_NEED,
                            List.of(nodes[i].name(), need),
                            "chart " + nodes[i].name() + " needs " + need + ", which is not a chart of the platform");
                }
                edges[e++] = target;
                dependentCount[target + 1]++;
            }
            indegree[i] = e - needStart[i];
        }
        needStart[n] = e;
        needs = e == edges.length ? edges : java.util.Arrays.copyOf(edges, e);
        dependentStart = dependentCount;
        for (int i = 0; i < n; i++) {
            dependentStart[i + 1] += dependentStart[i];
        }
        dependents = new int[e];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = needStart[i]; k < needStart[i + 1]; k++) {
                int target = needs[k];
                dependents[dependentStart[target] + fill[target]++] = i;
            }
        }
        wave = new int[n];
        int waveCount = kahn(indegree);
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

    /** Kahn's algorithm; returns the number of waves or throws on a cycle. */
    private int kahn(int[] indegree) {
        int n = nodes.length;
        int[] queue = new int[n];
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
