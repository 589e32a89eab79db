package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.internal.Coalescing;
import com.webgrip.deploy.helm.internal.DependencyProcessing;
import com.webgrip.deploy.helm.internal.MutableChart;
import com.webgrip.deploy.helm.internal.Trees;
import com.webgrip.deploy.helm.internal.ValuesTypeException;
import com.webgrip.deploy.helm.values.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The values a chart's templates see, computed as Helm 3.21 computes them for install, upgrade and template:
 * first {@code ProcessDependenciesWithMerge} (tags, then conditions, enable or drop each subchart; aliases rename
 * them; import-values copy a subchart's values into its parent), then {@code CoalesceValues}: the user's values over
 * the chart's defaults, each subchart's defaults under its name or alias, maps merged deeply, lists and scalars
 * replaced, a null from the user removing the default, and {@code global} copied into every subchart (Helm's copy
 * is shallow, so a subchart's default globals can show up in its parent's deeper global tables, as in Helm).
 *
 * <p>The user's values are what {@link com.webgrip.deploy.helm.values.UserValues} builds from {@code -f} files and
 * {@code --set} flags.
 */
public final class ChartValues {
    private ChartValues() {}

    /**
     * Returns {@code .Values} of the chart's own templates; a subchart's templates see the table under its name.
     *
     * @throws IllegalArgumentException naming the key path when the user's values for a subchart are not a mapping
     */
    public static Values coalesce(Chart chart, Values userValues) {
        return process(chart, userValues).values;
    }

    /**
     * Returns the subcharts that stay enabled, as dotted paths of names or aliases ({@code loki},
     * {@code loki.promtail}), in Helm's order.
     */
    public static Set<String> enabledSubcharts(Chart chart, Values userValues) {
        return process(chart, userValues).enabled;
    }

    private record Result(Values values, Set<String> enabled) {}

    private static Result process(Chart chart, Values userValues) {
        Objects.requireNonNull(chart, "chart required");
        Objects.requireNonNull(userValues, "userValues required");
        MutableChart root = toMutable(chart, chart.name());
        Map<String, Object> user = userValues.toMutableMap();
        try {
            DependencyProcessing.processWithMerge(root, user, Coalescing.Warnings.IGNORE);
            Map<String, Object> coalesced = Coalescing.coalesceValues(root, user, Coalescing.Warnings.IGNORE);
            Set<String> enabled = new LinkedHashSet<>();
            collect(root, "", enabled);
            return new Result(Values.of(coalesced), enabled);
        } catch (ValuesTypeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void collect(MutableChart chart, String prefix, Set<String> out) {
        for (MutableChart sub : chart.dependencies) {
            String path = prefix.isEmpty() ? sub.name() : prefix + "." + sub.name();
            out.add(path);
            collect(sub, path, out);
        }
    }

    static MutableChart toMutable(Chart chart, String origin) {
        MutableChart m = new MutableChart(
                chart.name(), chart.metadata().version(), chart.values().toMutableMap(), origin);
        List<ChartDependency> declared = chart.metadata().dependencies();
        if (!declared.isEmpty()) {
            m.metadata.dependencies = new ArrayList<>();
            for (ChartDependency d : declared) {
                MutableChart.Dependency md = new MutableChart.Dependency();
                md.name = d.name();
                md.version = d.version();
                md.condition = d.condition();
                md.tags = d.tags();
                md.enabled = d.enabled();
                md.importValues = new ArrayList<>();
                for (Object iv : d.importValues()) {
                    md.importValues.add(Trees.deepCopyValue(iv));
                }
                md.alias = d.alias();
                m.metadata.dependencies.add(md);
            }
        }
        List<MutableChart> subs = new ArrayList<>();
        for (Chart sub : chart.subcharts()) {
            subs.add(toMutable(sub, origin + "/" + sub.name()));
        }
        m.dependencies = subs;
        return m;
    }
}
