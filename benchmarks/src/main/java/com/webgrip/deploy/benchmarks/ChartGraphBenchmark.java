package com.webgrip.deploy.benchmarks;

import com.webgrip.deploy.core.graph.ChartGraph;
import com.webgrip.deploy.core.graph.ChartNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 100,000 charts and 1,000,000 needs resolved to an order, three ways in one run: {@link ChartGraph}
 * from chart objects (name index, int arrays, waves), JGraphT (graph build + topological order) over
 * the same names, and a bare int-array Kahn pass over the same edges (build of the adjacency
 * included). {@code random}: each chart needs 10 distinct charts with lower numbers, seeded;
 * {@code layered}: 10 layers of 10,000 charts, each needing 10 distinct charts of the layer before.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChartGraphBenchmark {
    static final int CHARTS = 100_000;
    static final int NEEDS_PER_CHART = 10;

    @Param({"random", "layered"})
    String shape;

    List<ChartNode> charts;
    int[] edgeFrom;
    int[] edgeTo;

    @Setup
    public void generate() {
        Random random = new Random(20_260_601L);
        charts = new ArrayList<>(CHARTS);
        String[] names = new String[CHARTS];
        for (int i = 0; i < CHARTS; i++) {
            names[i] = String.format("%06d-chart", i);
        }
        edgeFrom = new int[CHARTS * NEEDS_PER_CHART];
        edgeTo = new int[CHARTS * NEEDS_PER_CHART];
        int e = 0;
        int layer = CHARTS / 10;
        for (int i = 0; i < CHARTS; i++) {
            List<String> needs = new ArrayList<>(NEEDS_PER_CHART);
            java.util.Set<Integer> picked = new java.util.HashSet<>();
            boolean layered = shape.equals("layered");
            int low = layered ? (i / layer - 1) * layer : 0;
            int span = layered ? layer : i;
            if (low >= 0 && span >= NEEDS_PER_CHART) {
                while (picked.size() < NEEDS_PER_CHART) {
                    picked.add(low + random.nextInt(span));
                }
            }
            for (int need : picked) {
                needs.add(names[need]);
                edgeFrom[e] = need;
                edgeTo[e] = i;
                e++;
            }
            charts.add(ChartNode.of(names[i], i, needs, java.util.Set.of()));
        }
        edgeFrom = java.util.Arrays.copyOf(edgeFrom, e);
        edgeTo = java.util.Arrays.copyOf(edgeTo, e);
    }

    /** Ours: from chart objects to waves. */
    @Benchmark
    public void chartGraph(Blackhole hole) {
        hole.consume(ChartGraph.of(charts).waves());
    }

    /** JGraphT: graph built from the same chart objects, then a topological order. */
    @Benchmark
    public void jgrapht(Blackhole hole) {
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (ChartNode chart : charts) {
            graph.addVertex(chart.name());
        }
        for (ChartNode chart : charts) {
            for (String need : chart.needs()) {
                graph.addEdge(need, chart.name());
            }
        }
        List<String> order = new ArrayList<>(charts.size());
        new TopologicalOrderIterator<>(graph).forEachRemaining(order::add);
        hole.consume(order);
    }

    /** The floor: Kahn's algorithm with waves over int edge arrays, adjacency built here. */
    @Benchmark
    public void bareKahn(Blackhole hole) {
        int n = CHARTS;
        int m = edgeFrom.length;
        int[] start = new int[n + 1];
        int[] indegree = new int[n];
        for (int k = 0; k < m; k++) {
            start[edgeFrom[k] + 1]++;
            indegree[edgeTo[k]]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = start.clone();
        int[] next = new int[m];
        for (int k = 0; k < m; k++) {
            next[fill[edgeFrom[k]]++] = edgeTo[k];
        }
        int[] queue = new int[n];
        int[] wave = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (indegree[v] == 0) {
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int u = queue[head++];
            for (int k = start[u]; k < start[u + 1]; k++) {
                int d = next[k];
                wave[d] = Math.max(wave[d], wave[u] + 1);
                if (--indegree[d] == 0) {
                    queue[tail++] = d;
                }
            }
        }
        hole.consume(wave);
        hole.consume(queue);
    }
}
