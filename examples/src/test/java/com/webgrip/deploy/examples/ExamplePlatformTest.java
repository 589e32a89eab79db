package com.webgrip.deploy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webgrip.deploy.core.plan.DeploymentPlan;
import com.webgrip.deploy.core.plan.PlanFormat;
import com.webgrip.deploy.core.plan.Step;
import com.webgrip.deploy.core.plan.ValuesLayer;
import com.webgrip.deploy.core.plan.Wave;
import com.webgrip.deploy.core.platform.Platform;
import com.webgrip.deploy.core.platform.SopsSecrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans the example platform of examples/ops as the design says it is ordered. */
class ExamplePlatformTest {
    static final Path OPS = Path.of("ops");

    @Test
    void plansTheWavesOfTheDesign() throws Exception {
        DeploymentPlan plan = Platform.load(OPS).plan("staging");

        assertThat(plan.waves())
                .extracting(Wave::charts)
                .containsExactly(
                        List.of("005-tainters"),
                        List.of("007-cluster-monitoring"),
                        List.of("010-cert-manager", "060-grafana-stack"),
                        List.of("020-cluster-issuers"),
                        List.of("030-ingress-controllers"),
                        List.of("040-gha-runners-controller"),
                        List.of("045-gha-runners"),
                        List.of("950-example-services"));
        assertThat(plan.teardownWaves())
                .extracting(Wave::charts)
                .containsExactly(
                        List.of("950-example-services"),
                        List.of("045-gha-runners"),
                        List.of("040-gha-runners-controller"),
                        List.of("030-ingress-controllers"),
                        List.of("020-cluster-issuers"),
                        List.of("010-cert-manager", "060-grafana-stack"),
                        List.of("007-cluster-monitoring"),
                        List.of("005-tainters"));
        assertThat(plan.orderFindings()).isEmpty();
    }

    @Test
    void hasThreeEnvironmentsAndOnlyProductionNeedsApproval() throws Exception {
        Platform platform = Platform.load(OPS);

        assertThat(platform.environments()).containsOnlyKeys("development", "staging", "production");
        assertThat(platform.environment("production").approvalRequired()).isTrue();
        assertThat(platform.environment("staging").approvalRequired()).isFalse();
        assertThat(platform.plan("production").waves().get(2).concurrencyLimit())
                .isEqualTo(2);
    }

    @Test
    void layersProductionValuesAndDecryptsSecretsWithTheDemoKeyOnlyWhenAsked() throws Exception {
        DeploymentPlan plan = Platform.load(OPS)
                .planner("production")
                .decryptWith(SopsSecrets.withIdentityFile(OPS.resolve("demo-age-key.txt")))
                .plan();
        Step grafana = plan.step("060-grafana-stack").orElseThrow();

        assertThat(grafana.layers())
                .extracting(ValuesLayer::kind)
                .containsExactly(
                        ValuesLayer.Kind.CHART_DEFAULTS,
                        ValuesLayer.Kind.ENVIRONMENT,
                        ValuesLayer.Kind.ENVIRONMENT_FILE,
                        ValuesLayer.Kind.SECRET,
                        ValuesLayer.Kind.SECRET);
        assertThat(grafana.maskedValues())
                .containsEntry("replicaCount", 3L)
                .containsEntry(
                        "credentials",
                        Map.of("GF_SECURITY_ADMIN_USER", "(secret)", "GF_SECURITY_ADMIN_PASSWORD", "(secret)"));
        Map<String, Object> values = grafana.resolveValues();
        assertThat(values.get("credentials"))
                .isEqualTo(Map.of(
                        "GF_SECURITY_ADMIN_USER", "admin", "GF_SECURITY_ADMIN_PASSWORD", "demo-production-password"));
        assertThat(plan.render(PlanFormat.JSON) + plan + grafana).doesNotContain("demo-production-password");
    }

    @Test
    void writesJsonWhoseWavesNameFoldersAndReleases() throws Exception {
        JsonNode json =
                new ObjectMapper().readTree(Platform.load(OPS).plan("staging").render(PlanFormat.JSON));

        JsonNode last = json.get("waves").get(7).get(0);
        assertThat(last.get("chart").asText()).isEqualTo("950-example-services");
        assertThat(last.get("release").asText()).isEqualTo("example-services");
        assertThat(last.get("namespace").asText()).isEqualTo("apps");
    }
}
