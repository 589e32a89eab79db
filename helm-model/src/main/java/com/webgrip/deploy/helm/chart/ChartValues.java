package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.internal.Coalescing;
import com.webgrip.deploy.helm.internal.DependencyProcessing;
import com.webgrip.deploy.helm.internal.MutableChart;
import com.webgrip.deploy.helm.internal.Trees;
import com.webgrip.deploy.helm.internal.ValuesTypeException;
import com.webgrip.deploy.helm.values.SchemaViolation;
import com.webgrip.deploy.helm.values.Values;
import com.webgrip.deploy.helm.values.ValuesSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * {@code --set} flags. {@link #compute} also returns what Helm logs on the way ({@link CoalescingWarning}s: a table
 * where the chart has a scalar, a condition that is not a boolean, ...), which usually points at a values mistake.
 */
public final class ChartValues {
    private ChartValues() {}

    /**
     * Returns {@code .Values} of the chart's own templates; a subchart's templates see the table under its name.
     *
     * @throws IllegalArgumentException naming the key path when the user's values for a subchart are not a mapping
     */
    public static Values coalesce(Chart chart, Values userValues) {
        return compute(chart, userValues).values();
    }

    /**
     * Computes the chart's values, the subcharts that stay enabled and the warnings Helm would log on the way.
     *
     * @throws IllegalArgumentException naming the key path when the user's values for a subchart are not a mapping
     */
    public static CoalescedValues compute(Chart chart, Values userValues) {
        Objects.requireNonNull(chart, "chart required");
        Objects.requireNonNull(userValues, "userValues required");
        MutableChart root = toMutable(chart, chart.name());
        Map<String, Object> user = userValues.toMutableMap();
        Set<CoalescingWarning> warnings = new LinkedHashSet<>();
        Coalescing.Warnings sink = (warning, key, dependency) ->
                warnings.add(new CoalescingWarning(CoalescingWarning.Kind.valueOf(warning.name()), key, dependency));
        try {
            DependencyProcessing.processWithMerge(root, user, sink);
            Map<String, Object> coalesced = Coalescing.coalesceValues(root, user, sink);
            Set<String> enabled = new LinkedHashSet<>();
            collect(root, "", enabled);
            return new CoalescedValues(Values.of(coalesced), enabled, List.copyOf(warnings));
        } catch (ValuesTypeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Returns the subcharts that stay enabled, as dotted paths of names or aliases ({@code loki},
     * {@code loki.promtail}), in Helm's order.
     */
    public static Set<String> enabledSubcharts(Chart chart, Values userValues) {
        return compute(chart, userValues).enabledSubcharts();
    }

    /**
     * Validates coalesced values against the chart's values.schema.json and, recursively, each enabled subchart's
     * values (under its name or alias) against the subchart's schema, as Helm's {@code ValidateAgainstSchema}
     * does before rendering.
     *
     * @param coalesced what {@link #coalesce} returned for the same chart
     * @throws com.webgrip.deploy.helm.values.SchemaReferenceException when a schema refers to a document outside
     *     itself (nothing is ever fetched; see {@link ValuesSchema})
     * @throws HelmInputException when a schema is not usable JSON Schema
     */
    public static List<SchemaViolation> validate(Chart chart, Values coalesced) throws HelmInputException {
        List<SchemaViolation> out = new ArrayList<>();
        validate(chart, chart.name(), coalesced, out);
        return out;
    }

    private static void validate(Chart chart, String path, Values values, List<SchemaViolation> out)
            throws HelmInputException {
        if (chart.schema().isPresent()) {
            out.addAll(ValuesSchema.helm().validate(path, values, chart.schema().get()));
        }
        for (Chart sub : chart.subcharts()) {
            for (String key : valuesKeys(chart, sub)) {
                if (values.contains(key) && values.get(key).isPresent()) {
                    Optional<Values> table = values.table(key);
                    if (table.isEmpty()) {
                        out.add(new SchemaViolation(
                                path + "." + key, "", "type", "invalid type for values: expected object (map)"));
                    } else {
                        validate(sub, path + "." + key, table.get(), out);
                    }
                }
            }
        }
    }

    /** The keys a subchart's values live under: its aliases, or its name when no declaration renames it. */
    private static List<String> valuesKeys(Chart parent, Chart sub) {
        List<String> keys = new ArrayList<>();
        for (ChartDependency d : parent.metadata().dependencies()) {
            if (d.name().equals(sub.name())
                    && DependencyProcessing.isCompatibleRange(
                            d.version(), sub.metadata().version())) {
                keys.add(d.valuesKey());
            }
        }
        return keys.isEmpty() ? List.of(sub.name()) : keys;
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
