package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.helm.release.Release;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import java.util.Objects;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * Entry points of the testkit's fluent assertions.
 *
 * <pre>{@code
 * assertThat(run).hasOutcome(RunOutcome.ROLLED_BACK)
 *         .rolledBack("060-grafana-stack").toRevision(4);
 * assertThat(cluster).release("grafana-stack", "monitoring").isAt(6, ReleaseStatus.DEPLOYED);
 * }</pre>
 */
public final class DeployAssertions {

    private DeployAssertions() {}

    /**
     * Assertions on a finished run.
     *
     * @param run the run
     * @return its assertions
     */
    public static RunAssert assertThat(SimulatedRun run) {
        return new RunAssert(Objects.requireNonNull(run, "run required"));
    }

    /**
     * Assertions on the simulated cluster.
     *
     * @param cluster the cluster
     * @return its assertions
     */
    public static ClusterAssert assertThat(SimulatedCluster cluster) {
        return new ClusterAssert(Objects.requireNonNull(cluster, "cluster required"));
    }

    /** Assertions on the simulated cluster's releases. */
    public static final class ClusterAssert {
        private final SimulatedCluster cluster;

        private ClusterAssert(SimulatedCluster cluster) {
            this.cluster = cluster;
        }

        /**
         * Selects a release.
         *
         * @param name the release name
         * @param namespace its namespace
         * @return assertions on it
         */
        public ReleaseAssert release(String name, String namespace) {
            return new ReleaseAssert(cluster, ReleaseRef.of(name, namespace));
        }

        /**
         * Checks that no release is left pending by an interrupted operation.
         *
         * @return this
         */
        public ClusterAssert hasNoPendingRelease() {
            cluster.releases.forEach((key, revisions) -> {
                if (!revisions.isEmpty()
                        && revisions.get(revisions.size() - 1).status.isPending()) {
                    throw new AssertionFailedError("expected no pending release, but " + key + " is "
                            + revisions.get(revisions.size() - 1).status.helmName());
                }
            });
            return this;
        }
    }

    /** Assertions on one release of the simulated cluster. */
    public static final class ReleaseAssert {
        private final SimulatedCluster cluster;
        private final ReleaseRef release;

        private ReleaseAssert(SimulatedCluster cluster, ReleaseRef release) {
            this.cluster = cluster;
            this.release = release;
        }

        /**
         * Checks the latest revision and its status.
         *
         * @param revision the expected revision number
         * @param status the expected status
         * @return this
         */
        public ReleaseAssert isAt(int revision, ReleaseStatus status) {
            Optional<Release> latest = cluster.latest(release);
            if (latest.isEmpty()
                    || latest.get().revision() != revision
                    || latest.get().status() != status) {
                throw new AssertionFailedError("expected " + release + " at revision " + revision + " "
                        + status.helmName() + ", but it is "
                        + latest.map(r -> "at revision " + r.revision() + " "
                                        + r.status().helmName())
                                .orElse("not installed"));
            }
            return this;
        }

        /**
         * Checks that the latest revision runs the given chart version.
         *
         * @param chartVersion the version
         * @return this
         */
        public ReleaseAssert runsChart(String chartVersion) {
            Optional<Release> latest = cluster.latest(release);
            if (latest.isEmpty() || !latest.get().chartMetadata().version().equals(chartVersion)) {
                throw new AssertionFailedError(
                        "expected " + release + " to run chart version " + chartVersion + ", but it runs "
                                + latest.map(r -> r.chartMetadata().version()).orElse("nothing"));
            }
            return this;
        }

        /**
         * Checks that the release does not exist.
         *
         * @return this
         */
        public ReleaseAssert isNotInstalled() {
            cluster.latest(release).ifPresent(r -> {
                throw new AssertionFailedError("expected " + release + " not to be installed, but it is at revision "
                        + r.revision() + " " + r.status().helmName());
            });
            return this;
        }
    }
}
