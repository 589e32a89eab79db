package com.webgrip.deploy.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.values.UserValues;
import com.webgrip.deploy.helm.values.Values;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Helm's coalescing rules, case by case; the differential test checks the same against real Helm. */
class ChartValuesTest {

    private static Values yaml(String text) throws HelmInputException {
        return Values.parse(text, "test.yaml");
    }

    private static Chart chart(String name, String values, List<ChartDependency> deps, Chart... subs)
            throws HelmInputException {
        return Chart.of(ChartMetadata.of(name, "1.0.0").withDependencies(deps), yaml(values), List.of(subs));
    }

    @Test
    void userValuesWinMapsMergeListsReplace() throws HelmInputException {
        Chart c = chart("app", "a: {b: 1, c: 2}\nlist: [1, 2]\nkeep: x\n", List.of());
        Values out = ChartValues.coalesce(c, yaml("a: {b: 9}\nlist: [3]\n"));
        assertThat(out).isEqualTo(yaml("a: {b: 9, c: 2}\nlist: [3]\nkeep: x\n"));
    }

    @Test
    void aUserNullRemovesTheDefaultKeyAtEveryDepth() throws HelmInputException {
        Chart c = chart("app", "a: {b: 1, c: 2}\ntop: 1\n", List.of());
        Values out = ChartValues.coalesce(c, yaml("a: {b: null}\ntop: null\n"));
        assertThat(out).isEqualTo(yaml("a: {c: 2}\n"));
    }

    @Test
    void aUserNullForAKeyTheChartDoesNotHaveStaysNull() throws HelmInputException {
        Chart c = chart("app", "a: {b: 1}\n", List.of());
        Values out = ChartValues.coalesce(c, yaml("a: {z: null}\nnew: null\n"));
        assertThat(out.contains("a", "z")).isTrue();
        assertThat(out.contains("new")).isTrue();
        assertThat(out.get("a", "b")).contains(1L);
    }

    @Test
    void subchartDefaultsLandUnderItsNameAndGlobalsFlowDown() throws HelmInputException {
        Chart sub = chart("db", "port: 5432\nglobal: {region: default, sub: only}\n", List.of());
        Chart parent =
                chart("app", "global: {region: eu}\ndb: {port: 6000}\n", List.of(ChartDependency.of("db", "1.x")), sub);
        Values out = ChartValues.coalesce(parent, Values.empty());
        assertThat(out.get("db", "port")).contains(6000L);
        assertThat(out.get("db", "global", "region")).contains("eu");
        assertThat(out.get("db", "global", "sub")).contains("only");
        assertThat(out.get("global", "region")).contains("eu");
    }

    @Test
    void anAliasRenamesTheSubchartsValuesKey() throws HelmInputException {
        Chart sub = chart("db", "port: 5432\n", List.of());
        Chart parent =
                chart("app", "", List.of(ChartDependency.of("db", "^1.0.0").withAlias("primary")), sub);
        Values out = ChartValues.coalesce(parent, Values.empty());
        assertThat(out.get("primary", "port")).contains(5432L);
        assertThat(out.contains("db")).isFalse();
        assertThat(ChartValues.enabledSubcharts(parent, Values.empty())).containsExactly("primary");
    }

    @Test
    void aFalseConditionDropsTheSubchartAndItsDefaults() throws HelmInputException {
        Chart sub = chart("db", "port: 5432\n", List.of());
        Chart parent = chart(
                "app",
                "db: {enabled: true}\n",
                List.of(ChartDependency.of("db", "*").withCondition("db.enabled")),
                sub);
        Values user = UserValues.builder().set("db.enabled=false").build();
        assertThat(ChartValues.enabledSubcharts(parent, user)).isEmpty();
        assertThat(ChartValues.coalesce(parent, user).get("db")).contains(Map.of("enabled", false));
    }

    @Test
    void tagsDisableUnlessAConditionSaysOtherwise() throws HelmInputException {
        Chart sub = chart("db", "port: 5432\n", List.of());
        ChartDependency dep = ChartDependency.of("db", "*").withTags(List.of("backend"));
        Chart parent = chart("app", "tags: {backend: false}\n", List.of(dep), sub);
        assertThat(ChartValues.enabledSubcharts(parent, Values.empty())).isEmpty();
        Chart withCondition =
                chart("app", "tags: {backend: false}\ndb: {up: true}\n", List.of(dep.withCondition("db.up")), sub);
        assertThat(ChartValues.enabledSubcharts(withCondition, Values.empty())).containsExactly("db");
    }

    @Test
    void importValuesCopyAChildTableIntoTheParent() throws HelmInputException {
        Chart sub = chart("db", "exports: {conn: {host: db, port: 1}}\nsettings: {a: 1}\n", List.of());
        ChartDependency dep = ChartDependency.of("db", "*")
                .withImportValues(List.of("conn", Map.of("child", "settings", "parent", "dbSettings")));
        Chart parent = chart("app", "port: 2\n", List.of(dep), sub);
        Values out = ChartValues.coalesce(parent, Values.empty());
        assertThat(out.get("host")).contains("db");
        assertThat(out.get("port")).contains(2L);
        assertThat(out.get("dbSettings", "a")).contains(1L);
    }

    @Test
    void aSubchartWhoseVersionDoesNotMeetTheConstraintIsKeptUnderItsOwnName() throws HelmInputException {
        Chart sub = chart("db", "port: 1\n", List.of());
        Chart parent =
                chart("app", "", List.of(ChartDependency.of("db", "^2.0.0").withAlias("other")), sub);
        assertThat(ChartValues.enabledSubcharts(parent, Values.empty())).containsExactly("db");
    }
}
