package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.deploy.DeployException;
import com.webgrip.deploy.core.deploy.DeployRequest;
import com.webgrip.deploy.core.deploy.Deployer;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.health.HealthReport;
import com.webgrip.deploy.core.health.HealthTarget;
import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.journal.JournalEntry;
import com.webgrip.deploy.helm.chart.ChartMetadata;
import com.webgrip.deploy.helm.release.Release;
import com.webgrip.deploy.helm.release.ReleaseInfo;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import com.webgrip.deploy.helm.values.Values;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A cluster for executor tests on real threads: every deploy writes revision 1 of a release at once (the history
 * shows it until it is uninstalled), so a rollback uninstalls; health is whatever the test's function answers. Runs
 * take milliseconds with a 1 ms poll interval.
 */
final class RealTimeCluster implements Deployer, HealthCheck {

    /** Far longer than any of these runs takes; reaching it means the run is stuck. */
    static final long STUCK_SECONDS = 30;

    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final Function<HealthTarget, HealthReport> health;
    private final Map<String, Release> releases = new ConcurrentHashMap<>();
    /** When set, every uninstall fails with this message. */
    volatile String uninstallFailure;

    RealTimeCluster(Function<HealthTarget, HealthReport> health) {
        this.health = health;
    }

    /** An executor builder on this cluster with its own threads, one attempt per step and a 1 ms poll interval. */
    PlanExecutor.Builder executor() {
        return PlanExecutor.builder(this, this)
                .pollInterval(Duration.ofMillis(1))
                .retries(1, Duration.ofMillis(1), 1);
    }

    /** A plan of the given waves of charts ({@code 010-a} deploys release {@code a}), with no values. */
    static RunPlan plan(List<List<String>> waves) {
        List<List<RunStep>> steps = new ArrayList<>();
        for (List<String> wave : waves) {
            steps.add(wave.stream()
                    .map(chart -> RunStep.of(chart, chart.substring(4), "ns").withValues(() -> Map.of()))
                    .toList());
        }
        return RunPlan.of("staging", steps);
    }

    @Override
    public HealthReport check(HealthTarget target) {
        return health.apply(target);
    }

    @Override
    public Release upgradeOrInstall(DeployRequest request) {
        ReleaseInfo info =
                new ReleaseInfo(ReleaseStatus.DEPLOYED, EPOCH, EPOCH, Optional.empty(), request.description(), "");
        Release release = new Release(
                request.release().name(),
                request.release().namespace(),
                1,
                info,
                ChartMetadata.of(request.release().name(), "1.0.0"),
                Values.empty(),
                Values.empty(),
                "");
        releases.put(release.name(), release);
        return release;
    }

    @Override
    public Release rollback(ReleaseRef release, int toRevision, Duration timeout) {
        throw new UnsupportedOperationException("no revision to roll back to: a rollback uninstalls");
    }

    @Override
    public List<Release> history(ReleaseRef release) {
        Release latest = releases.get(release.name());
        return latest == null ? List.of() : List.of(latest);
    }

    @Override
    public void uninstall(ReleaseRef release, Duration timeout) throws DeployException {
        String failure = uninstallFailure;
        if (failure != null) {
            throw new DeployException(DeployException.Kind.REJECTED, failure);
        }
        releases.remove(release.name());
    }

    /** Waits for the latch at most {@link #STUCK_SECONDS}; a listener or check that waits longer is stuck. */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(STUCK_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A journal in memory. */
    static final class ListJournal implements Journal {
        private final List<JournalEntry> entries = new ArrayList<>();

        @Override
        public synchronized void append(JournalEntry entry) {
            entries.add(entry);
        }

        @Override
        public synchronized List<JournalEntry> entries() {
            return List.copyOf(entries);
        }
    }
}
