package com.webgrip.deploy.core.plan;

import com.webgrip.deploy.helm.values.UserValues;
import com.webgrip.deploy.helm.values.Values;
import java.util.List;
import java.util.Map;

/**
 * Merges values layers by helm-model's rules. {@link #merge} is Helm's merge of {@code -f} files
 * (maps merge key by key, anything else replaces, a {@code null} is kept so that Helm later removes
 * the chart's default); {@link #coalesce} lays such values over chart defaults, where a {@code null}
 * removes the key.
 */
final class ValuesMerge {
    private ValuesMerge() {}

    /** A new mutable tree: {@code base} with {@code layer} merged over it; neither is changed. */
    static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> layer) {
        return UserValues.mergeFiles(List.of(Values.of(base), Values.of(layer))).toMutableMap();
    }

    /** Chart defaults with user values over them, as Helm's {@code CoalesceTables}. */
    static Map<String, Object> coalesce(Map<String, ?> defaults, Map<String, ?> user) {
        return Values.of(user).coalesceOver(Values.of(defaults)).toMutableMap();
    }
}
