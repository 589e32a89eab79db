package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.deploy.DeployException;
import com.webgrip.deploy.core.deploy.DeployRequest;
import com.webgrip.deploy.core.deploy.Deployer;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.health.HealthReport;
import com.webgrip.deploy.core.health.HealthStatus;
import com.webgrip.deploy.core.health.HealthTarget;
import com.webgrip.deploy.core.health.Reasons;
import com.webgrip.deploy.core.health.ResourceHealth;
import com.webgrip.deploy.core.health.ResourceRef;
import com.webgrip.deploy.core.metrics.MetricException;
import com.webgrip.deploy.core.metrics.MetricQuery;
import com.webgrip.deploy.core.metrics.MetricReading;
import com.webgrip.deploy.core.metrics.MetricSource;
import com.webgrip.deploy.core.policy.FindingSource;
import com.webgrip.deploy.core.policy.SecurityFinding;
import com.webgrip.deploy.helm.release.Release;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cluster in memory: a {@link Deployer} that keeps revisions like Helm (statuses included), a {@link HealthCheck}
 * with kstatus-like statuses and reasons, a {@link MetricSource} and a {@link FindingSource}, each following the
 * script a test sets per release with {@link #release(String)}. Time comes from the given clock (use
 * {@link VirtualTime#clock()}), so nothing waits.
 *
 * <p>Its metric source answers queries whose expression holds {@code release="NAME"}, such as {@link #ERROR_RATE}.
 * With {@link #persistedAt} every change is written to a file (atomically), so a test can kill the process running
 * a deployment and pick the cluster up in another.
 */
public final class SimulatedCluster implements Deployer, HealthCheck, MetricSource, FindingSource {

    /** The error rate of a release, as the simulated cluster answers it. */
    public static final MetricQuery ERROR_RATE = new MetricQuery(
            "error-rate",
            "simulated_error_rate{release=\"{release}\",namespace=\"{namespace}\"}",
            Duration.ofMinutes(1));

    private static final Pattern RELEASE_LABEL = Pattern.compile("release=\"([^\"]+)\"");

    private final Clock clock;
    private final Path stateFile;
    final Map<String, List<SimRevision>> releases = new LinkedHashMap<>();
    final Map<String, ReleaseScript> scripts = new LinkedHashMap<>();
    final List<String> operations = new ArrayList<>();

    private SimulatedCluster(Clock clock, Path stateFile) {
        this.clock = Objects.requireNonNull(clock, "clock required");
        this.stateFile = stateFile;
    }

    /**
     * An empty cluster.
     *
     * @param clock the time, usually {@link VirtualTime#clock()}
     * @return the cluster
     */
    public static SimulatedCluster create(Clock clock) {
        return new SimulatedCluster(clock, null);
    }

    /**
     * A cluster kept in a file: loaded from it when it exists, written to it after every change.
     *
     * @param file the state file
     * @param clock the time
     * @return the cluster
     * @throws IOException when an existing file cannot be read
     */
    public static SimulatedCluster persistedAt(Path file, Clock clock) throws IOException {
        SimulatedCluster cluster = new SimulatedCluster(clock, Objects.requireNonNull(file, "file required"));
        ClusterFile.load(file, cluster);
        return cluster;
    }

    /**
     * The time a persisted cluster was last written, to start a new {@link VirtualTime} where the old one stopped.
     *
     * @param file the state file
     * @return the time of the last change
     * @throws IOException when the file cannot be read
     */
    public static Instant lastSavedAt(Path file) throws IOException {
        return ClusterFile.savedAt(file);
    }

    /**
     * The script of a release (in any namespace), created on first use.
     *
     * @param name the release name
     * @return its script, to configure
     */
    public synchronized ReleaseScript release(String name) {
        return scripts.computeIfAbsent(name, n -> new ReleaseScript());
    }

    /**
     * Forgets every release's script (releases and their revisions stay), so that a new session scripts afresh.
     *
     * @return this cluster
     */
    public synchronized SimulatedCluster clearScripts() {
        scripts.clear();
        save();
        return this;
    }

    /**
     * Gives a release a history before the test, oldest first: revision 1 gets the first status. Revisions are
     * healthy; a {@code FAILED} one is also recorded as such.
     *
     * @param release the release
     * @param statuses the statuses of its revisions
     * @return this cluster
     */
    public synchronized SimulatedCluster withHistory(ReleaseRef release, ReleaseStatus... statuses) {
        List<SimRevision> revisions = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < statuses.length; i++) {
            Instant at = now.minus(Duration.ofDays(statuses.length - i));
            revisions.add(new SimRevision(
                    i + 1,
                    statuses[i],
                    "1.0." + i,
                    "seeded revision",
                    at,
                    Behaviour.HEALTHY,
                    at,
                    Double.NaN,
                    at,
                    true));
        }
        releases.put(key(release), revisions);
        save();
        return this;
    }

    /**
     * A release's revisions, oldest first.
     *
     * @param release the release
     * @return its revisions; empty when it does not exist
     */
    public synchronized List<Release> revisions(ReleaseRef release) {
        List<SimRevision> revisions = releases.getOrDefault(key(release), List.of());
        return revisions.stream()
                .map(r -> r.toRelease(release.name(), release.namespace(), revisions.get(0).deployedAt))
                .toList();
    }

    /**
     * A release's latest revision.
     *
     * @param release the release
     * @return the latest revision, empty when the release does not exist
     */
    public synchronized Optional<Release> latest(ReleaseRef release) {
        List<Release> revisions = revisions(release);
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    /**
     * Every change made so far, such as {@code upgrade monitoring/grafana-stack -> 6}, in order.
     *
     * @return the operations
     */
    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    // ---- Deployer ----

    @Override
    public synchronized Release upgradeOrInstall(DeployRequest request) throws DeployException {
        ReleaseRef ref = request.release();
        ReleaseScript script = release(ref.name());
        if (script.deployFailures > 0) {
            script.deployFailures--;
            save();
            throw new DeployException(
                    script.deployFailureKind, "simulated " + script.deployFailureKind + " while upgrading " + ref);
        }
        List<SimRevision> revisions = releases.computeIfAbsent(key(ref), k -> new ArrayList<>());
        SimRevision latest = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
        if (latest != null && latest.status.isPending()) {
            throw new DeployException(
                    DeployException.Kind.OPERATION_IN_PROGRESS,
                    "another operation (install/upgrade/rollback) is in progress on " + ref);
        }
        Instant now = clock.instant();
        int number = latest == null ? 1 : latest.number + 1;
        Behaviour behaviour = script.upgradeBehaviourTimes > 0 ? script.upgradeBehaviour : Behaviour.HEALTHY;
        if (request.dryRun()) {
            return new SimRevision(
                            number,
                            ReleaseStatus.DEPLOYED,
                            request.chart().version(),
                            "dry run",
                            now,
                            behaviour,
                            now,
                            Double.NaN,
                            now,
                            true)
                    .toRelease(ref.name(), ref.namespace(), now);
        }
        if (script.upgradeBehaviourTimes > 0 && script.upgradeBehaviourTimes != Integer.MAX_VALUE) {
            script.upgradeBehaviourTimes--;
        }
        boolean interrupted = script.interruptNextUpgrade;
        script.interruptNextUpgrade = false;
        ReleaseStatus status = interrupted
                ? (latest == null ? ReleaseStatus.PENDING_INSTALL : ReleaseStatus.PENDING_UPGRADE)
                : ReleaseStatus.DEPLOYED;
        if (!interrupted) {
            supersede(revisions, now);
        }
        revisions.add(new SimRevision(
                number,
                status,
                request.chart().version(),
                request.description(),
                now,
                behaviour,
                now,
                script.upgradeErrorRate,
                now.plus(script.upgradeErrorsFor),
                true));
        operations.add((latest == null ? "install " : "upgrade ") + ref + " -> " + number
                + (interrupted ? " (interrupted)" : ""));
        save();
        if (interrupted) {
            throw new DeployException(
                    DeployException.Kind.UNAVAILABLE, "simulated connection loss while upgrading " + ref);
        }
        return latest(ref).orElseThrow();
    }

    @Override
    public synchronized Release rollback(ReleaseRef ref, int toRevision, Duration timeout) throws DeployException {
        List<SimRevision> revisions = releases.get(key(ref));
        SimRevision target = revisions == null
                ? null
                : revisions.stream()
                        .filter(r -> r.number == toRevision)
                        .findFirst()
                        .orElse(null);
        if (target == null) {
            throw new DeployException(
                    DeployException.Kind.NOT_FOUND, "release " + ref + " has no revision " + toRevision);
        }
        ReleaseScript script = release(ref.name());
        SimRevision latest = revisions.get(revisions.size() - 1);
        Instant now = clock.instant();
        int number = latest.number + 1;
        if (script.rollbacksFail) {
            revisions.add(new SimRevision(
                    number,
                    ReleaseStatus.FAILED,
                    target.chartVersion,
                    "Rollback to " + toRevision,
                    now,
                    target.behaviour,
                    now,
                    Double.NaN,
                    now,
                    false));
            operations.add("rollback " + ref + " to " + toRevision + " -> " + number + " (failed)");
            save();
            throw new DeployException(DeployException.Kind.REJECTED, "simulated failure rolling back " + ref);
        }
        if (latest.status.isPending()) {
            latest.status = ReleaseStatus.FAILED;
            latest.updated = now;
        }
        supersede(revisions, now);
        Behaviour restored =
                target.fromUpgrade && target.behaviour != Behaviour.HEALTHY ? target.behaviour : Behaviour.HEALTHY;
        revisions.add(new SimRevision(
                number,
                ReleaseStatus.DEPLOYED,
                target.chartVersion,
                "Rollback to " + toRevision,
                now,
                restored,
                now,
                Double.NaN,
                now,
                false));
        operations.add("rollback " + ref + " to " + toRevision + " -> " + number);
        save();
        return latest(ref).orElseThrow();
    }

    /** Helm keeps one deployed revision: the one before a new one becomes superseded. */
    private static void supersede(List<SimRevision> revisions, Instant now) {
        for (SimRevision revision : revisions) {
            if (revision.status == ReleaseStatus.DEPLOYED) {
                revision.status = ReleaseStatus.SUPERSEDED;
                revision.updated = now;
            }
        }
    }

    @Override
    public synchronized List<Release> history(ReleaseRef release) {
        return revisions(release);
    }

    @Override
    public synchronized void uninstall(ReleaseRef release, Duration timeout) {
        releases.remove(key(release));
        operations.add("uninstall " + release);
        save();
    }

    // ---- HealthCheck ----

    @Override
    public synchronized HealthReport check(HealthTarget target) {
        ReleaseRef ref = ReleaseRef.of(target.release(), target.namespace());
        List<SimRevision> revisions = releases.get(key(ref));
        ResourceRef deployment = ResourceRef.of("Deployment", target.namespace(), target.release());
        ResourceRef service = ResourceRef.of("Service", target.namespace(), target.release());
        if (revisions == null || revisions.isEmpty()) {
            return HealthReport.of(ResourceHealth.of(deployment, HealthStatus.NOT_FOUND, "", "no such release"));
        }
        SimRevision latest = revisions.get(revisions.size() - 1);
        if (latest.status.isPending()) {
            return HealthReport.of(ResourceHealth.of(
                    deployment, HealthStatus.IN_PROGRESS, "", "release is " + latest.status.helmName()));
        }
        Duration readyAfter = release(target.release()).readyAfter;
        boolean started = !Duration.between(latest.deployedAt, clock.instant())
                .minus(readyAfter)
                .isNegative();
        ResourceHealth workload = workload(deployment, latest.behaviour, started);
        return HealthReport.of(workload, ResourceHealth.current(service));
    }

    private static ResourceHealth workload(ResourceRef deployment, Behaviour behaviour, boolean started) {
        if (!started || behaviour == Behaviour.NEVER_READY) {
            return ResourceHealth.of(deployment, HealthStatus.IN_PROGRESS, "", "0 of 1 replicas ready");
        }
        return switch (behaviour) {
            case CRASH_LOOP ->
                ResourceHealth.of(
                        deployment, HealthStatus.FAILED, Reasons.CRASH_LOOP_BACK_OFF, "back-off restarting container");
            case OOM_KILLED ->
                ResourceHealth.of(deployment, HealthStatus.FAILED, Reasons.OOM_KILLED, "container OOMKilled");
            case IMAGE_PULL_FAILS ->
                ResourceHealth.of(
                        deployment, HealthStatus.FAILED, Reasons.IMAGE_PULL_BACK_OFF, "back-off pulling image");
            default -> ResourceHealth.current(deployment);
        };
    }

    // ---- MetricSource ----

    @Override
    public synchronized MetricReading read(MetricQuery query, Instant at) throws MetricException {
        Matcher matcher = RELEASE_LABEL.matcher(query.expression());
        if (!matcher.find()) {
            throw new MetricException(
                    "the simulated cluster answers queries with release=\"NAME\", found " + query.expression());
        }
        String name = matcher.group(1);
        ReleaseScript script = release(name);
        if (script.metricFailures > 0) {
            script.metricFailures--;
            save();
            throw new MetricException("simulated failure reading " + query.name() + " of " + name);
        }
        SimRevision latest = releases.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(e.getValue().size() - 1))
                .findFirst()
                .orElse(null);
        if (latest == null || script.noTraffic) {
            return MetricReading.noData(query, at);
        }
        boolean burst = !Double.isNaN(latest.errorRate) && at.isBefore(latest.errorsUntil);
        return MetricReading.of(query, at, burst ? latest.errorRate : script.baselineErrorRate);
    }

    // ---- FindingSource ----

    @Override
    public synchronized List<SecurityFinding> findings(HealthTarget target) {
        List<SimRevision> revisions = releases.get(key(ReleaseRef.of(target.release(), target.namespace())));
        if (revisions == null || revisions.isEmpty() || !revisions.get(revisions.size() - 1).fromUpgrade) {
            return List.of();
        }
        return List.copyOf(release(target.release()).findings);
    }

    private static String key(ReleaseRef release) {
        return release.namespace() + "/" + release.name();
    }

    private void save() {
        if (stateFile == null) {
            return;
        }
        try {
            ClusterFile.save(stateFile, this, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the simulated cluster to " + stateFile, e);
        }
    }
}
