package com.webgrip.deploy.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * DORA's four keys, computed from a deployment history, per environment and period.
 *
 * <ul>
 *   <li><b>Deployment frequency</b>: runs finished in the period that changed at least one release (dry runs,
 *       refused approvals and runs that changed nothing do not count), per day.
 *   <li><b>Lead time for changes</b>: for each successful deployment with a commit time, the time from the commit
 *       to the end of the run (the change running in the environment); median and 90th percentile.
 *   <li><b>Change failure rate</b>: deployments that ended rolled back, failed, with a failed rollback or needing a
 *       person (they degraded service and needed remediation), over all deployments.
 *   <li><b>Time to restore service</b>: for each failed deployment, from when its first failing step started (the
 *       bad revision going live) to the restore: the end of that step's rollback when the run rolled it back, else
 *       the end of the next successful deployment to the same environment. Failed deployments with neither are
 *       counted as unrestored.
 * </ul>
 */
public final class Dora {

    private Dora() {}

    /**
     * The report for one environment and period.
     *
     * @param history every record, any order (later records are needed to find restores)
     * @param environment the environment
     * @param from the period's start (inclusive), by the runs' end time
     * @param to the period's end (exclusive)
     * @return the report
     */
    public static DoraReport report(List<DeploymentRecord> history, String environment, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period ends after it starts, found " + from + " to " + to);
        }
        List<DeploymentRecord> all = history.stream()
                .filter(r -> r.environment().equals(environment) && r.changedSomething())
                .sorted(Comparator.comparing(DeploymentRecord::finished))
                .toList();
        List<DeploymentRecord> inPeriod = all.stream()
                .filter(r -> !r.finished().isBefore(from) && r.finished().isBefore(to))
                .toList();
        List<Duration> leadTimes = new ArrayList<>();
        List<Duration> restoreTimes = new ArrayList<>();
        int failed = 0;
        int unrestored = 0;
        for (DeploymentRecord record : inPeriod) {
            if (record.outcome() == com.webgrip.deploy.core.run.RunOutcome.SUCCEEDED) {
                record.change().commitTime().ifPresent(t -> leadTimes.add(Duration.between(t, record.finished())));
            }
            if (record.failedChange()) {
                failed++;
                Optional<Duration> restore = timeToRestore(record, all);
                if (restore.isPresent()) {
                    restoreTimes.add(restore.get());
                } else {
                    unrestored++;
                }
            }
        }
        double days = Duration.between(from, to).toSeconds() / 86_400.0;
        return new DoraReport(
                environment,
                from,
                to,
                inPeriod.size(),
                inPeriod.size() / days,
                percentile(leadTimes, 50),
                percentile(leadTimes, 90),
                failed,
                inPeriod.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of((double) failed / inPeriod.size()),
                restoreTimes.size(),
                percentile(restoreTimes, 50),
                unrestored);
    }

    private static Optional<Duration> timeToRestore(DeploymentRecord failed, List<DeploymentRecord> all) {
        Optional<ReleaseRecord> firstFailure = failed.releases().stream()
                .filter(ReleaseRecord::deployedUnhealthy)
                .filter(r -> r.started().isPresent())
                .min(Comparator.comparing(r -> r.started().orElseThrow()));
        if (firstFailure.isEmpty()) {
            return Optional.empty();
        }
        Instant start = firstFailure.get().started().orElseThrow();
        if (failed.outcome() == com.webgrip.deploy.core.run.RunOutcome.ROLLED_BACK) {
            Instant restored = failed.releases().stream()
                    .filter(r -> r.state().equals("ROLLED_BACK"))
                    .map(ReleaseRecord::finished)
                    .max(Comparator.naturalOrder())
                    .orElse(failed.finished());
            return Optional.of(Duration.between(start, restored));
        }
        return all.stream()
                .filter(r -> r.finished().isAfter(failed.finished())
                        && r.outcome() == com.webgrip.deploy.core.run.RunOutcome.SUCCEEDED)
                .findFirst()
                .map(r -> Duration.between(start, r.finished()));
    }

    /** The nearest-rank percentile. */
    static Optional<Duration> percentile(List<Duration> values, int percent) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }
}
