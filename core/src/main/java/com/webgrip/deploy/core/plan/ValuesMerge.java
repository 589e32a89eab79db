package com.webgrip.deploy.core.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges values layers. {@link #merge} is Helm's merge of values files and {@code --set} (maps merge
 * key by key, anything else replaces, a {@code null} is kept so that Helm later removes the chart's
 * default); {@link #coalesce} lays such values over chart defaults, where a {@code null} removes.
 */
final class ValuesMerge {
    private ValuesMerge() {}

    /** A new mutable tree: {@code base} with {@code layer} merged over it; neither is changed. */
    static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> layer) {
        Map<String, Object> result = mutableCopy(base);
        mergeInto(result, layer, false);
        return result;
    }

    /** Chart defaults with user values over them; a user {@code null} removes the default. */
    static Map<String, Object> coalesce(Map<String, ?> defaults, Map<String, ?> user) {
        Map<String, Object> result = mutableCopy(defaults);
        mergeInto(result, user, true);
        return result;
    }

    @SuppressWarnings("unchecked") // mutableCopy builds every inner map as Map<String, Object>
    private static void mergeInto(Map<String, Object> target, Map<String, ?> layer, boolean nullRemoves) {
        layer.forEach((key, value) -> {
            if (value == null && nullRemoves) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?>) {
                mergeInto((Map<String, Object>) target.get(key), (Map<String, ?>) map, nullRemoves);
            } else {
                target.put(key, copy(value));
            }
        });
    }

    private static Map<String, Object> mutableCopy(Map<String, ?> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((key, value) -> copy.put(key, copy(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, ?>) map).forEach((key, inner) -> copy.put(key, copy(inner)));
            return copy;
        }
        if (value instanceof java.util.List<?> list) {
            java.util.List<Object> copy = new java.util.ArrayList<>(list.size());
            list.forEach(inner -> copy.add(copy(inner)));
            return copy;
        }
        return value;
    }
}
