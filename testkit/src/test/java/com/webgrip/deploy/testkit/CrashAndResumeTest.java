package com.webgrip.deploy.testkit;

import static com.webgrip.deploy.testkit.DeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.core.deploy.ChartRef;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.journal.EntryType;
import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.journal.JournalException;
import com.webgrip.deploy.core.run.ApprovalGate;
import com.webgrip.deploy.core.run.PlanExecutor;
import com.webgrip.deploy.core.run.ResumeMode;
import com.webgrip.deploy.core.run.RunHandle;
import com.webgrip.deploy.core.run.RunOutcome;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A crash injected at every journal append (before and after the write), then a resume: the run ends as an
 * uninterrupted run would, and no release is left pending.
 */
class CrashAndResumeTest {

    private static final ReleaseRef GRAFANA = ReleaseRef.of("grafana-stack", "ns-grafana-stack");

    @TestFactory
    Stream<DynamicTest> aHealthyRunResumedAfterACrashAtAnyJournalPointSucceeds() {
        return crashEverywhere(deployment -> {}, (deployment, run) -> {
            assertThat(run).succeeded().everyStepEndedOnce();
            assertThat(deployment.cluster()).hasNoPendingRelease();
            for (List<String> wave : Platforms.WAVES) {
                for (String chart : wave) {
                    assertThat(deployment.cluster())
                            .release(Platforms.release(chart), Platforms.namespace(chart))
                            .runsChart("2.0.0");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aRollbackResumedAfterACrashAtAnyJournalPointEndsRolledBack() {
        Consumer<SimulatedDeployment> script = deployment -> {
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
        };
        return crashEverywhere(script, (deployment, run) -> {
            assertThat(run)
                    .hasOutcome(RunOutcome.ROLLED_BACK)
                    .everyStepEndedOnce()
                    .rolledBack("060-grafana-stack")
                    .toRevision(4);
            assertThat(deployment.cluster()).hasNoPendingRelease();
            assertThat(deployment.cluster().latest(GRAFANA).orElseThrow().info().description())
                    .isEqualTo("Rollback to 4");
        });
    }

    @Test
    void resumingWithRollbackUndoesEveryReleaseTheRunChanged() throws JournalException {
        SimulatedDeployment deployment = SimulatedDeployment.create();
        InMemoryJournal journal = new InMemoryJournal();
        // Crash right after grafana's deploy was recorded (wave 3 in flight).
        int crashAt = appendIndexOf(deployment, "DEPLOYED", "060-grafana-stack") + 1;
        SimulatedDeployment fresh = SimulatedDeployment.create();
        startAndCrash(fresh, CrashingJournal.afterWriting(journal, crashAt));

        SimulatedRun run = fresh.resume(fresh.executor().build(), Platforms.plan(), journal, ResumeMode.ROLL_BACK);

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .everyStepEndedOnce()
                .rolledBackInOrder("060-grafana-stack", "010-cert-manager", "007-cluster-monitoring", "005-tainters")
                .skipped("020-cluster-issuers");
        assertThat(fresh.cluster()).release("tainters", "ns-tainters").isNotInstalled();
        assertThat(fresh.cluster()).hasNoPendingRelease();
    }

    @Test
    void aReleaseLeftPendingByAnInterruptedUpgradeIsRecoveredOnResume() throws JournalException {
        SimulatedDeployment deployment = SimulatedDeployment.create();
        deployment.cluster().withHistory(GRAFANA, ReleaseStatus.SUPERSEDED, ReleaseStatus.DEPLOYED);
        deployment.cluster().release("grafana-stack").interruptsNextUpgrade();
        InMemoryJournal journal = new InMemoryJournal();
        // The client dies with the upgrade half done: the crash comes at the next journal append.
        RunHandle handle = deployment
                .executor()
                .retries(1, java.time.Duration.ofSeconds(1), 1)
                .build()
                .start(Platforms.plan(), new Journal() {
                    private boolean dead;

                    @Override
                    public void append(com.webgrip.deploy.core.journal.JournalEntry entry) throws JournalException {
                        if (dead
                                || deployment
                                        .cluster()
                                        .latest(GRAFANA)
                                        .orElseThrow()
                                        .status()
                                        .isPending()) {
                            dead = true;
                            deployment.time().discardPending();
                            throw new JournalException("simulated crash: the process died mid-upgrade");
                        }
                        journal.append(entry);
                    }

                    @Override
                    public List<com.webgrip.deploy.core.journal.JournalEntry> entries() {
                        return journal.entries();
                    }
                });
        deployment.time().runUntilIdle();
        assertThat(handle.result().toCompletableFuture().isDone()).isFalse();
        assertThat(deployment.cluster().latest(GRAFANA).orElseThrow().status())
                .isEqualTo(ReleaseStatus.PENDING_UPGRADE);

        SimulatedRun run =
                deployment.resume(deployment.executor().build(), Platforms.plan(), journal, ResumeMode.CONTINUE);

        assertThat(run).succeeded().hasEventsInOrder("recovering 060-grafana-stack", "step-deployed 060-grafana-stack");
        assertThat(deployment.cluster())
                .hasNoPendingRelease()
                .release("grafana-stack", "ns-grafana-stack")
                .isAt(5, ReleaseStatus.DEPLOYED);
        assertThat(deployment.cluster().operations())
                .containsSubsequence(
                        "upgrade ns-grafana-stack/grafana-stack -> 3 (interrupted)",
                        "rollback ns-grafana-stack/grafana-stack to 2 -> 4",
                        "upgrade ns-grafana-stack/grafana-stack -> 5");
    }

    @Test
    void aFinishedRunCannotBeResumed() {
        SimulatedDeployment deployment = SimulatedDeployment.create();
        InMemoryJournal journal = new InMemoryJournal();
        deployment.finish(deployment.executor().build().start(Platforms.plan(), journal));

        assertThatThrownBy(() -> deployment.executor().build().resume(Platforms.plan(), journal, ResumeMode.CONTINUE))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("already finished with SUCCEEDED");
    }

    @Test
    void aJournaledApprovalCoversOnlyThePlanItWasGivenFor() throws JournalException {
        SimulatedDeployment deployment = SimulatedDeployment.create();
        InMemoryJournal journal = new InMemoryJournal();
        RunPlan approved = new RunPlan("production", Platforms.plan().waves(), true);
        CrashingJournal crashing = CrashingJournal.afterWriting(journal, 3);
        crashing.onCrash(deployment.time()::discardPending);
        deployment
                .executor()
                .approvalGate(ApprovalGate.approvedBy("alice"))
                .build()
                .start(approved, crashing);
        deployment.time().runUntilIdle();
        assertThat(crashing.crashed()).isTrue();
        assertThat(journal.entries()).anyMatch(entry -> entry.type() == EntryType.APPROVAL);
        // A new commit with the same charts but a bumped chart version: the same steps, other content.
        RunPlan changed = new RunPlan(
                "production",
                Platforms.plan(step -> step.chart().equals("060-grafana-stack")
                                ? step.withChart(new ChartRef("grafana-stack", "2.1.0", Optional.empty()))
                                : step)
                        .waves(),
                true);

        assertThatThrownBy(() -> deployment.executor().build().resume(changed, journal, ResumeMode.CONTINUE))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("but the plan now is sha256:");
        SimulatedRun resumed = deployment.resume(deployment.executor().build(), approved, journal, ResumeMode.CONTINUE);
        assertThat(resumed.result().outcome())
                .as("the unchanged plan keeps its approval (the resumed executor has no approval gate)")
                .isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void aRunCannotBeResumedWithAnotherPlan() {
        SimulatedDeployment deployment = SimulatedDeployment.create();
        InMemoryJournal journal = new InMemoryJournal();
        startAndCrash(deployment, CrashingJournal.afterWriting(journal, 3));
        RunPlan other = RunPlan.of("staging", List.of(Platforms.plan().waves().get(0)));

        assertThatThrownBy(() -> deployment.executor().build().resume(other, journal, ResumeMode.CONTINUE))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("resume with the plan it started with");
    }

    private interface Check {
        void verify(SimulatedDeployment deployment, SimulatedRun run);
    }

    private static Stream<DynamicTest> crashEverywhere(Consumer<SimulatedDeployment> script, Check check) {
        SimulatedDeployment reference = SimulatedDeployment.create();
        script.accept(reference);
        InMemoryJournal referenceJournal = new InMemoryJournal();
        reference.finish(reference.executor().build().start(Platforms.plan(), referenceJournal));
        int appends = referenceJournal.entries().size();
        List<DynamicTest> tests = new ArrayList<>();
        for (int n = 1; n <= appends; n++) {
            for (boolean afterWrite : new boolean[] {false, true}) {
                if (afterWrite && n == appends) {
                    continue; // RUN_FINISHED was written: the run ended, there is nothing to resume
                }
                int at = n;
                String name = "crash " + (afterWrite ? "after" : "before") + " writing append " + at + " ("
                        + referenceJournal.entries().get(at - 1).type() + " "
                        + referenceJournal.entries().get(at - 1).chart() + ")";
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    SimulatedDeployment deployment = SimulatedDeployment.create();
                    script.accept(deployment);
                    InMemoryJournal journal = new InMemoryJournal();
                    startAndCrash(
                            deployment,
                            afterWrite
                                    ? CrashingJournal.afterWriting(journal, at)
                                    : CrashingJournal.beforeWriting(journal, at));
                    check.verify(deployment, resumeOrRestart(deployment, journal));
                }));
            }
        }
        return tests.stream();
    }

    private static void startAndCrash(SimulatedDeployment deployment, CrashingJournal journal) {
        journal.onCrash(deployment.time()::discardPending);
        deployment.executor().build().start(Platforms.plan(), journal);
        deployment.time().runUntilIdle();
        assertThat(journal.crashed()).as("the crash happened").isTrue();
    }

    /** Resumes the crashed run; a run whose first entry never landed is started afresh, as a person would. */
    private static SimulatedRun resumeOrRestart(SimulatedDeployment deployment, InMemoryJournal journal)
            throws JournalException {
        PlanExecutor executor = deployment.executor().build();
        if (journal.entries().isEmpty()) {
            return deployment.finish(executor.start(Platforms.plan(), new InMemoryJournal()));
        }
        return deployment.resume(executor, Platforms.plan(), journal, ResumeMode.CONTINUE);
    }

    private static int appendIndexOf(SimulatedDeployment deployment, String type, String chart)
            throws JournalException {
        InMemoryJournal journal = new InMemoryJournal();
        deployment.finish(deployment.executor().build().start(Platforms.plan(), journal));
        var entries = journal.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).type().name().equals(type)
                    && entries.get(i).chart().equals(chart)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " for " + chart);
    }
}
