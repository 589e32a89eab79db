package com.webgrip.deploy.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

    private static final HealthTarget TARGET = new HealthTarget("grafana-stack", "monitoring", 3);
    private static final ResourceHealth DEPLOYMENT_OK =
            ResourceHealth.current(ResourceRef.of("Deployment", "monitoring", "grafana"));
    private static final ResourceHealth INGRESS_WAITING = ResourceHealth.of(
            ResourceRef.of("Ingress", "monitoring", "grafana"), HealthStatus.IN_PROGRESS, "", "no address");
    private static final ResourceHealth POD_CRASHING = ResourceHealth.of(
            ResourceRef.of("Pod", "monitoring", "grafana-0"),
            HealthStatus.FAILED,
            Reasons.CRASH_LOOP_BACK_OFF,
            "back-off");

    @Test
    void aggregatesLikeKstatus() {
        assertThat(HealthStatus.aggregate(List.of())).isEqualTo(HealthStatus.CURRENT);
        assertThat(HealthStatus.aggregate(List.of(HealthStatus.CURRENT, HealthStatus.NOT_FOUND)))
                .isEqualTo(HealthStatus.IN_PROGRESS);
        assertThat(HealthStatus.aggregate(List.of(HealthStatus.UNKNOWN, HealthStatus.IN_PROGRESS)))
                .isEqualTo(HealthStatus.UNKNOWN);
        assertThat(HealthStatus.aggregate(List.of(HealthStatus.UNKNOWN, HealthStatus.FAILED)))
                .isEqualTo(HealthStatus.FAILED);
    }

    @Test
    void allOfIsCurrentOnlyWhenEveryCheckIs() {
        HealthCheck ok = t -> HealthReport.of(DEPLOYMENT_OK);
        HealthCheck waiting = t -> HealthReport.of(INGRESS_WAITING);

        assertThat(HealthChecks.allOf(ok, waiting).check(TARGET).status()).isEqualTo(HealthStatus.IN_PROGRESS);
        assertThat(HealthChecks.anyOf(waiting, ok).check(TARGET).status()).isEqualTo(HealthStatus.CURRENT);
    }

    @Test
    void ignoringAKindThatNeverSettlesLetsTheReleasePass() {
        HealthCheck cluster = t -> HealthReport.of(DEPLOYMENT_OK, INGRESS_WAITING);

        assertThat(HealthChecks.ignoringKinds(cluster, "Ingress").check(TARGET).status())
                .isEqualTo(HealthStatus.CURRENT);
    }

    @Test
    void perKindKeepsOnlyEachChecksOwnKind() {
        HealthCheck pods = t -> HealthReport.of(POD_CRASHING, INGRESS_WAITING);
        HealthCheck deployments = t -> HealthReport.of(DEPLOYMENT_OK, POD_CRASHING);

        HealthReport report = HealthChecks.perKind(Map.of("Pod", pods, "Deployment", deployments))
                .check(TARGET);

        assertThat(report.resources()).containsExactly(DEPLOYMENT_OK, POD_CRASHING);
        assertThat(report.status()).isEqualTo(HealthStatus.FAILED);
        assertThat(report.summary()).contains("Pod/monitoring/grafana-0 FAILED (CrashLoopBackOff)");
    }
}
