package com.webgrip.deploy.helm.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Helm 3.21's {@code pkg/chartutil/coalesce.go} over mutable trees, statement for statement, because the results
 * depend on which maps are copied and which are shared (globals that leak from a subchart's defaults back up to
 * its parent come from exactly that). Warnings that Helm logs are given to a {@link Warnings} sink, at the same
 * places; they carry keys, never values. Not API.
 */
public final class Coalescing {
    private Coalescing() {}

    /** What Helm 3.21 logs while it coalesces and processes dependencies, one constant per log statement. */
    public enum Warning {
        SKIPPED_NOT_A_TABLE,
        TABLE_OVER_NON_TABLE,
        NON_TABLE_OVER_TABLE,
        GLOBALS_DESTINATION_NOT_A_TABLE,
        GLOBALS_SOURCE_NOT_A_TABLE,
        GLOBAL_TABLE_OVER_NON_TABLE,
        GLOBAL_NON_TABLE_OVER_TABLE,
        CONDITION_NOT_BOOLEAN,
        TAG_NOT_BOOLEAN,
        IMPORT_MISSING_TABLE,
        EXPORT_MISSING_TABLE
    }

    /** Collects what Helm would log as a warning. */
    public interface Warnings {
        /**
         * Records one warning.
         *
         * @param key the dotted key path, key, condition or tag the warning is about ("" when Helm names none)
         * @param chart the chart (dependency name or alias) for dependency warnings, else ""
         */
        void warn(Warning warning, String key, String chart);

        /** A sink that drops warnings. */
        Warnings IGNORE = (warning, key, chart) -> {};
    }

    /** {@code CoalesceValues}: user values over chart defaults, nulls delete; the input is not changed. */
    public static Map<String, Object> coalesceValues(MutableChart chart, Map<String, Object> vals, Warnings w) {
        Map<String, Object> copy = vals == null ? new LinkedHashMap<>() : Trees.deepCopy(vals);
        return coalesce(w, chart, copy, "", false);
    }

    /** {@code MergeValues}: like {@link #coalesceValues} but nulls are kept. */
    public static Map<String, Object> mergeValues(MutableChart chart, Map<String, Object> vals, Warnings w) {
        Map<String, Object> copy = vals == null ? new LinkedHashMap<>() : Trees.deepCopy(vals);
        return coalesce(w, chart, copy, "", true);
    }

    private static Map<String, Object> coalesce(
            Warnings w, MutableChart chart, Map<String, Object> dest, String prefix, boolean merge) {
        coalesceChartValues(w, chart, dest, prefix, merge);
        return coalesceDeps(w, chart, dest, prefix, merge);
    }

    private static Map<String, Object> coalesceDeps(
            Warnings w, MutableChart chart, Map<String, Object> dest, String prefix, boolean merge) {
        for (MutableChart sub : chart.dependencies) {
            Object current = dest.get(sub.name());
            if (!dest.containsKey(sub.name())) {
                dest.put(sub.name(), new LinkedHashMap<String, Object>());
            } else if (!Trees.isTable(current)) {
                throw new ValuesTypeException(
                        concat(prefix, sub.name()), "a mapping (the values of a subchart)", current);
            }
            Map<String, Object> subValues = Trees.table(dest.get(sub.name()));
            String subPrefix = concat(prefix, chart.name());
            coalesceGlobals(w, subValues, dest, subPrefix);
            dest.put(sub.name(), coalesce(w, sub, subValues, subPrefix, merge));
        }
        return dest;
    }

    private static void coalesceGlobals(Warnings w, Map<String, Object> dest, Map<String, Object> src, String prefix) {
        Map<String, Object> dg;
        Map<String, Object> sg;
        if (!dest.containsKey("global")) {
            dg = new LinkedHashMap<>();
        } else if (Trees.isTable(dest.get("global"))) {
            dg = Trees.table(dest.get("global"));
        } else {
            w.warn(Warning.GLOBALS_DESTINATION_NOT_A_TABLE, "", "");
            return;
        }
        if (!src.containsKey("global")) {
            sg = new LinkedHashMap<>();
        } else if (Trees.isTable(src.get("global"))) {
            sg = Trees.table(src.get("global"));
        } else {
            w.warn(Warning.GLOBALS_SOURCE_NOT_A_TABLE, "", "");
            return;
        }
        for (Map.Entry<String, Object> e : new ArrayList<>(sg.entrySet())) {
            String key = e.getKey();
            Object val = e.getValue();
            if (Trees.isTable(val)) {
                // A shallow copy, as Helm's copyMap: deeper tables stay shared with the parent's globals.
                Map<String, Object> vv = Trees.shallowCopy(Trees.table(val));
                if (!dg.containsKey(key)) {
                    dg.put(key, vv);
                } else if (!Trees.isTable(dg.get(key))) {
                    w.warn(Warning.GLOBAL_TABLE_OVER_NON_TABLE, key, "");
                } else {
                    coalesceTablesFullKey(w, vv, Trees.table(dg.get(key)), concat(prefix, key), true);
                    dg.put(key, vv);
                }
            } else if (dg.containsKey(key) && Trees.isTable(dg.get(key))) {
                w.warn(Warning.GLOBAL_NON_TABLE_OVER_TABLE, key, "");
            } else {
                dg.put(key, val);
            }
        }
        dest.put("global", dg);
    }

    private static void coalesceChartValues(
            Warnings w, MutableChart chart, Map<String, Object> v, String prefix, boolean merge) {
        String subPrefix = concat(prefix, chart.name());
        Map<String, Object> vc = chart.values == null ? new LinkedHashMap<>() : Trees.deepCopy(chart.values);
        for (Map.Entry<String, Object> e : vc.entrySet()) {
            String key = e.getKey();
            Object val = e.getValue();
            if (v.containsKey(key)) {
                Object value = v.get(key);
                if (value == null && !merge) {
                    // A null from the user removes the chart's key.
                    v.remove(key);
                } else if (Trees.isTable(value)) {
                    if (!Trees.isTable(val)) {
                        if (val != null) {
                            w.warn(Warning.SKIPPED_NOT_A_TABLE, concat(subPrefix, key), "");
                        }
                    } else {
                        boolean childMerge = childChartMergeTrue(chart, key, merge);
                        coalesceTablesFullKey(
                                w, Trees.table(value), Trees.table(val), concat(subPrefix, key), childMerge);
                    }
                }
            } else {
                v.put(key, val);
            }
        }
    }

    private static boolean childChartMergeTrue(MutableChart chart, String key, boolean merge) {
        for (MutableChart sub : chart.dependencies) {
            if (sub.name().equals(key)) {
                return true;
            }
        }
        return merge;
    }

    /** {@code CoalesceTables}: {@code dst} is authoritative; nulls in {@code dst} delete {@code src}'s keys. */
    public static Map<String, Object> coalesceTables(Map<String, Object> dst, Map<String, Object> src) {
        return coalesceTablesFullKey(Warnings.IGNORE, dst, src, "", false);
    }

    /** {@code CoalesceTables}, reporting what Helm logs. */
    static Map<String, Object> coalesceTables(Warnings w, Map<String, Object> dst, Map<String, Object> src) {
        return coalesceTablesFullKey(w, dst, src, "", false);
    }

    /** {@code MergeTables}: like {@link #coalesceTables} but nulls are kept; reports what Helm logs. */
    static Map<String, Object> mergeTables(Warnings w, Map<String, Object> dst, Map<String, Object> src) {
        return coalesceTablesFullKey(w, dst, src, "", true);
    }

    /** {@code coalesceTablesFullKey}; note that, as in Helm, {@code src} gains the null keys of {@code dst}. */
    public static Map<String, Object> coalesceTablesFullKey(
            Warnings w, Map<String, Object> dst, Map<String, Object> src, String prefix, boolean merge) {
        if (src == null) {
            return dst;
        }
        if (dst == null) {
            return src;
        }
        Set<String> srcOriginalNonNil = new HashSet<>();
        for (Map.Entry<String, Object> e : src.entrySet()) {
            if (e.getValue() != null) {
                srcOriginalNonNil.add(e.getKey());
            }
        }
        for (Map.Entry<String, Object> e : new ArrayList<>(dst.entrySet())) {
            if (e.getValue() == null) {
                src.put(e.getKey(), null);
            }
        }
        for (Map.Entry<String, Object> e : new ArrayList<>(src.entrySet())) {
            String key = e.getKey();
            Object val = e.getValue();
            String fullKey = concat(prefix, key);
            boolean ok = dst.containsKey(key);
            Object dv = dst.get(key);
            if (ok && !merge && dv == null && srcOriginalNonNil.contains(key)) {
                // The user nulled a default: the key goes.
                dst.remove(key);
            } else if (!ok) {
                dst.put(key, val);
            } else if (Trees.isTable(val)) {
                if (Trees.isTable(dv)) {
                    coalesceTablesFullKey(w, Trees.table(dv), Trees.table(val), fullKey, merge);
                } else {
                    w.warn(Warning.TABLE_OVER_NON_TABLE, fullKey, "");
                }
            } else if (Trees.isTable(dv) && val != null) {
                w.warn(Warning.NON_TABLE_OVER_TABLE, fullKey, "");
            }
        }
        return dst;
    }

    static String concat(String a, String b) {
        return a.isEmpty() ? b : a + "." + b;
    }

    /** Removes null values from tables, recursively, on a deep copy ({@code trimNilValues}). */
    static Map<String, Object> trimNilValues(Map<String, Object> vals) {
        Map<String, Object> copy = Trees.deepCopy(vals);
        trimInPlace(copy);
        return copy;
    }

    private static void trimInPlace(Map<String, Object> map) {
        List<String> nulls = new ArrayList<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() == null) {
                nulls.add(e.getKey());
            } else if (Trees.isTable(e.getValue())) {
                trimInPlace(Trees.table(e.getValue()));
            }
        }
        nulls.forEach(map::remove);
    }
}
