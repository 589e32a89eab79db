package com.webgrip.deploy.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the chart graph over random graphs made from a seed. */
class ChartGraphProperties {

    /** A random DAG: needs only go from a higher to a lower index; numbers are shuffled. */
    static List<ChartNode> randomDag(long seed, int size, int needsPerChart) {
        Random random = new Random(seed);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            numbers.add(i * 3 + random.nextInt(3));
        }
        java.util.Collections.shuffle(numbers, random);
        List<ChartNode> charts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> needs = new ArrayList<>();
            if (i > 0) {
                int count = random.nextInt(needsPerChart + 1);
                for (int k = 0; k < count; k++) {
                    needs.add(name(random.nextInt(i)));
                }
            }
            Set<String> labels = random.nextBoolean() ? Set.of("a") : Set.of("b");
            charts.add(ChartNode.of(name(i), numbers.get(i), needs, labels));
        }
        java.util.Collections.shuffle(charts, random);
        return charts;
    }

    static String name(int i) {
        return "chart-" + i;
    }

    @Property(tries = 300)
    void everyNeedComesInAnEarlierWave(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int size, @ForAll @IntRange(max = 5) int degree) {
        var graph = ChartGraph.of(randomDag(seed, size, degree));

        for (ChartNode chart : graph.charts()) {
            for (String need : chart.needs()) {
                assertThat(graph.waveOf(need)).isLessThan(graph.waveOf(chart.name()));
            }
        }
        int position = 0;
        Map<String, Integer> positions = new HashMap<>();
        for (ChartNode chart : graph.charts()) {
            positions.put(chart.name(), position++);
        }
        for (ChartNode chart : graph.charts()) {
            chart.needs().forEach(need -> assertThat(positions.get(need)).isLessThan(positions.get(chart.name())));
        }
        assertThat(graph.size()).isEqualTo(size);
    }

    @Property(tries = 300)
    void theNumberOfWavesIsTheLongestPathPlusOne(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int size, @ForAll @IntRange(max = 5) int degree) {
        List<ChartNode> charts = randomDag(seed, size, degree);
        var graph = ChartGraph.of(charts);

        assertThat(graph.waves()).hasSize(longestPathInEdges(charts) + 1);
        assertThat(graph.criticalPath()).hasSize(graph.waves().size());
    }

    @Property(tries = 300)
    void aSelectionWithNeedsIsClosedUnderNeeds(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int size,
            @ForAll @IntRange(max = 5) int degree,
            @ForAll @IntRange(max = 59) int pick) {
        List<ChartNode> charts = randomDag(seed, size, degree);
        var graph = ChartGraph.of(charts);
        ChartNode picked = charts.get(pick % size);

        GraphSelection selection = graph.select(List.of(Selector.name(picked.name())), true);

        Set<String> selected = new HashSet<>(selection.charts());
        for (String name : selected) {
            assertThat(selected).containsAll(graph.chart(name).orElseThrow().needs());
        }
        assertThat(selection.droppedNeeds()).isEmpty();
        assertThat(selected).containsExactlyInAnyOrderElementsOf(names(graph.needsOf(picked.name()), picked));
    }

    @Property(tries = 300)
    void aReportedCycleIsARealCycle(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int size,
            @ForAll @IntRange(max = 4) int degree,
            @ForAll @IntRange(min = 1, max = 4) int backEdges) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<ChartNode> dag = randomDag(seed, size, degree);
        Map<String, List<String>> needs = new HashMap<>();
        Map<String, ChartNode> byName = new HashMap<>();
        dag.forEach(chart -> {
            needs.put(chart.name(), new ArrayList<>(chart.needs()));
            byName.put(chart.name(), chart);
        });
        // A need from a lower index to a higher-or-equal one closes at least one cycle.
        for (int k = 0; k < backEdges; k++) {
            int low = random.nextInt(size);
            int high = low + random.nextInt(size - low);
            needs.get(name(low)).add(name(high));
            if (high != low) {
                needs.get(name(high)).add(name(low));
            }
        }
        List<ChartNode> cyclic = new ArrayList<>();
        byName.forEach((name, chart) -> cyclic.add(ChartNode.of(name, chart.order(), needs.get(name), chart.labels())));

        assertThatThrownBy(() -> ChartGraph.of(cyclic)).isInstanceOfSatisfying(ChartGraphException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChartGraphException.Kind.CYCLE);
            List<String> cycle = e.charts();
            assertThat(cycle.get(0)).isEqualTo(cycle.get(cycle.size() - 1));
            assertThat(new HashSet<>(cycle.subList(0, cycle.size() - 1))).hasSize(cycle.size() - 1);
            for (int i = 0; i + 1 < cycle.size(); i++) {
                // each chart must come before the next: the next one needs it
                assertThat(needs.get(cycle.get(i + 1))).contains(cycle.get(i));
            }
        });
    }

    private static int longestPathInEdges(List<ChartNode> charts) {
        Map<String, ChartNode> byName = new HashMap<>();
        charts.forEach(chart -> byName.put(chart.name(), chart));
        Map<String, Integer> memo = new HashMap<>();
        int longest = 0;
        for (ChartNode chart : charts) {
            longest = Math.max(longest, depth(chart, byName, memo));
        }
        return longest;
    }

    private static int depth(ChartNode chart, Map<String, ChartNode> byName, Map<String, Integer> memo) {
        Integer known = memo.get(chart.name());
        if (known != null) {
            return known;
        }
        int depth = 0;
        for (String need : chart.needs()) {
            depth = Math.max(depth, depth(byName.get(need), byName, memo) + 1);
        }
        memo.put(chart.name(), depth);
        return depth;
    }

    private static List<String> names(List<ChartNode> charts, ChartNode plus) {
        List<String> names = new ArrayList<>();
        charts.forEach(chart -> names.add(chart.name()));
        names.add(plus.name());
        return names;
    }
}
