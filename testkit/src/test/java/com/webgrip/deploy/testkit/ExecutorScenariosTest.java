package com.webgrip.deploy.testkit;

import static com.webgrip.deploy.testkit.DeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.deploy.DeployException;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.policy.Policies;
import com.webgrip.deploy.core.policy.RollbackScope;
import com.webgrip.deploy.core.policy.SecurityFinding;
import com.webgrip.deploy.core.policy.Severity;
import com.webgrip.deploy.core.run.Approval;
import com.webgrip.deploy.core.run.ApprovalGate;
import com.webgrip.deploy.core.run.RunEvent;
import com.webgrip.deploy.core.run.RunOutcome;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.core.run.StepState;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatedDeploymentExtension.class)
class ExecutorScenariosTest {

    private static final ReleaseRef GRAFANA = ReleaseRef.of("grafana-stack", "ns-grafana-stack");

    @Test
    void deploysEveryWaveInOrderWhenAllIsHealthy(SimulatedDeployment deployment) {
        SimulatedRun run = deployment.run(Platforms.plan());

        assertThat(run)
                .succeeded()
                .everyStepEndedOnce()
                .hasEventsInOrder(
                        "run-started",
                        "step-finished 005-tainters",
                        "step-started 007-cluster-monitoring",
                        "step-finished 007-cluster-monitoring",
                        "wave-started",
                        "step-finished 045-gha-runners",
                        "step-started 950-example-services",
                        "run-finished");
        assertThat(deployment.cluster())
                .hasNoPendingRelease()
                .release("grafana-stack", "ns-grafana-stack")
                .isAt(1, ReleaseStatus.DEPLOYED)
                .runsChart("2.0.0");
        // Eight waves, each waiting 10 s for pods plus a 5 s poll: well over a minute of virtual time.
        assertThat(run.result().elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void rollsACrashLoopBackToTheLastHealthyRevisionNotThePreviousOne(SimulatedDeployment deployment) {
        deployment
                .cluster()
                .withHistory(
                        GRAFANA,
                        ReleaseStatus.SUPERSEDED,
                        ReleaseStatus.SUPERSEDED,
                        ReleaseStatus.SUPERSEDED,
                        ReleaseStatus.DEPLOYED,
                        ReleaseStatus.FAILED);
        deployment.cluster().release("grafana-stack").crashLoopsAfterUpgrade();

        SimulatedRun run = deployment.run(Platforms.plan());

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .everyStepEndedOnce()
                .rolledBack("060-grafana-stack")
                .toRevision(4)
                .because("CrashLoopBackOff")
                .and()
                .succeeded("010-cert-manager")
                .and()
                .skipped("020-cluster-issuers")
                .because("060-grafana-stack was rolled back");
        assertThat(deployment.cluster())
                .release("grafana-stack", "ns-grafana-stack")
                .isAt(7, ReleaseStatus.DEPLOYED);
        assertThat(deployment.cluster().operations()).contains("rollback ns-grafana-stack/grafana-stack to 4 -> 7");
    }

    @Test
    void rollsBackWhenTheErrorRateStaysAboveTheThresholdForTheWindow(SimulatedDeployment deployment) {
        deployment.cluster().release("example-services").errorRateAfterUpgrade(0.07, Duration.ofMinutes(2));
        RunPlan plan = Platforms.plan(
                "950-example-services",
                Policies.allOf(Policies.standard(), Policies.onErrorRate(SimulatedCluster.ERROR_RATE, 0.05)));

        SimulatedRun run = deployment.run(plan);

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .rolledBack("950-example-services")
                .toRevision(0)
                .because("error-rate 7.00% above 5.00%");
        assertThat(deployment.cluster())
                .release("example-services", "ns-example-services")
                .isNotInstalled();
    }

    @Test
    void continuesWhenTheErrorBurstEndsBeforeTheWindow(SimulatedDeployment deployment) {
        deployment.cluster().release("example-services").errorRateAfterUpgrade(0.07, Duration.ofSeconds(40));
        RunPlan plan = Platforms.plan(
                "950-example-services",
                Policies.allOf(Policies.standard(), Policies.onErrorRate(SimulatedCluster.ERROR_RATE, 0.05)));

        assertThat(deployment.run(plan)).succeeded();
    }

    @Test
    void rollsBackAWholeWaveInReverseChartOrder(SimulatedDeployment deployment) {
        deployment.cluster().release("grafana-stack").crashLoopsAfterUpgrade();
        RunPlan plan =
                Platforms.plan("060-grafana-stack", Policies.onHealthFailure(Duration.ZERO, 1, RollbackScope.WAVE));

        SimulatedRun run = deployment.run(plan);

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .everyStepEndedOnce()
                .rolledBackInOrder("060-grafana-stack", "010-cert-manager")
                .rolledBack("010-cert-manager")
                .because("rolled back with the wave")
                .and()
                .succeeded("007-cluster-monitoring");
    }

    @Test
    void rollsBackTheWholeRunWaveByWaveInReverse(SimulatedDeployment deployment) {
        deployment.cluster().release("gha-runners").crashLoopsAfterUpgrade();
        RunPlan plan = Platforms.plan("045-gha-runners", Policies.onHealthFailure(Duration.ZERO, 1, RollbackScope.RUN));

        SimulatedRun run = deployment.run(plan);

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .everyStepEndedOnce()
                .rolledBackInOrder(
                        "045-gha-runners",
                        "040-gha-runners-controller",
                        "030-ingress-controllers",
                        "020-cluster-issuers",
                        "060-grafana-stack",
                        "010-cert-manager",
                        "007-cluster-monitoring",
                        "005-tainters")
                .skipped("950-example-services");
        assertThat(deployment.cluster()).release("tainters", "ns-tainters").isNotInstalled();
    }

    @Test
    void aRollbackThatFailsEndsTheRunRollbackFailed(SimulatedDeployment deployment) {
        deployment.cluster().withHistory(GRAFANA, ReleaseStatus.DEPLOYED);
        deployment.cluster().release("grafana-stack").crashLoopsAfterUpgrade().failsToRollBack();

        SimulatedRun run = deployment.run(Platforms.plan());

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLBACK_FAILED)
                .everyStepEndedOnce()
                .failed("060-grafana-stack")
                .because("the rollback failed")
                .and()
                .skipped("950-example-services");
        assertThat(deployment.cluster())
                .release("grafana-stack", "ns-grafana-stack")
                .isAt(3, ReleaseStatus.FAILED);
    }

    @Test
    void aRefusedApprovalChangesNothing(SimulatedDeployment deployment) {
        RunPlan plan = new RunPlan("production", Platforms.plan().waves(), true);

        SimulatedRun run = deployment.run(
                deployment
                        .executor()
                        .approvalGate(
                                request -> CompletableFuture.completedFuture(Approval.no("alice", "change freeze")))
                        .build(),
                plan);

        assertThat(run)
                .hasOutcome(RunOutcome.APPROVAL_REFUSED)
                .everyStepEndedOnce()
                .skipped("005-tainters")
                .because("approval refused by alice: change freeze");
        assertThat(deployment.cluster().operations()).isEmpty();
    }

    @Test
    void anApprovedRunDeploys(SimulatedDeployment deployment) {
        RunPlan plan = new RunPlan("production", Platforms.plan().waves(), true);

        SimulatedRun run = deployment.run(
                deployment
                        .executor()
                        .approvalGate(ApprovalGate.approvedBy("ci"))
                        .build(),
                plan);

        assertThat(run).succeeded().hasEventsInOrder("approval-decided", "step-started 005-tainters");
    }

    @Test
    void theCircuitBreakerOpensWhenDeploysKeepFailing(SimulatedDeployment deployment) {
        for (String chart : Platforms.WAVES.get(2)) {
            deployment.cluster().release(Platforms.release(chart)).deployFails(100, DeployException.Kind.UNAVAILABLE);
        }
        for (String chart : Platforms.WAVES.get(0)) {
            deployment.cluster().release(Platforms.release(chart)).deployFails(1, DeployException.Kind.UNAVAILABLE);
        }
        for (String chart : Platforms.WAVES.get(1)) {
            deployment.cluster().release(Platforms.release(chart)).deployFails(1, DeployException.Kind.UNAVAILABLE);
        }

        SimulatedRun run =
                deployment.run(deployment.executor().circuitBreaker(6, 6, 50f).build(), Platforms.plan());

        // Waves 0 and 1 each fail once, then succeed (2 failures in 4 calls); wave 2's first two attempts fail too
        // (4 in 6): the breaker opens and their retries are not permitted.
        assertThat(run)
                .hasOutcome(RunOutcome.FAILED)
                .everyStepEndedOnce()
                .failed("010-cert-manager")
                .because("circuit breaker")
                .and()
                .failed("060-grafana-stack")
                .because("circuit breaker")
                .and()
                .skipped("020-cluster-issuers")
                .because("circuit breaker");
        assertThat(run.result().step("010-cert-manager").attempts()).isLessThan(3);
    }

    @Test
    void aStepThatHangsTimesOutWhileTheRestOfItsWaveFinishes(SimulatedDeployment deployment) {
        deployment.cluster().release("grafana-stack").neverReadyAfterUpgrade();
        RunPlan plan = Platforms.plan(
                step -> step.chart().equals("060-grafana-stack") ? step.withTimeout(Duration.ofMinutes(2)) : step);

        SimulatedRun run = deployment.run(
                deployment.executor().retries(1, Duration.ofSeconds(1), 1).build(), plan);

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .succeeded("010-cert-manager")
                .and()
                .rolledBack("060-grafana-stack")
                .because("not healthy within 2m");
        RunEvent.StepFinished certManager = finished(run, "010-cert-manager");
        RunEvent.StepFinished grafana = finished(run, "060-grafana-stack");
        assertThat(certManager.at()).isBefore(grafana.at());
        assertThat(Duration.between(run.result().started(), grafana.at())).isGreaterThan(Duration.ofMinutes(2));
    }

    @Test
    void retriesATransientDeployFailureWithBackoff(SimulatedDeployment deployment) {
        deployment.cluster().release("cert-manager").deployFails(2, DeployException.Kind.UNAVAILABLE);

        SimulatedRun run = deployment.run(Platforms.plan());

        assertThat(run).succeeded().succeeded("010-cert-manager").afterAttempts(3);
    }

    @Test
    void aFailedFirstInstallIsUninstalledForLackOfAGoodRevision(SimulatedDeployment deployment) {
        deployment.cluster().release("tainters").imagePullFailsAfterUpgrade();

        SimulatedRun run = deployment.run(Platforms.plan());

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .rolledBack("005-tainters")
                .toRevision(0)
                .because("uninstalled");
        assertThat(deployment.cluster()).release("tainters", "ns-tainters").isNotInstalled();
    }

    @Test
    void aSecurityFindingRollsBackTheStep(SimulatedDeployment deployment) {
        deployment.cluster().withHistory(GRAFANA, ReleaseStatus.DEPLOYED);
        deployment
                .cluster()
                .release("grafana-stack")
                .securityFinding(new SecurityFinding("CVE-2024-0001", Severity.CRITICAL, "grafana:11", "RCE"));
        RunPlan plan = Platforms.plan(
                "060-grafana-stack", Policies.allOf(Policies.standard(), Policies.onSecurityFinding(Severity.HIGH)));

        SimulatedRun run = deployment.run(plan);

        assertThat(run).rolledBack("060-grafana-stack").toRevision(1).because("CVE-2024-0001");
    }

    @Test
    void askingAPersonStopsTheRunAndLeavesTheRelease(SimulatedDeployment deployment) {
        deployment.cluster().release("grafana-stack").oomKilledAfterUpgrade();

        SimulatedRun run = deployment.run(Platforms.plan("060-grafana-stack", Policies.askPerson()));

        assertThat(run)
                .hasOutcome(RunOutcome.NEEDS_PERSON)
                .failed("060-grafana-stack")
                .because("stopped for a person")
                .and()
                .skipped("020-cluster-issuers");
        assertThat(deployment.cluster())
                .release("grafana-stack", "ns-grafana-stack")
                .isAt(1, ReleaseStatus.DEPLOYED);
    }

    @Test
    void neverRollingBackFailsTheRunAndLeavesTheRelease(SimulatedDeployment deployment) {
        deployment.cluster().release("grafana-stack").crashLoopsAfterUpgrade();

        SimulatedRun run = deployment.run(Platforms.plan("060-grafana-stack", Policies.never()));

        assertThat(run)
                .hasOutcome(RunOutcome.FAILED)
                .failed("060-grafana-stack")
                .because("never rolls back");
    }

    @Test
    void aDryRunChangesNothingAndSaysWhatItWouldDo(SimulatedDeployment deployment) {
        SimulatedRun run = deployment.finish(deployment.executor().build().dryRun(Platforms.plan()));

        assertThat(run)
                .hasOutcome(RunOutcome.DRY_RUN)
                .everyStepEndedOnce()
                .skipped("060-grafana-stack")
                .because("dry run: would write revision 1");
        assertThat(deployment.cluster().operations()).isEmpty();
    }

    @Test
    void cancellingLeavesEveryReleaseAtAKnownRevision(SimulatedDeployment deployment) {
        var handle = deployment.executor().build().start(Platforms.plan(), new InMemoryJournal());
        deployment.time().advance(Duration.ofSeconds(50));
        handle.cancel();

        SimulatedRun run = deployment.finish(handle);

        assertThat(run).hasOutcome(RunOutcome.CANCELLED).everyStepEndedOnce();
        assertThat(run.result().steps())
                .allSatisfy(step -> assertThat(step.state()).isIn(StepState.SUCCEEDED, StepState.CANCELLED));
        assertThat(run.result().step("950-example-services").reason()).contains("cancelled before this step started");
        assertThat(deployment.cluster()).hasNoPendingRelease();
    }

    @Test
    void aWaveLimitOfOneRunsItsStepsOneAfterAnother(SimulatedDeployment deployment) {
        SimulatedRun together = deployment.run(Platforms.plan());
        SimulatedRun oneByOne = deployment.run(Platforms.plan().withConcurrencyLimit(2, 1));

        assertThat(oneByOne).succeeded();
        // Unlimited, both steps of wave 2 start before either ends; limited to 1, the second starts after the first.
        assertThat(firstStart(together, "060-grafana-stack"))
                .isBefore(finished(together, "010-cert-manager").at());
        Instant certManagerDone = finished(oneByOne, "010-cert-manager").at();
        assertThat(firstStart(oneByOne, "060-grafana-stack")).isAfterOrEqualTo(certManagerDone);
        assertThat(oneByOne.events().indexOf(finished(oneByOne, "010-cert-manager")))
                .isLessThan(oneByOne.events().indexOf(started(oneByOne, "060-grafana-stack")));
    }

    private static RunEvent.StepStarted started(SimulatedRun run, String chart) {
        return run.events().stream()
                .filter(RunEvent.StepStarted.class::isInstance)
                .map(RunEvent.StepStarted.class::cast)
                .filter(e -> e.chart().equals(chart))
                .findFirst()
                .orElseThrow();
    }

    private static Instant firstStart(SimulatedRun run, String chart) {
        return started(run, chart).at();
    }

    private static RunEvent.StepFinished finished(SimulatedRun run, String chart) {
        return run.events().stream()
                .filter(RunEvent.StepFinished.class::isInstance)
                .map(RunEvent.StepFinished.class::cast)
                .filter(e -> e.chart().equals(chart))
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
