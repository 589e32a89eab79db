package com.webgrip.deploy.core.run;

import static com.webgrip.deploy.core.run.RealTimeCluster.STUCK_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.health.HealthReport;
import com.webgrip.deploy.core.health.HealthStatus;
import com.webgrip.deploy.core.health.Reasons;
import com.webgrip.deploy.core.health.ResourceHealth;
import com.webgrip.deploy.core.health.ResourceRef;
import com.webgrip.deploy.core.journal.EntryType;
import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.journal.JournalEntry;
import com.webgrip.deploy.core.journal.JournalException;
import com.webgrip.deploy.core.policy.Policies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A health check's messages are untrusted text: what they echo of a step's secrets is masked in events, decisions,
 * the journal and the result, also in a resumed run that never deployed the step itself.
 */
class HealthRedactionTest {

    private static final String PASSWORD = "pa55-w0rd-from-sops";
    private static final String PIN = "917";
    private static final RunPlan PLAN = RunPlan.of(
            "production", List.of(List.of(RunStep.of("010-db", "db", "data").withValues(new SecretValues()))));

    private final RealTimeCluster cluster = new RealTimeCluster(target -> HealthReport.of(ResourceHealth.of(
            ResourceRef.of("Pod", target.namespace(), target.release() + "-0"),
            HealthStatus.FAILED,
            Reasons.CRASH_LOOP_BACK_OFF,
            "back-off restarting: exec db --password=" + PASSWORD + " --pin " + PIN + " failed")));
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private final PlanExecutor executor = cluster.executor()
            .defaultPolicy(Policies.onHealthFailure(Duration.ZERO))
            .listener(events::add)
            .build();

    @Test
    void aSecretEchoedByAHealthCheckIsMaskedInEventsDecisionsTheJournalAndTheResult() throws Exception {
        RealTimeCluster.ListJournal journal = new RealTimeCluster.ListJournal();

        RunResult result = await(executor.start(PLAN, journal));

        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(result.step("010-db").reason()).contains("--password=[redacted] --pin [redacted] failed");
        assertThat(events)
                .anySatisfy(e -> assertThat(e).isInstanceOf(RunEvent.HealthObserved.class))
                .anySatisfy(e -> assertThat(e).isInstanceOf(RunEvent.DecisionMade.class));
        assertNoSecretIn(result, journal);
    }

    @Test
    void aResumedRunWatchingARevisionDeployedBeforeTheCrashMasksWhatItsHealthEchoes() throws Exception {
        RealTimeCluster.ListJournal journal = crashedAfterTheDeploy();

        RunResult result = await(executor.resume(PLAN, journal, ResumeMode.CONTINUE));

        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(result.step("010-db").reason()).contains("--password=[redacted] --pin [redacted] failed");
        assertNoSecretIn(result, journal);
    }

    @Test
    void aResumedRollbackMasksWhatAFailedUninstallEchoes() throws Exception {
        RealTimeCluster.ListJournal journal = crashedAfterTheDeploy();
        cluster.uninstallFailure = "uninstall: hook failed: job db-cleanup exited: bad password " + PASSWORD;

        RunResult result = await(executor.resume(PLAN, journal, ResumeMode.ROLL_BACK));

        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLBACK_FAILED);
        assertThat(result.step("010-db").reason()).contains("bad password [redacted]");
        assertNoSecretIn(result, journal);
    }

    /** A run that crashed (its journal failed) right after journaling its deploy; its entries, for a resume. */
    private RealTimeCluster.ListJournal crashedAfterTheDeploy() throws Exception {
        List<JournalEntry> written = new ArrayList<>();
        Journal crashing = new Journal() {
            @Override
            public synchronized void append(JournalEntry entry) throws JournalException {
                if (!written.isEmpty() && written.get(written.size() - 1).type() == EntryType.DEPLOYED) {
                    throw new JournalException("the disk is gone");
                }
                written.add(entry);
            }

            @Override
            public synchronized List<JournalEntry> entries() {
                return List.copyOf(written);
            }
        };
        assertThat(await(executor.start(PLAN, crashing)).outcome()).isEqualTo(RunOutcome.ABORTED);
        RealTimeCluster.ListJournal journal = new RealTimeCluster.ListJournal();
        for (JournalEntry entry : crashing.entries()) {
            journal.append(entry);
        }
        events.clear();
        return journal;
    }

    private void assertNoSecretIn(RunResult result, RealTimeCluster.ListJournal journal) {
        executor.close();
        assertThat(result.steps().toString() + result.reason()).doesNotContain(PASSWORD, " " + PIN + " ");
        assertThat(events)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.toString()).doesNotContain(PASSWORD, " " + PIN + " "));
        assertThat(journal.entries())
                .isNotEmpty()
                .allSatisfy(entry ->
                        assertThat(entry.reason() + " " + entry.value()).doesNotContain(PASSWORD, " " + PIN + " "));
    }

    private static RunResult await(RunHandle handle) throws Exception {
        return handle.result().toCompletableFuture().get(STUCK_SECONDS, TimeUnit.SECONDS);
    }

    /** A step's values whose password and PIN came from a secret layer. */
    private static final class SecretValues implements StepValues {
        @Override
        public Map<String, Object> resolve() {
            return Map.of("db", Map.of("password", PASSWORD, "pin", PIN));
        }

        @Override
        public Set<String> secretValues(Map<String, Object> resolved) {
            return Set.of(PASSWORD, PIN);
        }
    }
}
