package com.webgrip.deploy.helm.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers over mutable value trees (maps, lists, scalars), mirroring the Go helpers Helm's values code relies on
 * ({@code copystructure.Copy}, {@code istable}). Not API.
 */
public final class Trees {
    private Trees() {}

    /** Returns whether {@code value} is a table (a YAML mapping), as Helm's {@code istable}. */
    public static boolean isTable(Object value) {
        return value instanceof Map;
    }

    /** Casts a table. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> table(Object value) {
        return (Map<String, Object>) value;
    }

    /** Deep copy of a tree ({@code copystructure.Copy}): new maps and lists, shared immutable scalars. */
    public static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<String, Object> e : map.entrySet()) {
            copy.put(e.getKey(), deepCopyValue(e.getValue()));
        }
        return copy;
    }

    /** Deep copy of one value. */
    public static Object deepCopyValue(Object value) {
        if (value instanceof Map) {
            return deepCopy(table(value));
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(deepCopyValue(item));
            }
            return copy;
        }
        return value;
    }

    /** Shallow copy of a table ({@code copyMap} in coalesce.go): nested tables stay shared. */
    public static Map<String, Object> shallowCopy(Map<String, Object> map) {
        return new LinkedHashMap<>(map);
    }
}
