package com.webgrip.deploy.cli;

import com.webgrip.deploy.core.history.DeploymentRecord;
import com.webgrip.deploy.core.history.JsonLinesHistory;
import com.webgrip.deploy.core.history.ReleaseRecord;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webgrip-deploy history}: the runs recorded in the deployment history, newest last. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Lists the runs recorded in the deployment history (STATE_DIR/history.jsonl), newest last.")
final class HistoryCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "OPS", description = "the ops folder (default: ./ops)")
    Path ops = Path.of("ops");

    @Option(names = "--env", paramLabel = "ENV", description = "only runs to this environment")
    String environment;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "default: .webgrip-deploy next to OPS")
    Path stateDir;

    @Option(names = "--limit", paramLabel = "N", description = "the last N runs (default: 20)")
    int limit = 20;

    HistoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<DeploymentRecord> records = JsonLinesHistory.at(
                        StateDir.of(ops, stateDir).history())
                .records()
                .stream()
                .filter(r -> environment == null || r.environment().equals(environment))
                .toList();
        PrintStream out = new PrintStream(context.stdout(), true, StandardCharsets.UTF_8);
        out.printf(
                Locale.ROOT,
                "%-24s %-12s %-16s %-10s %-20s %s%n",
                "RUN",
                "ENV",
                "OUTCOME",
                "COMMIT",
                "FINISHED",
                "CHANGES");
        for (DeploymentRecord r : records.subList(Math.max(0, records.size() - limit), records.size())) {
            out.printf(
                    Locale.ROOT,
                    "%-24s %-12s %-16s %-10s %-20s %s%n",
                    r.runId(),
                    r.environment(),
                    r.outcome(),
                    r.change().commitId().isEmpty()
                            ? "-"
                            : r.change()
                                    .commitId()
                                    .substring(
                                            0,
                                            Math.min(10, r.change().commitId().length())),
                    r.finished().toString().substring(0, 19),
                    changes(r));
        }
        return 0;
    }

    private static String changes(DeploymentRecord record) {
        String text = record.releases().stream()
                .filter(r -> r.deployedRevision() > 0)
                .map(HistoryCommand::change)
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "-" : text;
    }

    private static String change(ReleaseRecord release) {
        String text = release.release() + " r" + release.deployedRevision();
        if (release.state().equals("ROLLED_BACK")) {
            text += release.rolledBackTo() == 0
                    ? " (uninstalled)"
                    : " (rolled back to r" + release.rolledBackTo() + ")";
        } else if (!release.state().equals("SUCCEEDED")) {
            text += " (" + release.state().toLowerCase(Locale.ROOT) + ")";
        }
        return text;
    }
}
