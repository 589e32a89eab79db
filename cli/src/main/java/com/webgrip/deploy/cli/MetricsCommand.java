package com.webgrip.deploy.cli;

import com.webgrip.deploy.core.history.DeploymentRecord;
import com.webgrip.deploy.core.history.Dora;
import com.webgrip.deploy.core.history.DoraReport;
import com.webgrip.deploy.core.history.JsonLinesHistory;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webgrip-deploy metrics}: DORA's four keys from the deployment history, for one environment and period. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = "Prints DORA's four keys (deployment frequency, lead time for changes, change failure rate,"
                + " time to restore) for an environment from the deployment history.")
final class MetricsCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "OPS", description = "the ops folder (default: ./ops)")
    Path ops = Path.of("ops");

    @Option(names = "--env", paramLabel = "ENV", description = "the environment (default: default)")
    String environment = "default";

    @Option(names = "--state-dir", paramLabel = "DIR", description = "default: .webgrip-deploy next to OPS")
    Path stateDir;

    @Option(names = "--days", paramLabel = "N", description = "the period: the last N days (default: 30)")
    int days = 30;

    MetricsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<DeploymentRecord> records =
                JsonLinesHistory.at(StateDir.of(ops, stateDir).history()).records();
        // The period ends after the latest record, so runs recorded in virtual time (--simulate) count too.
        Instant to = records.stream()
                .map(DeploymentRecord::finished)
                .max(Instant::compareTo)
                .filter(latest -> latest.isAfter(context.clock().instant()))
                .orElse(context.clock().instant())
                .plusSeconds(1);
        DoraReport report = Dora.report(records, environment, to.minus(Duration.ofDays(days)), to);
        PrintStream out = new PrintStream(context.stdout(), true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "DORA for %s, the last %d days%n", environment, days);
        out.printf(
                Locale.ROOT,
                "  deployment frequency   %d deployments, %.2f per day%n",
                report.deployments(),
                report.deploymentsPerDay());
        out.printf(
                Locale.ROOT,
                "  lead time for changes  median %s, p90 %s%n",
                format(report.leadTimeMedian()),
                format(report.leadTimeP90()));
        out.printf(
                Locale.ROOT,
                "  change failure rate    %s (%d of %d)%n",
                report.changeFailureRate().isPresent()
                        ? String.format(
                                Locale.ROOT,
                                "%.1f%%",
                                report.changeFailureRate().getAsDouble() * 100)
                        : "n/a",
                report.failedDeployments(),
                report.deployments());
        out.printf(
                Locale.ROOT,
                "  time to restore        median %s (%d restored, %d not restored)%n",
                format(report.timeToRestoreMedian()),
                report.restores(),
                report.unrestored());
        return 0;
    }

    private static String format(Optional<Duration> duration) {
        return duration.map(d -> d.toString().substring(2).toLowerCase(Locale.ROOT))
                .orElse("n/a");
    }
}
