package com.webgrip.deploy.core.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges values layers the way Helm merges values files and {@code --set}: maps merge key by key,
 * anything else (lists, scalars) replaces, and a {@code null} removes the key.
 */
final class ValuesMerge {
    private ValuesMerge() {}

    /** A new mutable tree: {@code base} with {@code layer} merged over it; neither is changed. */
    static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> layer) {
        Map<String, Object> result = mutableCopy(base);
        mergeInto(result, layer);
        return result;
    }

    @SuppressWarnings("unchecked") // mutableCopy builds every inner map as Map<String, Object>
    private static void mergeInto(Map<String, Object> target, Map<String, ?> layer) {
        layer.forEach((key, value) -> {
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?>) {
                mergeInto((Map<String, Object>) target.get(key), (Map<String, ?>) map);
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
            ((Map<String, ?>) map).forEach((key, inner) -> {
                if (inner != null) {
                    copy.put(key, copy(inner));
                }
            });
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
