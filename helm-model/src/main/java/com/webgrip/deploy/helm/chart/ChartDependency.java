package com.webgrip.deploy.helm.chart;

import java.util.List;
import java.util.Objects;

/**
 * One entry of Chart.yaml's {@code dependencies} (or of requirements.yaml in an apiVersion v1 chart). Absent
 * strings are empty.
 *
 * @param name the subchart's chart name
 * @param version a version constraint the subchart's version must meet ({@code ^1.2.0}, {@code 0.12.*})
 * @param repository where the subchart comes from, or empty for a chart kept under {@code charts/}
 * @param condition comma-separated value paths; the first that holds a boolean enables or disables the subchart
 * @param tags tag names looked up under the top-level {@code tags} value
 * @param enabled the {@code enabled} field as written (Helm recomputes it from tags and conditions)
 * @param importValues the {@code import-values} entries as written: strings, or maps with {@code child} and
 *     {@code parent}
 * @param alias the name the subchart takes in its parent, or empty
 */
public record ChartDependency(
        String name,
        String version,
        String repository,
        String condition,
        List<String> tags,
        boolean enabled,
        List<Object> importValues,
        String alias) {

    /** Validates that no field is null, and copies the lists. */
    public ChartDependency {
        Objects.requireNonNull(name, "name required");
        Objects.requireNonNull(version, "version required");
        Objects.requireNonNull(repository, "repository required");
        Objects.requireNonNull(condition, "condition required");
        tags = List.copyOf(tags);
        importValues = List.copyOf(importValues);
        Objects.requireNonNull(alias, "alias required");
    }

    /** A dependency with only a name and a version constraint. */
    public static ChartDependency of(String name, String version) {
        return new ChartDependency(name, version, "", "", List.of(), false, List.of(), "");
    }

    /** Returns a copy with the given alias. */
    public ChartDependency withAlias(String newAlias) {
        return new ChartDependency(name, version, repository, condition, tags, enabled, importValues, newAlias);
    }

    /** Returns a copy with the given condition. */
    public ChartDependency withCondition(String newCondition) {
        return new ChartDependency(name, version, repository, newCondition, tags, enabled, importValues, alias);
    }

    /** Returns a copy with the given tags. */
    public ChartDependency withTags(List<String> newTags) {
        return new ChartDependency(name, version, repository, condition, newTags, enabled, importValues, alias);
    }

    /** Returns a copy with the given import-values entries. */
    public ChartDependency withImportValues(List<Object> entries) {
        return new ChartDependency(name, version, repository, condition, tags, enabled, entries, alias);
    }

    /** Returns the key the subchart's values live under in its parent: the alias, else the name. */
    public String valuesKey() {
        return alias.isEmpty() ? name : alias;
    }
}
