package com.webgrip.deploy.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.health.HealthReport;
import com.webgrip.deploy.core.health.HealthStatus;
import com.webgrip.deploy.core.health.Reasons;
import com.webgrip.deploy.core.health.ResourceHealth;
import com.webgrip.deploy.core.health.ResourceRef;
import com.webgrip.deploy.core.metrics.MetricQuery;
import com.webgrip.deploy.core.metrics.MetricReading;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final ResourceRef GRAFANA = ResourceRef.of("Deployment", "monitoring", "grafana");
    private static final MetricQuery ERRORS =
            new MetricQuery("error-rate", "errors{release=\"{release}\"}", Duration.ofMinutes(1));

    private static PolicyContext.Builder context(int secondsSinceDeploy) {
        return PolicyContext.builder()
                .step("060-grafana-stack", "grafana-stack", "monitoring")
                .deployedAt(T0)
                .now(T0.plusSeconds(secondsSinceDeploy));
    }

    private static HealthReport report(HealthStatus status, String reason) {
        return HealthReport.of(ResourceHealth.of(GRAFANA, status, reason, ""));
    }

    @Test
    void healthFailureWaitsThroughTheGracePeriodThenRollsBack() {
        RollbackPolicy policy = Policies.onHealthFailure(Duration.ofSeconds(30));

        Decision early = policy.decide(context(10)
                .observed(T0.plusSeconds(10), report(HealthStatus.FAILED, ""))
                .build());
        Decision late = policy.decide(context(40)
                .observed(T0.plusSeconds(40), report(HealthStatus.FAILED, ""))
                .build());

        assertThat(early).isInstanceOf(Decision.Wait.class);
        assertThat(early.reason()).contains("grace period of 30s");
        assertThat(late).isEqualTo(Decision.rollBack(RollbackScope.STEP, late.reason()));
    }

    @Test
    void healthFailureNeedsTheConfiguredConsecutiveFailures() {
        RollbackPolicy policy = Policies.onHealthFailure(Duration.ZERO, 3, RollbackScope.WAVE);
        PolicyContext.Builder two = context(20)
                .observed(T0.plusSeconds(5), report(HealthStatus.FAILED, ""))
                .observed(T0.plusSeconds(10), report(HealthStatus.CURRENT, ""))
                .observed(T0.plusSeconds(15), report(HealthStatus.FAILED, ""))
                .observed(T0.plusSeconds(20), report(HealthStatus.FAILED, ""));

        assertThat(policy.decide(two.build())).isInstanceOf(Decision.Wait.class);
        assertThat(policy.decide(two.observed(T0.plusSeconds(20), report(HealthStatus.FAILED, ""))
                        .build()))
                .isInstanceOf(Decision.RollBack.class)
                .extracting(d -> ((Decision.RollBack) d).scope())
                .isEqualTo(RollbackScope.WAVE);
    }

    @Test
    void aTimeoutOrAFailedDeployRollsBackButNeverContinues() {
        RollbackPolicy policy = Policies.standard();

        assertThat(policy.decide(context(300)
                        .trigger(Trigger.TIMEOUT)
                        .failure("not healthy within 5m")
                        .build()))
                .isInstanceOf(Decision.RollBack.class);
        assertThat(policy.decide(context(1)
                                .trigger(Trigger.DEPLOY_FAILED)
                                .failure("immutable field")
                                .build())
                        .reason())
                .contains("immutable field");
    }

    @Test
    void aCrashLoopRollsBackAtOnceWithoutGrace() {
        Decision decision = Policies.standard()
                .decide(context(5)
                        .observed(T0.plusSeconds(5), report(HealthStatus.FAILED, Reasons.CRASH_LOOP_BACK_OFF))
                        .build());

        assertThat(decision).isInstanceOf(Decision.RollBack.class);
        assertThat(decision.reason()).contains("CrashLoopBackOff");
    }

    @Test
    void errorRateRollsBackOnlyWhenTheBreachLastsTheWindow() {
        RollbackPolicy policy = Policies.onErrorRate(ERRORS, 0.05);
        PolicyContext.Builder breach = context(50);
        for (int s = 5; s <= 50; s += 5) {
            breach.reading(MetricReading.of(ERRORS, T0.plusSeconds(s), 0.07));
        }

        assertThat(policy.decide(breach.build())).isInstanceOf(Decision.Wait.class);
        breach.now(T0.plusSeconds(65)).reading(MetricReading.of(ERRORS, T0.plusSeconds(65), 0.07));
        assertThat(policy.decide(breach.build())).isInstanceOf(Decision.RollBack.class);
    }

    @Test
    void errorRateFollowsArgoStyleLimits() {
        ErrorRatePolicy limited = ErrorRatePolicy.builder(ERRORS)
                .threshold(0.05)
                .failureLimit(1)
                .inconclusiveLimit(1)
                .consecutiveErrorLimit(2)
                .build();
        PolicyContext twoFailures = context(30)
                .reading(MetricReading.of(ERRORS, T0.plusSeconds(5), 0.09))
                .reading(MetricReading.of(ERRORS, T0.plusSeconds(10), 0.01))
                .reading(MetricReading.of(ERRORS, T0.plusSeconds(15), 0.08))
                .reading(MetricReading.of(ERRORS, T0.plusSeconds(20), 0.01))
                .build();
        PolicyContext noTraffic = context(30)
                .reading(MetricReading.noData(ERRORS, T0.plusSeconds(5)))
                .reading(MetricReading.of(ERRORS, T0.plusSeconds(10), Double.NaN))
                .build();
        PolicyContext unreadable = context(30)
                .reading(MetricReading.failed(ERRORS, T0.plusSeconds(5), "timeout"))
                .reading(MetricReading.failed(ERRORS, T0.plusSeconds(10), "timeout"))
                .reading(MetricReading.failed(ERRORS, T0.plusSeconds(15), "connection refused"))
                .build();

        assertThat(limited.decide(twoFailures)).isInstanceOf(Decision.RollBack.class);
        assertThat(limited.decide(noTraffic)).isInstanceOf(Decision.AskPerson.class);
        assertThat(limited.decide(unreadable).reason()).contains("could not be read 3 times in a row");
    }

    @Test
    void combiningKeepsTheMostSevereDecision() {
        RollbackPolicy waits = c -> Decision.keepWaiting("analysing");
        RollbackPolicy rollsBackRun = c -> Decision.rollBack(RollbackScope.RUN, "bad");
        RollbackPolicy fine = c -> Decision.proceed("ok");

        assertThat(Policies.allOf(fine, waits).decide(context(1).build())).isInstanceOf(Decision.Wait.class);
        assertThat(Policies.allOf(fine, waits, rollsBackRun).decide(context(1).build()))
                .isEqualTo(Decision.rollBack(RollbackScope.RUN, "bad"));
        assertThat(Policies.allOf(fine, fine).decide(context(1).build())).isInstanceOf(Decision.Continue.class);
    }

    @Test
    void aSecurityFindingBelowTheSeverityIsIgnored() {
        RollbackPolicy policy = Policies.onSecurityFinding(Severity.HIGH);
        PolicyContext medium = context(1)
                .findings(java.util.List.of(new SecurityFinding("CVE-1", Severity.MEDIUM, "img", "")))
                .build();
        PolicyContext critical = context(1)
                .findings(java.util.List.of(new SecurityFinding("CVE-2", Severity.CRITICAL, "img", "")))
                .build();

        assertThat(policy.decide(medium)).isInstanceOf(Decision.Continue.class);
        assertThat(policy.decide(critical).reason()).contains("CRITICAL CVE-2 in img");
    }
}
