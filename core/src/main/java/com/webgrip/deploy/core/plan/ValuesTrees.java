package com.webgrip.deploy.core.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Copies of values trees (maps, lists, scalars) that nobody can change. */
final class ValuesTrees {
    private ValuesTrees() {}

    static Map<String, Object> immutableCopy(Map<String, ?> tree) {
        Objects.requireNonNull(tree, "values required");
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "values key"), copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(String.valueOf(key), copyValue(inner)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(inner -> copy.add(copyValue(inner)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
