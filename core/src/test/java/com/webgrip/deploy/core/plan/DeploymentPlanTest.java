package com.webgrip.deploy.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webgrip.deploy.core.graph.ChartGraphException;
import com.webgrip.deploy.core.graph.GraphSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentPlanTest {
    static final String PASSWORD = "hunter2-very-secret";

    static DeploymentPlan samplePlan() {
        return DeploymentPlan.builder("staging")
                .step(Step.builder("060-grafana-stack", 60)
                        .needs("007-cluster-monitoring")
                        .chart("grafana", "8.5.1")
                        .release("grafana")
                        .namespace("monitoring")
                        .layer(ValuesLayer.secret(new FakeSecret(
                                Path.of("secrets/060-grafana-stack/values.sops.yaml"),
                                "sha256:abc",
                                Map.of("adminPassword", PASSWORD))))
                        .build())
                .step(Step.builder("007-cluster-monitoring", 7)
                        .needs("005-tainters")
                        .timeout(Duration.ofMinutes(10))
                        .build())
                .step(Step.builder("005-tainters", 5).build())
                .step(Step.builder("010-cert-manager", 10)
                        .needs("007-cluster-monitoring")
                        .build())
                .build();
    }

    @Test
    void ordersStepsByTheirNeedsWhateverTheOrderOfCalls() {
        DeploymentPlan plan = samplePlan();

        assertThat(plan.waves())
                .extracting(Wave::charts)
                .containsExactly(
                        List.of("005-tainters"),
                        List.of("007-cluster-monitoring"),
                        List.of("010-cert-manager", "060-grafana-stack"));
        assertThat(plan.teardownWaves()).extracting(Wave::number).containsExactly(3, 2, 1);
    }

    @Test
    void writesJsonWithATopLevelWavesArrayAndNoSecret() throws Exception {
        String json = samplePlan().render(PlanFormat.JSON);

        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("environment").asText()).isEqualTo("staging");
        JsonNode waves = root.get("waves");
        assertThat(waves).hasSize(3);
        assertThat(waves.get(2).get(1).get("chart").asText()).isEqualTo("060-grafana-stack");
        assertThat(waves.get(2).get(1).get("release").asText()).isEqualTo("grafana");
        assertThat(waves.get(2).get(1).get("namespace").asText()).isEqualTo("monitoring");
        assertThat(waves.get(2).get(1).get("layers").get(0).get("fingerprint").asText())
                .isEqualTo("sha256:abc");
        assertThat(waves.get(1).get(0).get("timeoutSeconds").asInt()).isEqualTo(600);
        assertThat(json).doesNotContain(PASSWORD);
    }

    @Test
    void writesATextTable() {
        assertThat(samplePlan().toString()).isEqualTo("""
                        Plan for environment staging: 4 steps in 3 waves
                        WAVE  CHART                   RELEASE             NAMESPACE           VERSION  TIMEOUT  VALUES
                        1     005-tainters            tainters            tainters            0.0.0    5m       -
                        2     007-cluster-monitoring  cluster-monitoring  cluster-monitoring  0.0.0    10m      -
                        3     010-cert-manager        cert-manager        cert-manager        0.0.0    5m       -
                        3     060-grafana-stack       grafana             monitoring          8.5.1    5m       secret
                        """);
    }

    @Test
    void writesMermaidAndDotWithWavesAndEdges() {
        DeploymentPlan plan = samplePlan();

        assertThat(plan.render(PlanFormat.MERMAID))
                .startsWith("flowchart LR\n  subgraph wave1[\"wave 1\"]\n    c_005_tainters[\"005-tainters<br/>")
                .contains("  c_007_cluster_monitoring --> c_060_grafana_stack\n");
        assertThat(plan.render(PlanFormat.DOT))
                .startsWith("digraph plan {\n")
                .contains("subgraph cluster_wave3 {")
                .contains("\"007-cluster-monitoring\" -> \"060-grafana-stack\";")
                .endsWith("}\n");
    }

    @Test
    void neverShowsSecretsInToStringOfStepsOrLayers() throws Exception {
        Step grafana = samplePlan().step("060-grafana-stack").orElseThrow();

        assertThat(grafana.toString()).doesNotContain(PASSWORD);
        assertThat(grafana.layers().toString()).doesNotContain(PASSWORD);
        assertThat(grafana.maskedValues()).containsEntry("adminPassword", "(secret)");
        assertThat(grafana.resolveValues()).containsEntry("adminPassword", PASSWORD);
    }

    @Test
    void refusesANeedThatIsNeitherPlannedNorADroppedNeed() {
        DeploymentPlan.Builder builder = DeploymentPlan.builder("staging")
                .step(Step.builder("020-cluster-issuers", 20)
                        .needs("010-cert-manager")
                        .build());

        assertThatThrownBy(builder::build)
                .isInstanceOf(ChartGraphException.class)
                .hasMessageContaining("020-cluster-issuers needs 010-cert-manager");
        DeploymentPlan plan = builder.selection(new GraphSelection(
                        List.of("020-cluster-issuers"),
                        List.of(),
                        List.of(new GraphSelection.DroppedNeed("020-cluster-issuers", "010-cert-manager"))))
                .build();
        assertThat(plan.droppedNeeds()).hasSize(1);
    }

    @Test
    void stepsRejectBadReleaseNamesNamespacesAndTimeouts() {
        assertThatThrownBy(() -> Step.builder("010-x", 10).release("Bad_Name").build())
                .hasMessage("step 010-x: release name 'Bad_Name' is not a DNS-1123 label of at most 53 characters");
        assertThatThrownBy(() ->
                        Step.builder("010-x", 10).namespace("a".repeat(64)).build())
                .hasMessageContaining("is not a DNS-1123 label of at most 63 characters");
        assertThatThrownBy(
                        () -> Step.builder("010-x", 10).timeout(Duration.ZERO).build())
                .hasMessage("step 010-x: timeout must be positive, found PT0S");
        assertThatThrownBy(() -> DeploymentPlan.builder("s")
                        .step(Step.builder("010-x", 10).build())
                        .step(Step.builder("010-x", 10).build())
                        .build())
                .hasMessage("two steps for chart 010-x");
    }

    @Test
    void keepsNullsForHelmWhenResolvingButRemovesThemOverDefaults() throws Exception {
        Step step = Step.builder("010-x", 10)
                .layer(ValuesLayer.plain(ValuesLayer.Kind.CHART_DEFAULTS, "values.yaml", Map.of("a", 1, "b", 2)))
                .layer(ValuesLayer.plain(ValuesLayer.Kind.ENVIRONMENT_FILE, "values-s.yaml", nullValue("b")))
                .values(Map.of("c", List.of(1, 2)))
                .build();

        assertThat(step.resolveValues())
                .containsEntry("b", null)
                .containsEntry("c", List.of(1L, 2L))
                .doesNotContainKey("a");
        assertThat(step.maskedValues())
                .containsEntry("a", 1L)
                .doesNotContainKey("b")
                .containsEntry("c", List.of(1L, 2L));
    }

    private static Map<String, Object> nullValue(String key) {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(key, null);
        return map;
    }
}
