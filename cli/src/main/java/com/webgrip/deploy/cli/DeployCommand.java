package com.webgrip.deploy.cli;

import com.webgrip.deploy.core.history.Change;
import com.webgrip.deploy.core.journal.JsonLinesJournal;
import com.webgrip.deploy.core.run.PlanExecutor;
import com.webgrip.deploy.core.run.RunHandle;
import com.webgrip.deploy.core.run.RunResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code webgrip-deploy deploy}: runs the plan of an environment wave by wave behind health gates, rolling back by
 * policy. Exit codes: 0 succeeded (or dry run), 1 error, 2 usage, 3 rolled back, 4 failed, 5 a rollback failed, 6 a
 * person is needed, 7 approval refused, 8 cancelled, 9 aborted (resume it).
 */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = {
            "Deploys the plan of an environment wave by wave, watching health and rolling back by policy.",
            "Exit codes: 0 succeeded or dry run, 1 error, 2 usage, 3 rolled back, 4 failed, 5 rollback failed,",
            "6 needs a person, 7 approval refused, 8 cancelled, 9 aborted (run `resume`)."
        })
final class DeployCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(
            names = "--simulate-failure",
            paramLabel = "CHART=KIND",
            description = "script a failure on the simulated cluster: crash-loop, timeout, error-rate,"
                    + " rollback-fails, oom, image-pull (repeatable)")
    List<String> failures = new ArrayList<>();

    @Option(names = "--dry-run", description = "resolve values and ask the deployer, change nothing")
    boolean dryRun;

    @Option(names = "--commit", paramLabel = "ID", description = "the commit deployed, for the history")
    String commit = "";

    @Option(
            names = "--commit-time",
            paramLabel = "TIME",
            description = "its commit time, ISO-8601 or seconds since the epoch (`git log -1 --format=%ct`)")
    String commitTime;

    DeployCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Simulation simulation = Simulation.forDeploy(options, context);
        for (String failure : failures) {
            int equals = failure.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("--simulate-failure expects CHART=KIND, found [" + failure + "]");
            }
            String chart = failure.substring(0, equals);
            var step = simulation.plan.steps().stream()
                    .filter(s -> s.chart().equals(chart))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--simulate-failure names " + chart + ", which is not a chart of the plan"));
            SimulatedFailure.parse(failure.substring(equals + 1))
                    .apply(simulation.cluster.release(step.release().name()));
        }
        if (simulation.secretsMasked) {
            context.stderr()
                    .println(
                            "deploy: no key that opens the platform's secrets (--identity, SOPS_AGE_KEY, SOPS_AGE_KEY_FILE,"
                                    + " SOPS_AGE_KEY_CMD, the sops age keys file, ~/.ssh, GnuPG): the simulation deploys"
                                    + " secret values as placeholders");
        }
        String runId = simulation.newRunId();
        PlanExecutor executor = simulation.executor(change(), runId);
        if (dryRun) {
            return finish(simulation, executor.dryRun(simulation.plan));
        }
        try (JsonLinesJournal journal = JsonLinesJournal.at(simulation.state.journal(runId))) {
            return finish(simulation, executor.start(simulation.plan, journal));
        }
    }

    private int finish(Simulation simulation, RunHandle handle) {
        RunResult result = simulation.time.runUntilDone(handle.result());
        return result.outcome().exitCode();
    }

    private Change change() {
        Optional<Instant> time = Optional.empty();
        if (commitTime != null) {
            time = Optional.of(
                    commitTime.matches("\\d+")
                            ? Instant.ofEpochSecond(Long.parseLong(commitTime))
                            : Instant.parse(commitTime));
        }
        return new Change(commit, time);
    }
}
