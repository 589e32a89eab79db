package com.webgrip.deploy.testkit;

import static com.webgrip.deploy.testkit.DeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.history.Change;
import com.webgrip.deploy.core.history.Dora;
import com.webgrip.deploy.core.history.DoraReport;
import com.webgrip.deploy.core.history.JsonLinesHistory;
import com.webgrip.deploy.core.journal.JsonLinesJournal;
import com.webgrip.deploy.core.run.JsonEventStream;
import com.webgrip.deploy.core.run.ProgressView;
import com.webgrip.deploy.core.run.RunOutcome;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenersAndHistoryTest {

    private static final String SECRET = "hunter2-do-not-print";
    private static final ReleaseRef GRAFANA = ReleaseRef.of("grafana-stack", "ns-grafana-stack");

    @TempDir
    Path folder;

    @Test
    void progressJsonEventsJournalAndResultNeverHoldASecretValue() throws IOException {
        SimulatedDeployment deployment = SimulatedDeployment.create();
        deployment.cluster().release("grafana-stack").crashLoopsAfterUpgrade();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        RunPlan plan = Platforms.plan(step -> step.withValues(() -> Map.of("adminPassword", SECRET)));
        Path journalFile = folder.resolve("run.jsonl");

        SimulatedRun run = deployment.finish(deployment
                .executor()
                .listener(new ProgressView(new PrintStream(progress, true, StandardCharsets.UTF_8), false))
                .listener(new JsonEventStream(new PrintStream(json, true, StandardCharsets.UTF_8)))
                .build()
                .start(plan, JsonLinesJournal.at(journalFile)));

        String progressText = progress.toString(StandardCharsets.UTF_8);
        String jsonText = json.toString(StandardCharsets.UTF_8);
        assertThat(progressText)
                .contains("starting run run-1 to staging: 9 steps in 8 waves")
                .contains("wave 3/8: 010-cert-manager, 060-grafana-stack")
                .contains("060-grafana-stack: rolling back revision 1 (uninstall)")
                .contains("run ROLLED_BACK (exit code 3)")
                .doesNotContain(SECRET);
        List<String> kinds = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : jsonText.lines().toList()) {
            JsonNode node = mapper.readTree(line);
            assertThat(node.path("runId").asText()).isEqualTo("run-1");
            kinds.add(node.path("event").asText());
        }
        assertThat(kinds).startsWith("run-started").endsWith("run-finished").contains("rollback-started");
        assertThat(jsonText).doesNotContain(SECRET);
        assertThat(Files.readString(journalFile)).doesNotContain(SECRET);
        assertThat(run.result().toString() + run.result().steps() + run.events())
                .doesNotContain(SECRET);
    }

    @Test
    void theHistoryKnowsBadRevisionsSoARollbackSkipsWhatHelmThinksIsFine() throws IOException {
        SimulatedDeployment deployment = SimulatedDeployment.create();
        JsonLinesHistory history = JsonLinesHistory.at(folder.resolve("history.jsonl"));
        deployment.cluster().withHistory(GRAFANA, ReleaseStatus.SUPERSEDED, ReleaseStatus.DEPLOYED);
        deployment.cluster().release("grafana-stack").crashLoopsAfterUpgrade();
        // First run never rolls back: revision 3 crash-loops and stays "deployed" as far as Helm knows.
        SimulatedRun first = deployment.run(
                recording(deployment, history, "aaa111").build(),
                Platforms.plan("060-grafana-stack", com.webgrip.deploy.core.policy.Policies.never()));
        assertThat(first).hasOutcome(RunOutcome.FAILED);
        deployment.time().advance(Duration.ofHours(1));

        // Second run: revision 4 crash-loops too. Helm's previous revision 3 is superseded, "deployed once", but
        // the history recorded it as failed: the rollback goes to 2.
        SimulatedRun second =
                deployment.run(recording(deployment, history, "bbb222").build(), Platforms.plan());

        assertThat(second).rolledBack("060-grafana-stack").toRevision(2);
        assertThat(history.unhealthyRevisions(GRAFANA)).containsExactly(3, 4);
        DoraReport report = Dora.report(
                history.records(),
                "staging",
                Instant.parse("2024-01-01T00:00:00Z"),
                deployment.time().now().plusSeconds(1));
        assertThat(report.deployments()).isEqualTo(2);
        assertThat(report.changeFailureRate()).hasValue(1.0);
        assertThat(report.restores()).isEqualTo(1);
        assertThat(report.unrestored()).isEqualTo(1);
    }

    private static com.webgrip.deploy.core.run.PlanExecutor.Builder recording(
            SimulatedDeployment deployment, JsonLinesHistory history, String commit) {
        return deployment
                .executor()
                .onFinished(history.recorder(Change.of(commit, deployment.time().now())))
                .knownUnhealthy(history::unhealthyRevisions);
    }
}
