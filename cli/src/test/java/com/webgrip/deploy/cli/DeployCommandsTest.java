package com.webgrip.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.journal.JsonLinesJournal;
import com.webgrip.deploy.core.platform.Platform;
import com.webgrip.deploy.core.run.PlanExecutor;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.testkit.CrashingJournal;
import com.webgrip.deploy.testkit.SimulatedCluster;
import com.webgrip.deploy.testkit.VirtualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs deploy, resume, history and metrics on the example ops tree, as the README shows them. */
class DeployCommandsTest {

    private static final String OPS = Path.of("..", "examples", "ops").toString();

    @TempDir
    Path state;

    private CliHarness.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--state-dir";
        all[args.length + 1] = state.toString();
        return new CliHarness().run(all);
    }

    @Test
    void deploysTheExamplePlatformOnTheSimulatedCluster() {
        CliHarness.Result result = run("deploy", OPS, "--env", "staging", "--simulate");

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(result.stdoutText())
                .contains("wave 3/8: 010-cert-manager, 060-grafana-stack")
                .contains("950-example-services: succeeded")
                .contains("run SUCCEEDED (exit code 0): 9 of 9 steps succeeded");
        assertThat(result.stderr()).contains("secret values as placeholders");
        assertThat(state.resolve("history.jsonl")).exists();
        assertThat(state.resolve("runs"))
                .isDirectoryContaining(f -> f.toString().endsWith(".jsonl"));
    }

    /** A key that has nothing to do with the example platform, generated for this test only. */
    private static final String UNRELATED_KEY =
            "AGE-SECRET-KEY-1J4SDVJXSEUN5RJSXMWZ5A8W5VAX44ZK58L37420H9YRTTEY303QSA2JVC2";

    @Test
    void keysFoundInTheHomeFolderThatDoNotOpenTheSecretsFallBackToPlaceholders(@TempDir Path home) throws Exception {
        Path keys = home.resolve(".config/sops/age/keys.txt");
        Files.createDirectories(keys.getParent());
        Files.writeString(keys, UNRELATED_KEY + "\n");

        CliHarness.Result result = new CliHarness()
                .environment(java.util.Map.of("HOME", home.toString()))
                .run("deploy", OPS, "--env", "staging", "--simulate", "--state-dir", state.toString());

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(result.stderr())
                .contains("do not open")
                .contains("secret values as placeholders")
                .doesNotContain(UNRELATED_KEY);
    }

    @Test
    void aKeyNamedByTheEnvironmentThatDoesNotOpenTheSecretsStopsTheRunBeforeItStarts() {
        CliHarness.Result result = new CliHarness()
                .environment(java.util.Map.of("SOPS_AGE_KEY", UNRELATED_KEY))
                .run("deploy", OPS, "--env", "staging", "--simulate", "--state-dir", state.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.stderr())
                .contains("the SOPS key named by the environment does not open")
                .contains(".sops.yaml")
                .doesNotContain(UNRELATED_KEY);
        assertThat(state.resolve("runs")).doesNotExist();
    }

    @Test
    void aSimulatedCrashLoopRollsGrafanaBackAndTheExitCodeSaysSo() {
        assertThat(run("deploy", OPS, "--env", "staging", "--simulate").status())
                .isZero();

        CliHarness.Result result = run(
                "deploy", OPS, "--env", "staging", "--simulate", "--simulate-failure", "060-grafana-stack=crash-loop");

        assertThat(result.status()).as(result.stderr()).isEqualTo(3);
        assertThat(result.stdoutText())
                .contains("060-grafana-stack: rolling back revision 2 to revision 1")
                .contains("060-grafana-stack: rolled back")
                .contains("not started: 020-cluster-issuers, 030-ingress-controllers")
                .contains("run ROLLED_BACK (exit code 3)");
        CliHarness.Result history = run("history", OPS);
        assertThat(history.stdoutText()).contains("grafana-stack r2 (rolled back to r1)");
        CliHarness.Result metrics = run("metrics", OPS, "--env", "staging");
        assertThat(metrics.stdoutText())
                .contains("2 deployments")
                .contains("change failure rate    50.0% (1 of 2)")
                .contains("1 restored");
    }

    @Test
    void aRollbackThatFailsExitsWithFive() {
        assertThat(run("deploy", OPS, "--env", "staging", "--simulate").status())
                .isZero();

        CliHarness.Result result = run(
                "deploy",
                OPS,
                "--env",
                "staging",
                "--simulate",
                "--simulate-failure",
                "030-ingress-controllers=rollback-fails");

        assertThat(result.status()).isEqualTo(5);
        assertThat(result.stdoutText()).contains("the rollback failed");
    }

    @Test
    void productionWithoutApprovalIsRefusedAndWithItDeploys() {
        CliHarness.Result refused = run("deploy", OPS, "--env", "production", "--simulate");
        CliHarness.Result approved = run("deploy", OPS, "--env", "production", "--simulate", "--approve-as", "alice");

        assertThat(refused.status()).isEqualTo(7);
        assertThat(refused.stdoutText()).contains("refused by nobody");
        assertThat(approved.status()).isZero();
        assertThat(approved.stdoutText()).contains("approved by alice");
    }

    @Test
    void resumesARunThatCrashedMidWave() throws Exception {
        // A run of the same plan dies at its 20th journal append, as a killed process would.
        VirtualTime time = VirtualTime.create();
        SimulatedCluster cluster = SimulatedCluster.persistedAt(state.resolve("simulated-cluster.json"), time.clock());
        Platform platform = Platform.load(Path.of(OPS));
        RunPlan plan = RunPlan.of(
                platform.planner("staging").rollbackPolicy(Simulation.POLICY).plan(), false);
        RunPlan masked = new RunPlan(
                plan.environment(),
                plan.waves().stream()
                        .map(w -> w.stream()
                                .map(s -> s.withValues(java.util.Map::of))
                                .toList())
                        .toList(),
                false);
        CrashingJournal journal = CrashingJournal.afterWriting(
                        JsonLinesJournal.at(state.resolve("runs").resolve("crashed.jsonl")), 20)
                .onCrash(time::discardPending);
        PlanExecutor.builder(cluster, cluster)
                .metricSource(cluster)
                .scheduler(time)
                .blockingExecutor(time)
                .clock(time.clock())
                .runIds(() -> "crashed")
                .build()
                .start(masked, journal);
        time.runUntilIdle();
        assertThat(journal.crashed()).isTrue();

        CliHarness.Result result = run("resume", OPS, "--env", "staging", "--simulate");

        assertThat(result.status()).as(result.stdoutText() + result.stderr()).isZero();
        assertThat(result.stdoutText()).contains("resuming run crashed").contains("run SUCCEEDED");
        assertThat(Files.readString(state.resolve("runs").resolve("crashed.jsonl")))
                .contains("RUN_FINISHED");
    }

    @Test
    void explainsWhatIsMissingWithoutSimulateAndOnABadFailureKind() {
        CliHarness.Result real = run("deploy", OPS, "--env", "staging");
        CliHarness.Result badKind =
                run("deploy", OPS, "--env", "staging", "--simulate", "--simulate-failure", "060-grafana-stack=meteor");
        CliHarness.Result badChart =
                run("deploy", OPS, "--env", "staging", "--simulate", "--simulate-failure", "999-nothing=timeout");
        CliHarness.Result nothingToResume = run("resume", OPS, "--env", "staging", "--simulate");

        assertThat(real.status()).isEqualTo(1);
        assertThat(real.stderr()).contains("add --simulate");
        assertThat(badKind.stderr()).contains("unknown failure kind [meteor]; expected one of crash-loop, timeout");
        assertThat(badChart.stderr()).contains("names 999-nothing, which is not a chart of the plan");
        assertThat(nothingToResume.stderr()).contains("nothing to resume");
    }
}
