package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.values.Values;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link ChartValues#compute} found for a chart and the user's values.
 *
 * @param values {@code .Values} of the chart's own templates (a subchart's templates see the table under its name)
 * @param enabledSubcharts the subcharts that stay enabled, as dotted paths of names or aliases, in Helm's order
 * @param warnings what Helm would log on the way, each warning once, in the order Helm meets them first (Helm
 *     coalesces in more than one pass and may log the same warning more than once)
 */
public record CoalescedValues(Values values, Set<String> enabledSubcharts, List<CoalescingWarning> warnings) {
    /** Copies the collections; no component may be null. */
    public CoalescedValues {
        Objects.requireNonNull(values, "values required");
        enabledSubcharts = Collections.unmodifiableSet(new LinkedHashSet<>(enabledSubcharts));
        warnings = List.copyOf(warnings);
    }
}
