package com.webgrip.deploy.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.internal.Coalescing;
import com.webgrip.deploy.helm.values.Values;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed coalescing warnings; {@code CoalescingWarningsDifferentialTest} holds their text against Helm's log. */
class CoalescingWarningTest {
    private static Values yaml(String text) throws HelmInputException {
        return Values.parse(text, "test.yaml");
    }

    private static Chart withSub(String parentValues, String subValues, ChartDependency dependency)
            throws HelmInputException {
        Chart sub = Chart.of(ChartMetadata.of("db", "1.0.0"), yaml(subValues), List.of());
        return Chart.of(
                ChartMetadata.of("app", "1.0.0").withDependencies(List.of(dependency)),
                yaml(parentValues),
                List.of(sub));
    }

    @Test
    void reportsATableOverAScalarDefaultAndKeepsTheUsersTable() throws HelmInputException {
        Chart chart = Chart.of(ChartMetadata.of("app", "1.0.0"), yaml("port: 80\n"), List.of());
        CoalescedValues result = ChartValues.compute(chart, yaml("port: {number: 8080}\n"));
        assertThat(result.warnings())
                .containsExactly(new CoalescingWarning(CoalescingWarning.Kind.SKIPPED_NOT_A_TABLE, "app.port", ""));
        assertThat(result.warnings().get(0).helmMessage())
                .isEqualTo("warning: skipped value for app.port: Not a table.");
        assertThat(result.values().get("port", "number")).contains(8080L);
    }

    @Test
    void reportsDeeperConflictsBothWaysWithoutTheValue() throws HelmInputException {
        Chart chart = Chart.of(ChartMetadata.of("app", "1.0.0"), yaml("a: {tls: {key: k}, host: h}\n"), List.of());
        CoalescedValues result = ChartValues.compute(chart, yaml("a: {tls: s3cr3t, host: {name: s3cr3t}}\n"));
        assertThat(result.warnings())
                .extracting(CoalescingWarning::helmMessage)
                .containsExactlyInAnyOrder(
                        "warning: cannot overwrite table with non table for app.a.tls",
                        "warning: destination for app.a.host is a table. Ignoring non-table value");
        assertThat(result.warnings().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void reportsNonBooleanConditionsAndTagsNamingTheDependency() throws HelmInputException {
        ChartDependency dependency =
                ChartDependency.of("db", "*").withCondition("db.enabled").withTags(List.of("backend"));
        Chart chart = withSub("tags: {backend: 'yes'}\ndb: {enabled: 'on'}\n", "{}", dependency);
        assertThat(ChartValues.compute(chart, Values.empty()).warnings())
                .extracting(CoalescingWarning::helmMessage)
                .containsExactly(
                        "Warning: Tag 'backend' for chart db returned non-bool value",
                        "Warning: Condition path 'db.enabled' for chart db returned non-bool value");
    }

    @Test
    void reportsMissingImportTablesNamingTheFirstMissingKey() throws HelmInputException {
        ChartDependency dependency = ChartDependency.of("db", "*")
                .withImportValues(List.of("conn", Map.of("child", "settings.deep", "parent", "s")));
        Chart chart = withSub("{}", "settings: 1\n", dependency);
        assertThat(ChartValues.compute(chart, Values.empty()).warnings())
                .containsExactly(
                        new CoalescingWarning(CoalescingWarning.Kind.EXPORT_MISSING_TABLE, "exports", "db"),
                        new CoalescingWarning(CoalescingWarning.Kind.IMPORT_MISSING_TABLE, "settings", "db"));
    }

    @Test
    void reportsEachWarningOnceThoughHelmCoalescesInSeveralPasses() throws HelmInputException {
        Chart chart = withSub("b: 1\n", "{}", ChartDependency.of("db", "*"));
        assertThat(ChartValues.compute(chart, yaml("b: {x: 1}\n")).warnings()).hasSize(1);
    }

    @Test
    void cleanValuesHaveNoWarnings() throws HelmInputException {
        Chart chart = withSub("a: {b: 1}\nglobal: {g: 1}\n", "c: 2\n", ChartDependency.of("db", "*"));
        assertThat(ChartValues.compute(chart, yaml("a: {b: 2}\ndb: {c: 3}\n")).warnings())
                .isEmpty();
    }

    @Test
    void everyWarningOfThePortHasAPublicKind() {
        assertThat(Arrays.stream(Coalescing.Warning.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(CoalescingWarning.Kind.values())
                        .map(Enum::name)
                        .toList());
    }
}
