package com.webgrip.deploy.helm.chart;

import java.util.Objects;

/**
 * Something Helm 3.21 logs as a warning while it computes a chart's values, and then carries on: a user's table for
 * a key whose default is not a table, a non-boolean condition or tag, a missing import-values table. The values
 * are still computed (the conflicting value is skipped, as in Helm), but the warning usually points at a mistake
 * in a values file.
 *
 * @param kind which of Helm's log statements this is
 * @param key the dotted key path ({@code parent.image.tag}), the key under {@code global}, the condition or the tag
 *     the warning is about; empty for the two globals-not-a-table warnings
 * @param chart the dependency (name or alias) for the condition, tag and import-values warnings, else empty
 */
public record CoalescingWarning(Kind kind, String key, String chart) {
    /** Helm 3.21's warnings, one per log statement of {@code coalesce.go} and {@code dependencies.go}. */
    public enum Kind {
        /** The user gave a table for a key whose chart default is not a table; the user's table is kept. */
        SKIPPED_NOT_A_TABLE,
        /** A table in the chart's defaults meets a non-table from the user, who wins. */
        TABLE_OVER_NON_TABLE,
        /** A non-table default meets a table from the user, who wins. */
        NON_TABLE_OVER_TABLE,
        /** A subchart's {@code global} is not a table, so no globals reach it. */
        GLOBALS_DESTINATION_NOT_A_TABLE,
        /** The parent's {@code global} is not a table, so no globals reach the subchart. */
        GLOBALS_SOURCE_NOT_A_TABLE,
        /** A parent's global table meets a non-table global of the subchart; the subchart's is kept. */
        GLOBAL_TABLE_OVER_NON_TABLE,
        /** A parent's non-table global meets a global table of the subchart; the subchart's is kept. */
        GLOBAL_NON_TABLE_OVER_TABLE,
        /** A dependency's condition names a value that is not a boolean; the next condition, if any, decides. */
        CONDITION_NOT_BOOLEAN,
        /** A tag of a dependency is set to something other than a boolean, and so does not count. */
        TAG_NOT_BOOLEAN,
        /** An import-values entry ({@code child}/{@code parent} form) names a child table that does not exist. */
        IMPORT_MISSING_TABLE,
        /** An import-values entry (string form) names an {@code exports} table that does not exist. */
        EXPORT_MISSING_TABLE
    }

    /** Validates that no component is null. */
    public CoalescingWarning {
        Objects.requireNonNull(kind, "kind required");
        Objects.requireNonNull(key, "key required");
        Objects.requireNonNull(chart, "chart required");
    }

    /**
     * Returns the line Helm 3.21 logs, without the value Helm appends to two of them (values may be secrets): for
     * example {@code warning: skipped value for parent.image: Not a table.}
     */
    public String helmMessage() {
        return switch (kind) {
            case SKIPPED_NOT_A_TABLE -> "warning: skipped value for " + key + ": Not a table.";
            case TABLE_OVER_NON_TABLE -> "warning: cannot overwrite table with non table for " + key;
            case NON_TABLE_OVER_TABLE -> "warning: destination for " + key + " is a table. Ignoring non-table value";
            case GLOBALS_DESTINATION_NOT_A_TABLE ->
                "warning: skipping globals because destination global is not a table.";
            case GLOBALS_SOURCE_NOT_A_TABLE -> "warning: skipping globals because source global is not a table.";
            case GLOBAL_TABLE_OVER_NON_TABLE ->
                "Conflict: cannot merge map onto non-map for " + quoted(key) + ". Skipping.";
            case GLOBAL_NON_TABLE_OVER_TABLE -> "key " + key + " is table. Skipping";
            case CONDITION_NOT_BOOLEAN ->
                "Warning: Condition path '" + key + "' for chart " + chart + " returned non-bool value";
            case TAG_NOT_BOOLEAN -> "Warning: Tag '" + key + "' for chart " + chart + " returned non-bool value";
            case IMPORT_MISSING_TABLE ->
                "Warning: ImportValues missing table from chart " + chart + ": " + quoted(key) + " is not a table";
            case EXPORT_MISSING_TABLE -> "Warning: ImportValues missing table: " + quoted(key) + " is not a table";
        };
    }

    private static String quoted(String s) {
        return ChartLoader.quoted(s);
    }

    @Override
    public String toString() {
        return helmMessage();
    }
}
