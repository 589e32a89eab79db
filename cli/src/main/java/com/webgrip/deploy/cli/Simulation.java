package com.webgrip.deploy.cli;

import com.webgrip.deploy.core.history.Change;
import com.webgrip.deploy.core.history.JsonLinesHistory;
import com.webgrip.deploy.core.plan.DeploymentPlan;
import com.webgrip.deploy.core.plan.Step;
import com.webgrip.deploy.core.platform.Platform;
import com.webgrip.deploy.core.platform.PlatformException;
import com.webgrip.deploy.core.platform.SecretDecryptor;
import com.webgrip.deploy.core.platform.SopsSecrets;
import com.webgrip.deploy.core.policy.Policies;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import com.webgrip.deploy.core.run.ApprovalGate;
import com.webgrip.deploy.core.run.JsonEventStream;
import com.webgrip.deploy.core.run.PlanExecutor;
import com.webgrip.deploy.core.run.ProgressView;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.core.run.RunStep;
import com.webgrip.deploy.testkit.SimulatedCluster;
import com.webgrip.deploy.testkit.VirtualTime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What deploy and resume build from their options: the plan from the ops folder, and, with {@code --simulate}, a
 * simulated cluster kept in the state folder with virtual time, an executor wired to both, the journal folder and the
 * history.
 */
final class Simulation {

    /** The policy of the command line: the standard one, plus an error rate above 5% for a minute. */
    static final RollbackPolicy POLICY =
            Policies.allOf(Policies.standard(), Policies.onErrorRate(SimulatedCluster.ERROR_RATE, 0.05));

    final RunOptions options;
    final CliContext context;
    final StateDir state;
    final VirtualTime time;
    final SimulatedCluster cluster;
    final JsonLinesHistory history;
    final boolean secretsMasked;
    final RunPlan plan;

    private Simulation(RunOptions options, CliContext context, boolean keepScripts)
            throws IOException, PlatformException {
        if (!options.simulate) {
            throw new IllegalArgumentException("deploying to a real cluster needs a Deployer over Kubernetes, which"
                    + " this build does not have yet; add --simulate to run on the simulated cluster");
        }
        this.options = options;
        this.context = context;
        this.state = StateDir.of(options.ops, options.stateDir);
        Instant start = context.clock().instant();
        if (Files.exists(state.simulatedCluster())) {
            Instant saved = SimulatedCluster.lastSavedAt(state.simulatedCluster());
            start = saved.isAfter(start) ? saved : start;
        }
        this.time = VirtualTime.startingAt(start);
        this.cluster = SimulatedCluster.persistedAt(state.simulatedCluster(), time.clock());
        if (!keepScripts) {
            cluster.clearScripts();
        }
        this.history = JsonLinesHistory.at(state.history());
        Optional<SecretDecryptor> decryptor = options.identity != null
                ? Optional.of(SopsSecrets.withIdentityFile(options.identity))
                : SecretsProbe.keysThatOpen(
                        options.ops, SopsSecrets.fromEnvironment(SopsKeys.environment(context)), context);
        this.secretsMasked = decryptor.isEmpty();
        Platform platform = Platform.load(options.ops);
        DeploymentPlan deploymentPlan = platform.planner(options.environment)
                .decryptWith(decryptor.orElse(SecretDecryptor.none()))
                .rollbackPolicy(POLICY)
                .plan();
        RunPlan runPlan = RunPlan.of(
                deploymentPlan, platform.environment(options.environment).approvalRequired());
        this.plan = secretsMasked ? masked(runPlan, deploymentPlan) : runPlan;
    }

    static Simulation forDeploy(RunOptions options, CliContext context) throws IOException, PlatformException {
        return new Simulation(options, context, false);
    }

    static Simulation forResume(RunOptions options, CliContext context) throws IOException, PlatformException {
        return new Simulation(options, context, true);
    }

    /** Without a key, the simulation deploys secrets as typed placeholders: it never needs the plaintext. */
    private static RunPlan masked(RunPlan runPlan, DeploymentPlan deploymentPlan) {
        List<List<RunStep>> waves = new ArrayList<>();
        for (List<RunStep> wave : runPlan.waves()) {
            List<RunStep> steps = new ArrayList<>();
            for (RunStep step : wave) {
                Step planned = deploymentPlan.step(step.chart()).orElseThrow();
                steps.add(step.withValues(planned::maskedUserValues));
            }
            waves.add(steps);
        }
        return new RunPlan(runPlan.environment(), waves, runPlan.requiresApproval());
    }

    /** A run id: the virtual start time and six random hex digits, also the journal's file name. */
    String newRunId() {
        byte[] random = new byte[3];
        context.random().nextBytes(random);
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(time.now())
                + "-" + java.util.HexFormat.of().formatHex(random);
    }

    PlanExecutor executor(Change change, String runId) {
        PrintStream out = new PrintStream(context.stdout(), true, StandardCharsets.UTF_8);
        return PlanExecutor.builder(cluster, cluster)
                .metricSource(cluster)
                .findingSource(cluster)
                .scheduler(time)
                .blockingExecutor(time)
                .clock(time.clock())
                .pollInterval(Duration.ofSeconds(5))
                .retries(3, Duration.ofSeconds(10), 2.0)
                .maxParallel(options.parallel)
                .approvalGate(
                        options.approveAs == null ? ApprovalGate.NOBODY : ApprovalGate.approvedBy(options.approveAs))
                .runIds(() -> runId)
                .onFinished(history.recorder(change))
                .knownUnhealthy(history::unhealthyRevisions)
                .listener(options.json ? new JsonEventStream(out) : new ProgressView(out, false))
                .build();
    }
}
