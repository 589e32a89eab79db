package com.webgrip.deploy.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.helm.chart.ChartMetadata;
import com.webgrip.deploy.helm.release.Release;
import com.webgrip.deploy.helm.release.ReleaseHistory;
import com.webgrip.deploy.helm.release.ReleaseInfo;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import com.webgrip.deploy.helm.values.Values;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    static final String OLD_SECRET = "old-password-value";
    static final String NEW_SECRET = "new-password-value";

    static DeploymentPlan plan(String version, String tag, String fingerprint, String password, boolean withRunners) {
        DeploymentPlan.Builder plan = DeploymentPlan.builder("staging")
                .step(Step.builder("060-grafana-stack", 60)
                        .chart("grafana", version)
                        .layer(ValuesLayer.plain(
                                ValuesLayer.Kind.ENVIRONMENT_FILE,
                                "values-staging.yaml",
                                Map.of("image", Map.of("tag", tag))))
                        .layer(ValuesLayer.secret(new FakeSecret(
                                Path.of("values.sops.yaml"), fingerprint, Map.of("adminPassword", password))))
                        .build());
        if (withRunners) {
            plan.step(Step.builder("045-gha-runners", 45).build());
        }
        return plan.build();
    }

    @Test
    void reportsVersionAndValueChangesBetweenTwoPlansWithoutValues() throws Exception {
        PlanDiff diff = PlanDiff.between(
                plan("1.0.0", "10.1", "sha256:1", OLD_SECRET, true),
                plan("1.1.0", "10.2", "sha256:2", NEW_SECRET, false));

        assertThat(diff.changes())
                .extracting(PlanDiff.ReleaseChange::kind)
                .containsExactly(PlanDiff.Kind.CHANGED, PlanDiff.Kind.REMOVED);
        assertThat(diff.toString())
                .isEqualTo("""
                        ~ 060-grafana-stack (grafana-stack) chart 1.0.0 → 1.1.0
                            adminPassword (secret) changed
                            image.tag changed
                        - 045-gha-runners (gha-runners) chart 0.0.0 → none
                        """)
                .doesNotContain(OLD_SECRET)
                .doesNotContain(NEW_SECRET)
                .doesNotContain("10.2");
    }

    @Test
    void findsNothingBetweenEqualPlans() throws Exception {
        PlanDiff diff = PlanDiff.between(
                plan("1.0.0", "10.1", "sha256:1", OLD_SECRET, true),
                plan("1.0.0", "10.1", "sha256:1", OLD_SECRET, true));

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void comparesAPlanWithDeployedReleasesDecryptingInMemory() throws Exception {
        DeploymentPlan plan = plan("1.0.0", "10.1", "sha256:1", NEW_SECRET, true);
        List<DeployedRelease> deployed = List.of(new DeployedRelease(
                "grafana-stack",
                "grafana-stack",
                "1.0.0",
                Map.of("image", Map.of("tag", "10.1"), "adminPassword", OLD_SECRET)));

        PlanDiff diff = PlanDiff.against(plan, deployed);

        assertThat(diff.toString()).isEqualTo("""
                        + 045-gha-runners (gha-runners) chart none → 0.0.0
                        ~ 060-grafana-stack (grafana-stack)
                            adminPassword (secret) changed
                        """).doesNotContain(OLD_SECRET).doesNotContain(NEW_SECRET);
        assertThat(PlanDiff.against(plan("1.0.0", "10.1", "sha256:1", OLD_SECRET, false), deployed)
                        .isEmpty())
                .isTrue();
        assertThat(deployed.get(0).toString()).doesNotContain(OLD_SECRET);
    }

    @Test
    void comparesAPlanWithTheLastDeployedRevisionOfEachHelmHistory() throws Exception {
        DeploymentPlan plan = plan("1.0.0", "10.1", "sha256:1", OLD_SECRET, true);
        ReleaseHistory grafana = ReleaseHistory.of(List.of(
                revision(1, ReleaseStatus.SUPERSEDED, "0.9.0", Map.of("image", Map.of("tag", "9.0"))),
                revision(
                        2,
                        ReleaseStatus.DEPLOYED,
                        "1.0.0",
                        Map.of("image", Map.of("tag", "10.0"), "adminPassword", OLD_SECRET)),
                revision(3, ReleaseStatus.FAILED, "2.0.0", Map.of("image", Map.of("tag", "11.0")))));

        PlanDiff diff = PlanDiff.againstHistories(plan, List.of(grafana));

        assertThat(diff.toString()).isEqualTo("""
                        + 045-gha-runners (gha-runners) chart none → 0.0.0
                        ~ 060-grafana-stack (grafana-stack)
                            image.tag changed
                        """).doesNotContain(OLD_SECRET);
    }

    private static Release revision(int number, ReleaseStatus status, String chartVersion, Map<String, Object> config) {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, number, 0, ZoneOffset.UTC);
        return new Release(
                "grafana-stack",
                "grafana-stack",
                number,
                new ReleaseInfo(status, at, at, Optional.empty(), "", ""),
                ChartMetadata.of("grafana-stack", chartVersion),
                Values.empty(),
                Values.of(config),
                "");
    }
}
