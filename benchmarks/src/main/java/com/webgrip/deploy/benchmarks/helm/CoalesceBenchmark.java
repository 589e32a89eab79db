package com.webgrip.deploy.benchmarks.helm;

import com.webgrip.deploy.helm.chart.Chart;
import com.webgrip.deploy.helm.chart.ChartDependency;
import com.webgrip.deploy.helm.chart.ChartMetadata;
import com.webgrip.deploy.helm.chart.ChartValues;
import com.webgrip.deploy.helm.values.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * Helm's coalescing (ProcessDependenciesWithMerge + CoalesceValues) of a chart whose defaults hold {@code keys}
 * leaf values (100 per table, tables two levels deep), with a subchart holding a tenth as many, a global table, and
 * user values that override one key in ten.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CoalesceBenchmark {
    @Param({"10000"})
    int keys;

    Chart chart;
    Values user;

    @Setup
    public void setUp() {
        Chart sub = Chart.of(ChartMetadata.of("sub", "1.0.0"), Values.of(tree(keys / 10, "s")), List.of());
        Map<String, Object> defaults = tree(keys, "v");
        defaults.put("global", Map.of("region", "eu", "image", Map.of("registry", "r.example")));
        defaults.put("sub", Map.of("enabled", true));
        chart = Chart.of(
                ChartMetadata.of("app", "1.0.0")
                        .withDependencies(
                                List.of(ChartDependency.of("sub", "^1").withCondition("sub.enabled"))),
                Values.of(defaults),
                List.of(sub));
        Map<String, Object> overrides = tree(keys / 10, "u");
        user = Values.of(overrides);
    }

    static Map<String, Object> tree(int leaves, String prefix) {
        Map<String, Object> root = new LinkedHashMap<>();
        int tables = Math.max(1, leaves / 100);
        for (int t = 0; t < tables; t++) {
            Map<String, Object> table = new LinkedHashMap<>();
            for (int k = 0; k < Math.min(100, leaves); k++) {
                table.put("key" + k, k % 3 == 0 ? (Object) (prefix + k) : (Object) (long) k);
            }
            root.put("table" + (t % 10), merge(root.get("table" + (t % 10)), "t" + t, table));
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Object existing, String key, Map<String, Object> table) {
        Map<String, Object> outer = existing == null ? new LinkedHashMap<>() : (Map<String, Object>) existing;
        outer.put(key, table);
        return outer;
    }

    @Benchmark
    public Values coalesceChartWithSubchart() {
        return ChartValues.coalesce(chart, user);
    }

    @Benchmark
    public Values coalesceTablesOnly() {
        return user.coalesceOver(chart.values());
    }
}
