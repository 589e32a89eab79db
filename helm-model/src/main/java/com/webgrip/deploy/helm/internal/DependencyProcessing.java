package com.webgrip.deploy.helm.internal;

import com.webgrip.deploy.helm.semver.Constraint;
import com.webgrip.deploy.helm.semver.InvalidVersionException;
import com.webgrip.deploy.helm.semver.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Helm 3.21's {@code pkg/chartutil/dependencies.go}: which subcharts a chart's values enable (tags, then
 * conditions), aliases, and import-values, as {@code ProcessDependenciesWithMerge} runs them before rendering.
 * Works in place on {@link MutableChart}s. Not API.
 */
public final class DependencyProcessing {
    private DependencyProcessing() {}

    /** {@code ProcessDependenciesWithMerge(c, v)}. */
    public static void processWithMerge(MutableChart chart, Map<String, Object> vals, Coalescing.Warnings w) {
        processEnabled(chart, vals, "", w);
        processImportValuesRecursively(chart, true, w);
    }

    /** {@code IsCompatibleRange}: false when either side does not parse. */
    public static boolean isCompatibleRange(String constraint, String version) {
        try {
            return Constraint.parse(constraint).matches(Version.parse(version));
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    private static void processEnabled(MutableChart c, Map<String, Object> v, String path, Coalescing.Warnings w) {
        if (c.metadata.dependencies == null) {
            return;
        }
        List<MutableChart> chartDependencies = new ArrayList<>();
        existing:
        for (MutableChart existing : c.dependencies) {
            for (MutableChart.Dependency req : c.metadata.dependencies) {
                if (existing.name().equals(req.name) && isCompatibleRange(req.version, existing.metadata.version)) {
                    continue existing;
                }
            }
            chartDependencies.add(existing);
        }
        for (MutableChart.Dependency req : c.metadata.dependencies) {
            MutableChart alias = aliasDependency(c.dependencies, req);
            if (alias != null) {
                chartDependencies.add(alias);
            }
            if (!req.alias.isEmpty()) {
                req.name = req.alias;
            }
        }
        c.dependencies = chartDependencies;
        for (MutableChart.Dependency req : c.metadata.dependencies) {
            req.enabled = true;
        }
        Map<String, Object> cvals = Coalescing.coalesceValues(c, v, w);
        processTags(c.metadata.dependencies, cvals, w);
        processConditions(c.metadata.dependencies, cvals, path, w);
        Set<String> removed = new HashSet<>();
        for (MutableChart.Dependency req : c.metadata.dependencies) {
            if (!req.enabled) {
                removed.add(req.name);
            }
        }
        List<MutableChart> kept = new ArrayList<>();
        for (MutableChart sub : c.dependencies) {
            if (!removed.contains(sub.name())) {
                kept.add(sub);
            }
        }
        List<MutableChart.Dependency> keptMetadata = new ArrayList<>();
        for (MutableChart.Dependency req : c.metadata.dependencies) {
            if (!removed.contains(req.name)) {
                keptMetadata.add(req);
            }
        }
        for (MutableChart sub : kept) {
            processEnabled(sub, cvals, path + sub.name() + ".", w);
        }
        // Go's append onto a nil slice of nothing stays nil.
        c.metadata.dependencies = keptMetadata.isEmpty() ? null : keptMetadata;
        c.dependencies = kept;
    }

    private static MutableChart aliasDependency(List<MutableChart> charts, MutableChart.Dependency dep) {
        for (MutableChart chart : charts) {
            if (!chart.name().equals(dep.name) || !isCompatibleRange(dep.version, chart.metadata.version)) {
                continue;
            }
            MutableChart out = chart.copyForAlias();
            if (!dep.alias.isEmpty()) {
                out.metadata.name = dep.alias;
            }
            return out;
        }
        return null;
    }

    private static void processTags(
            List<MutableChart.Dependency> reqs, Map<String, Object> cvals, Coalescing.Warnings w) {
        Optional<Map<String, Object>> tags = table(cvals, "tags");
        if (tags.isEmpty()) {
            return;
        }
        for (MutableChart.Dependency r : reqs) {
            boolean hasTrue = false;
            boolean hasFalse = false;
            for (String tag : r.tags) {
                if (tags.get().containsKey(tag)) {
                    Object b = tags.get().get(tag);
                    if (b instanceof Boolean bool) {
                        hasTrue |= bool;
                        hasFalse |= !bool;
                    } else {
                        w.warn(Coalescing.Warning.TAG_NOT_BOOLEAN, tag, r.name);
                    }
                }
            }
            if (!hasTrue && hasFalse) {
                r.enabled = false;
            } else {
                r.enabled = true;
            }
        }
    }

    private static void processConditions(
            List<MutableChart.Dependency> reqs, Map<String, Object> cvals, String cpath, Coalescing.Warnings w) {
        for (MutableChart.Dependency r : reqs) {
            for (String condition : r.condition.strip().split(",", -1)) {
                if (condition.isEmpty()) {
                    continue;
                }
                Optional<Object[]> found = pathValue(cvals, cpath + condition);
                if (found.isPresent()) {
                    Object value = found.get()[0];
                    if (value instanceof Boolean bool) {
                        r.enabled = bool;
                        break;
                    }
                    w.warn(Coalescing.Warning.CONDITION_NOT_BOOLEAN, condition, r.name);
                }
            }
        }
    }

    /** {@code Values.Table(name)}: the table at a dotted path. */
    static Optional<Map<String, Object>> table(Map<String, Object> values, String dottedPath) {
        return Optional.ofNullable(lookup(values, dottedPath).table);
    }

    /** The table at a path, or (as Helm's {@code ErrNoTable}) the first key that is missing or not a table. */
    private record Lookup(Map<String, Object> table, String missing) {}

    private static Lookup lookup(Map<String, Object> values, String dottedPath) {
        Map<String, Object> current = values;
        for (String part : dottedPath.split("\\.", -1)) {
            Object next = current.get(part);
            if (!Trees.isTable(next)) {
                return new Lookup(null, part);
            }
            current = Trees.table(next);
        }
        return new Lookup(current, "");
    }

    /** {@code Values.PathValue(path)}: a non-table value at a dotted path; wrapped so that null can be found. */
    static Optional<Object[]> pathValue(Map<String, Object> values, String dottedPath) {
        List<String> parts = Arrays.asList(dottedPath.split("\\.", -1));
        Map<String, Object> container = values;
        if (parts.size() > 1) {
            Optional<Map<String, Object>> t = table(values, String.join(".", parts.subList(0, parts.size() - 1)));
            if (t.isEmpty()) {
                return Optional.empty();
            }
            container = t.get();
        }
        String key = parts.get(parts.size() - 1);
        if (container.containsKey(key) && !Trees.isTable(container.get(key))) {
            return Optional.of(new Object[] {container.get(key)});
        }
        return Optional.empty();
    }

    private static void processImportValuesRecursively(MutableChart c, boolean merge, Coalescing.Warnings w) {
        for (MutableChart sub : c.dependencies) {
            processImportValuesRecursively(sub, merge, w);
        }
        processImportValues(c, merge, w);
    }

    private static void processImportValues(MutableChart c, boolean merge, Coalescing.Warnings w) {
        if (c.metadata.dependencies == null) {
            return;
        }
        Map<String, Object> cvals = merge ? Coalescing.mergeValues(c, null, w) : Coalescing.coalesceValues(c, null, w);
        Map<String, Object> b = new LinkedHashMap<>();
        for (MutableChart.Dependency r : c.metadata.dependencies) {
            List<Object> normalized = new ArrayList<>();
            for (Object riv : r.importValues) {
                Map<String, Object> imported;
                if (riv instanceof Map) {
                    Map<String, Object> iv = Trees.table(riv);
                    String child = goFormat(iv.get("child"));
                    String parent = goFormat(iv.get("parent"));
                    normalized.add(new MutableChart.NormalizedImport(child, parent));
                    Lookup vv = lookup(cvals, r.name + "." + child);
                    if (vv.table == null) {
                        w.warn(Coalescing.Warning.IMPORT_MISSING_TABLE, vv.missing, r.name);
                        continue;
                    }
                    imported = pathToMap(parent, vv.table);
                } else if (riv instanceof String) {
                    String child = "exports." + riv;
                    normalized.add(new MutableChart.NormalizedImport(child, "."));
                    Lookup vm = lookup(cvals, r.name + "." + child);
                    if (vm.table == null) {
                        w.warn(Coalescing.Warning.EXPORT_MISSING_TABLE, vm.missing, r.name);
                        continue;
                    }
                    imported = vm.table;
                } else {
                    continue;
                }
                b = merge ? Coalescing.mergeTables(w, b, imported) : Coalescing.coalesceTables(w, b, imported);
            }
            r.importValues = normalized;
        }
        if (merge) {
            c.values = Coalescing.mergeTables(w, Trees.deepCopy(cvals), b);
        } else {
            c.values = Coalescing.coalesceTables(w, Coalescing.trimNilValues(cvals), b);
        }
    }

    private static Map<String, Object> pathToMap(String path, Map<String, Object> data) {
        if (path.equals(".")) {
            return data;
        }
        String[] parts = path.split("\\.", -1);
        Map<String, Object> current = data;
        for (int i = parts.length - 1; i >= 0; i--) {
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put(parts[i], current);
            current = outer;
        }
        return current;
    }

    /** Go's {@code fmt.Sprintf("%v", x)} for the scalars an import-values entry can hold. */
    private static String goFormat(Object value) {
        if (value == null) {
            return "<nil>";
        } else if (value instanceof Map) {
            return "map" + value;
        }
        return value.toString();
    }
}
