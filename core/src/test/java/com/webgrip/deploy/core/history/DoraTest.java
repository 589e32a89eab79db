package com.webgrip.deploy.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.core.run.RunOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DoraTest {

    private static final Instant DAY0 = Instant.parse("2024-03-01T00:00:00Z");

    private static Instant at(int hours) {
        return DAY0.plus(Duration.ofHours(hours));
    }

    private static DeploymentRecord run(
            String id, String env, RunOutcome outcome, int commitHour, int startHour, int endHour, String state) {
        ReleaseRecord release = new ReleaseRecord(
                "060-grafana-stack",
                "grafana-stack",
                "monitoring",
                state,
                5,
                state.equals("ROLLED_BACK") ? 4 : 0,
                Optional.of(at(startHour)),
                at(endHour));
        return new DeploymentRecord(
                id, env, outcome, Change.of("c" + id, at(commitHour)), at(startHour), at(endHour), List.of(release));
    }

    @Test
    void countsFrequencyLeadTimeFailureRateAndRestoreForOneEnvironmentAndPeriod() {
        List<DeploymentRecord> history = List.of(
                run("1", "production", RunOutcome.SUCCEEDED, 0, 2, 3, "SUCCEEDED"), // lead 3 h
                run("2", "production", RunOutcome.ROLLED_BACK, 10, 20, 21, "ROLLED_BACK"), // restored in 1 h
                run("3", "production", RunOutcome.FAILED, 30, 40, 41, "FAILED"), // restored by run 4: 9 h
                run("4", "production", RunOutcome.SUCCEEDED, 44, 48, 49, "SUCCEEDED"), // lead 5 h
                run("5", "staging", RunOutcome.FAILED, 0, 1, 2, "FAILED"),
                run("6", "production", RunOutcome.SUCCEEDED, 200, 230, 231, "SUCCEEDED")); // outside the period

        DoraReport report = Dora.report(history, "production", DAY0, DAY0.plus(Duration.ofDays(4)));

        assertThat(report.deployments()).isEqualTo(4);
        assertThat(report.deploymentsPerDay()).isEqualTo(1.0);
        assertThat(report.leadTimeMedian()).contains(Duration.ofHours(3));
        assertThat(report.leadTimeP90()).contains(Duration.ofHours(5));
        assertThat(report.failedDeployments()).isEqualTo(2);
        assertThat(report.changeFailureRate()).hasValue(0.5);
        assertThat(report.restores()).isEqualTo(2);
        assertThat(report.timeToRestoreMedian()).contains(Duration.ofHours(1));
        assertThat(report.unrestored()).isZero();
    }

    @Test
    void aFailureWithNoLaterSuccessIsUnrestored() {
        List<DeploymentRecord> history = List.of(run("1", "production", RunOutcome.FAILED, 0, 1, 2, "FAILED"));

        DoraReport report = Dora.report(history, "production", DAY0, DAY0.plus(Duration.ofDays(1)));

        assertThat(report.failedDeployments()).isEqualTo(1);
        assertThat(report.unrestored()).isEqualTo(1);
        assertThat(report.timeToRestoreMedian()).isEmpty();
    }

    @Test
    void runsThatChangedNothingAreNotDeployments() {
        DeploymentRecord refused = new DeploymentRecord(
                "1",
                "production",
                RunOutcome.APPROVAL_REFUSED,
                Change.UNKNOWN,
                at(1),
                at(1),
                List.of(new ReleaseRecord(
                        "005-tainters", "tainters", "kube-system", "SKIPPED", 0, 0, Optional.empty(), at(1))));

        DoraReport report = Dora.report(List.of(refused), "production", DAY0, DAY0.plus(Duration.ofDays(1)));

        assertThat(report.deployments()).isZero();
        assertThat(report.changeFailureRate()).isEmpty();
        assertThat(report.leadTimeMedian()).isEmpty();
    }

    @Test
    void rejectsAnEmptyPeriod() {
        assertThatThrownBy(() -> Dora.report(List.of(), "production", DAY0, DAY0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a period ends after it starts");
    }
}
