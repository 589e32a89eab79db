package com.webgrip.deploy.core.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies and merges of plain values trees. */
final class Values {
    private Values() {}

    static Map<String, Object> immutableCopy(Map<String, ?> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((key, value) -> copy.put(key, copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(String.valueOf(key), copyValue(inner)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(inner -> copy.add(copyValue(inner)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** {@code over} merged onto {@code base}: maps merge deeply, anything else replaces. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            Object existing = out.get(key);
            if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                out.put(key, merge((Map<String, ?>) a, (Map<String, ?>) b));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }
}
