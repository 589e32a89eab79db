package com.webgrip.deploy.cli;

import com.webgrip.deploy.core.history.Change;
import com.webgrip.deploy.core.journal.JournalReplay;
import com.webgrip.deploy.core.journal.JsonLinesJournal;
import com.webgrip.deploy.core.journal.ReplayedRun;
import com.webgrip.deploy.core.run.ResumeMode;
import com.webgrip.deploy.core.run.RunResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code webgrip-deploy resume}: picks up the latest run that did not finish (a crash, a kill) from its journal,
 * recovers releases left pending, and continues it or, with {@code --rollback}, rolls back what it changed. Exit
 * codes as {@code deploy}.
 */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = {
            "Resumes the latest unfinished run from its journal: recovers pending releases, then continues it",
            "or (--rollback) rolls back every release it changed. Exit codes as `deploy`."
        })
final class ResumeCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--rollback", description = "roll back what the run changed instead of continuing it")
    boolean rollback;

    @Option(names = "--run", paramLabel = "ID", description = "the run to resume (default: the latest journal)")
    String runId;

    ResumeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Simulation simulation = Simulation.forResume(options, context);
        Path file = runId != null
                ? simulation.state.journal(runId)
                : simulation
                        .state
                        .latestJournal()
                        .orElseThrow(() -> new IllegalArgumentException("no run journal in "
                                + simulation.state.root().resolve("runs") + "; nothing to resume"));
        try (JsonLinesJournal journal = JsonLinesJournal.at(file)) {
            ReplayedRun replayed = JournalReplay.replay(journal.entries());
            RunResult result = simulation.time.runUntilDone(simulation
                    .executor(Change.UNKNOWN, replayed.runId())
                    .resume(simulation.plan, journal, rollback ? ResumeMode.ROLL_BACK : ResumeMode.CONTINUE)
                    .result());
            return result.outcome().exitCode();
        }
    }
}
