package com.webgrip.deploy.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.core.graph.GraphSelection;
import com.webgrip.deploy.core.plan.DeploymentPlan;
import com.webgrip.deploy.core.plan.Step;
import com.webgrip.deploy.core.plan.ValuesLayer;
import com.webgrip.deploy.core.plan.Wave;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    static final String SOPS_FILE = """
            password: ENC[AES256_GCM,data:Zm9vYmFy,iv:aXZpdml2aXZpdml2aXZpdml2aXZpdml2aXZpdml2aXY=,tag:dGFndGFndGFndGFndGFnZw==,type:str]
            port: ENC[AES256_GCM,data:MTIz,iv:aXZpdml2aXZpdml2aXZpdml2aXZpdml2aXZpdml2aXY=,tag:dGFndGFndGFndGFndGFnZw==,type:int]
            nested:
                enabled: ENC[AES256_GCM,data:dHJ1ZQ==,iv:aXZpdml2aXZpdml2aXZpdml2aXZpdml2aXZpdml2aXY=,tag:dGFndGFndGFndGFndGFnZw==,type:bool]
                plain_unencrypted: visible
            sops:
                lastmodified: "2026-01-01T00:00:00Z"
                mac: ENC[AES256_GCM,data:bWFj,iv:aXZpdml2aXZpdml2aXZpdml2aXZpdml2aXZpdml2aXY=,tag:dGFndGFndGFndGFndGFnZw==,type:str]
                version: 3.13.2
            """;

    @TempDir
    Path dir;

    @Test
    void plansTheDesignPlatformInItsWaves() throws Exception {
        DeploymentPlan plan = Platform.load(OpsTree.designPlatform(dir).root()).plan("default");

        assertThat(plan.waves())
                .extracting(Wave::charts)
                .containsExactly(
                        java.util.List.of("005-tainters"),
                        java.util.List.of("007-cluster-monitoring"),
                        java.util.List.of("010-cert-manager", "060-grafana-stack"),
                        java.util.List.of("020-cluster-issuers"),
                        java.util.List.of("030-ingress-controllers"),
                        java.util.List.of("040-gha-runners-controller"),
                        java.util.List.of("045-gha-runners"),
                        java.util.List.of("950-example-services"));
        assertThat(plan.teardownWaves().get(0).charts()).containsExactly("950-example-services");
        assertThat(plan.step("010-cert-manager").orElseThrow().release()).isEqualTo("cert-manager");
        assertThat(plan.step("010-cert-manager").orElseThrow().namespace()).isEqualTo("cert-manager");
    }

    @Test
    void layersValuesInHelmsOrderAndKeepsSecretsEncrypted() throws Exception {
        OpsTree tree = OpsTree.in(dir)
                .file(
                        "environments.yaml",
                        "environments:\n  staging:\n    replicas: 2\n    namespace: platform\n    timeout: 90s\n")
                .chart("060-grafana-stack")
                .file("helm/060-grafana-stack/values.yaml", "replicaCount: 1\nimage: {tag: '1.0'}\nkeep: true\n")
                .file("helm/060-grafana-stack/values-staging.yaml", "image: {tag: '1.1'}\nkeep: null\n")
                .file("secrets/060-grafana-stack/staging.sops.yaml", SOPS_FILE);

        DeploymentPlan plan = Platform.load(tree.root())
                .planner("staging")
                .set(Map.of("extra", "yes"))
                .decryptWith((file, bytes) -> Map.of("password", "decrypted"))
                .plan();

        Step step = plan.step("060-grafana-stack").orElseThrow();
        assertThat(step.namespace()).isEqualTo("platform");
        assertThat(step.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(step.layers())
                .extracting(ValuesLayer::kind)
                .containsExactly(
                        ValuesLayer.Kind.CHART_DEFAULTS,
                        ValuesLayer.Kind.ENVIRONMENT,
                        ValuesLayer.Kind.ENVIRONMENT_FILE,
                        ValuesLayer.Kind.SECRET,
                        ValuesLayer.Kind.OVERRIDE);
        Map<String, Object> masked = step.maskedValues();
        assertThat(masked)
                .containsEntry("replicaCount", 2L)
                .containsEntry("image", Map.of("tag", "1.1"))
                .containsEntry("password", "(secret)")
                .containsEntry("port", 0L)
                .containsEntry("nested", Map.of("enabled", false, "plain_unencrypted", "visible"))
                .containsEntry("extra", "yes")
                .doesNotContainKey("keep")
                .doesNotContainKey("sops");
        Map<String, Object> resolved = step.resolveValues();
        assertThat(resolved).containsEntry("password", "decrypted").containsEntry("replicaCount", 2L);
        assertThat(resolved).containsEntry("keep", null).doesNotContainKey("port");
        assertThat(plan.toString() + step + plan.render(com.webgrip.deploy.core.plan.PlanFormat.JSON))
                .doesNotContain("decrypted")
                .doesNotContain("Zm9vYmFy");
    }

    @Test
    void refusesToDecryptASecretsFileThatChangedAfterPlanning() throws Exception {
        OpsTree tree = OpsTree.in(dir).chart("005-tainters").file("secrets/005-tainters/values.sops.yaml", SOPS_FILE);
        DeploymentPlan plan = Platform.load(tree.root())
                .planner("default")
                .decryptWith((file, bytes) -> Map.of("a", "b"))
                .plan();
        Files.writeString(tree.root().resolve("secrets/005-tainters/values.sops.yaml"), SOPS_FILE + "# edited\n");

        assertThatThrownBy(() -> plan.step("005-tainters").orElseThrow().resolveValues())
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("the file changed since the plan was made");
    }

    @Test
    void refusesToDecryptWithoutADecryptor() throws Exception {
        OpsTree tree = OpsTree.in(dir).chart("005-tainters").file("secrets/005-tainters/values.sops.yaml", SOPS_FILE);
        DeploymentPlan plan = Platform.load(tree.root()).plan("default");

        assertThatThrownBy(() -> plan.step("005-tainters").orElseThrow().resolveValues())
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("no SOPS decryptor was given");
    }

    @Test
    void aSelectionBringsItsNeedsUnlessToldNot() throws Exception {
        Platform platform = Platform.load(OpsTree.designPlatform(dir).root());

        DeploymentPlan withNeeds = platform.planner("default").select("020").plan();
        DeploymentPlan without =
                platform.planner("default").select("020-030").withoutNeeds().plan();

        assertThat(withNeeds.steps())
                .extracting(Step::chart)
                .containsExactly("005-tainters", "007-cluster-monitoring", "010-cert-manager", "020-cluster-issuers");
        assertThat(withNeeds.addedNeeds())
                .containsExactly("005-tainters", "007-cluster-monitoring", "010-cert-manager");
        assertThat(without.waves())
                .extracting(Wave::charts)
                .containsExactly(
                        java.util.List.of("020-cluster-issuers"), java.util.List.of("030-ingress-controllers"));
        assertThat(without.droppedNeeds())
                .containsExactly(new GraphSelection.DroppedNeed("020-cluster-issuers", "010-cert-manager"));
        assertThat(without.toString())
                .contains("Dropped need (not deployed by this plan): 020-cluster-issuers needs 010-cert-manager");
    }

    @Test
    void strictModeRefusesAChartNumberedBeforeItsNeed() throws Exception {
        Platform platform = Platform.load(
                OpsTree.in(dir).chart("010-a", "020-b").chart("020-b").root());

        assertThat(platform.plan("default").orderFindings()).hasSize(1);
        assertThatThrownBy(() -> platform.planner("default").strict().plan())
                .hasMessageContaining("strict mode: 010-a is numbered before 020-b, which it needs");
    }

    @Test
    void limitsConcurrencyAsTheEnvironmentSays() throws Exception {
        Platform platform = Platform.builder()
                .chart("005-a")
                .chart("006-b")
                .chart("007-c")
                .environment(Environment.builder("staging").concurrency(2).build())
                .build();

        DeploymentPlan plan = platform.plan("staging");

        assertThat(plan.waves()).hasSize(1);
        assertThat(plan.waves().get(0).concurrencyLimit()).isEqualTo(2);
        assertThat(plan.toString()).contains("1/2   005-a");
    }

    @Test
    void givesStepsTheirHealthGatesAndRollbackPolicyAndTheExecutorSeesThem() throws Exception {
        Platform platform = Platform.load(OpsTree.designPlatform(dir).root());
        com.webgrip.deploy.core.health.HealthCheck everywhere = target -> {
            throw new AssertionError("not called while planning");
        };
        com.webgrip.deploy.core.health.HealthCheck grafanaOnly = target -> {
            throw new AssertionError("not called while planning");
        };
        var policy = com.webgrip.deploy.core.policy.Policies.never();

        DeploymentPlan plan = platform.planner("default")
                .healthGate(everywhere)
                .healthGate("060-grafana-stack", grafanaOnly)
                .rollbackPolicy(policy)
                .plan();

        assertThat(plan.step("060-grafana-stack").orElseThrow().healthGates()).containsExactly(everywhere, grafanaOnly);
        assertThat(plan.step("005-tainters").orElseThrow().healthGates()).containsExactly(everywhere);
        assertThat(plan.step("005-tainters").orElseThrow().rollbackPolicy()).containsSame(policy);
        var runStep = com.webgrip.deploy.core.run.RunPlan.of(plan, false).steps().stream()
                .filter(step -> step.chart().equals("060-grafana-stack"))
                .findFirst()
                .orElseThrow();
        assertThat(runStep.healthGates()).containsExactly(everywhere, grafanaOnly);
        assertThat(runStep.policy()).containsSame(policy);
        assertThatThrownBy(() -> platform.planner("default").healthGate("061-nothing", everywhere))
                .hasMessage("no chart 061-nothing in the platform");
    }
}
