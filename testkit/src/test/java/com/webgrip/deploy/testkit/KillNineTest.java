package com.webgrip.deploy.testkit;

import static com.webgrip.deploy.testkit.DeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.journal.JournalReplay;
import com.webgrip.deploy.core.journal.JsonLinesJournal;
import com.webgrip.deploy.core.run.ResumeMode;
import com.webgrip.deploy.core.run.RunOutcome;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of a JVM in the middle of a run, then a resume in this JVM from the journal file and the
 * simulated cluster's state file.
 */
class KillNineTest {

    private static final ReleaseRef GRAFANA = ReleaseRef.of("grafana-stack", "ns-grafana-stack");

    /** The cluster's script, set by the child before the run. */
    static void script(SimulatedCluster cluster) {
        cluster.withHistory(
                GRAFANA,
                ReleaseStatus.SUPERSEDED,
                ReleaseStatus.SUPERSEDED,
                ReleaseStatus.SUPERSEDED,
                ReleaseStatus.DEPLOYED,
                ReleaseStatus.FAILED);
        cluster.release("grafana-stack").crashLoopsAfterUpgrade();
    }

    @Test
    void aRunKilledWithSigkillMidWaveIsResumedToTheSameEnd(@TempDir Path folder) throws Exception {
        Path state = folder.resolve("cluster.json");
        Path journalFile = folder.resolve("run.jsonl");
        // Append 20 falls in wave 3 (cert-manager and grafana-stack side by side).
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KillNineChild.class.getName(),
                        state.toString(),
                        journalFile.toString(),
                        "20")
                .redirectErrorStream(true)
                .start();
        String line;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("PAUSED") && !line.startsWith("FINISHED"));
            assertThat(line).as("the child paused mid-run").startsWith("PAUSED");
            child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no flush
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by signal 9").isEqualTo(137);

        JsonLinesJournal journal = JsonLinesJournal.at(journalFile);
        assertThat(journal.entries()).hasSize(20);
        assertThat(JournalReplay.replay(journal.entries()).finished()).isFalse();
        VirtualTime time = VirtualTime.startingAt(SimulatedCluster.lastSavedAt(state));
        SimulatedCluster cluster = SimulatedCluster.persistedAt(state, time.clock());
        SimulatedDeployment deployment = SimulatedDeployment.of(time, cluster);

        SimulatedRun run =
                deployment.resume(deployment.executor().build(), Platforms.plan(), journal, ResumeMode.CONTINUE);

        assertThat(run)
                .hasOutcome(RunOutcome.ROLLED_BACK)
                .everyStepEndedOnce()
                .succeeded("010-cert-manager")
                .and()
                .rolledBack("060-grafana-stack")
                .toRevision(4);
        assertThat(cluster).hasNoPendingRelease();
        assertThat(SimulatedCluster.persistedAt(state, time.clock())
                        .latest(GRAFANA)
                        .orElseThrow()
                        .info()
                        .description())
                .isEqualTo("Rollback to 4");
        assertThat(JournalReplay.replay(journal.entries()).outcome()).contains("ROLLED_BACK");
        List<String> operations = cluster.operations();
        assertThat(operations)
                .filteredOn(op -> op.startsWith("upgrade ns-grafana-stack"))
                .hasSize(1);
    }
}
