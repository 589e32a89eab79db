package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.journal.JournalException;
import com.webgrip.deploy.core.run.PlanExecutor;
import com.webgrip.deploy.core.run.ResumeMode;
import com.webgrip.deploy.core.run.RunHandle;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.core.run.RunResult;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a policy test needs: virtual time, a simulated cluster on it, and executors wired to both. A run of a
 * plan takes milliseconds however long its waits are.
 *
 * <pre>{@code
 * SimulatedDeployment deployment = SimulatedDeployment.create();
 * deployment.cluster().release("grafana-stack").crashLoopsAfterUpgrade();
 * SimulatedRun run = deployment.run(plan);
 * DeployAssertions.assertThat(run).rolledBack("060-grafana-stack").toRevision(4);
 * }</pre>
 */
public final class SimulatedDeployment {

    private final VirtualTime time;
    private final SimulatedCluster cluster;
    private final EventRecorder recorder = new EventRecorder();
    private final AtomicInteger runs = new AtomicInteger();

    private SimulatedDeployment(VirtualTime time, SimulatedCluster cluster) {
        this.time = time;
        this.cluster = cluster;
    }

    /**
     * A fresh deployment: virtual time from 2024-01-01T00:00:00Z and an empty cluster.
     *
     * @return the deployment
     */
    public static SimulatedDeployment create() {
        VirtualTime time = VirtualTime.create();
        return new SimulatedDeployment(time, SimulatedCluster.create(time.clock()));
    }

    /**
     * A deployment over a given time and cluster (such as a cluster loaded from a file).
     *
     * @param time the virtual time the cluster reads
     * @param cluster the cluster
     * @return the deployment
     */
    public static SimulatedDeployment of(VirtualTime time, SimulatedCluster cluster) {
        return new SimulatedDeployment(
                Objects.requireNonNull(time, "time required"), Objects.requireNonNull(cluster, "cluster required"));
    }

    /** Returns the virtual time. */
    public VirtualTime time() {
        return time;
    }

    /** Returns the simulated cluster. */
    public SimulatedCluster cluster() {
        return cluster;
    }

    /**
     * An executor builder wired to the cluster (deployer, health, metrics, findings) and to virtual time (scheduler and
     * blocking calls, clock), with a 5 s poll interval, 3 attempts with 10 s backoff, run ids {@code run-1}, {@code run-2}, ... and
     * this deployment's event recorder. Change what the test needs, then build.
     *
     * @return the builder
     */
    public PlanExecutor.Builder executor() {
        return PlanExecutor.builder(cluster, cluster)
                .metricSource(cluster)
                .findingSource(cluster)
                .scheduler(time)
                .blockingExecutor(time)
                .clock(time.clock())
                .pollInterval(Duration.ofSeconds(5))
                .retries(3, Duration.ofSeconds(10), 2.0)
                .runIds(() -> "run-" + runs.incrementAndGet())
                .listener(recorder);
    }

    /**
     * Runs a plan to its end with the default executor and an in-memory journal.
     *
     * @param plan the plan
     * @return the finished run
     */
    public SimulatedRun run(RunPlan plan) {
        return run(executor().build(), plan);
    }

    /**
     * Runs a plan to its end with the given executor (from {@link #executor()}) and an in-memory journal.
     *
     * @param executor the executor
     * @param plan the plan
     * @return the finished run
     */
    public SimulatedRun run(PlanExecutor executor, RunPlan plan) {
        return finish(executor.start(plan, new InMemoryJournal()));
    }

    /**
     * Resumes a run from its journal and runs it to its end.
     *
     * @param executor the executor (from {@link #executor()})
     * @param plan the plan the run started with
     * @param journal its journal
     * @param mode continue or roll back
     * @return the finished run
     * @throws JournalException when the journal cannot be resumed
     */
    public SimulatedRun resume(PlanExecutor executor, RunPlan plan, Journal journal, ResumeMode mode)
            throws JournalException {
        return finish(executor.resume(plan, journal, mode));
    }

    /**
     * Drives virtual time until a started run ends.
     *
     * @param handle the run
     * @return the finished run
     */
    public SimulatedRun finish(RunHandle handle) {
        RunResult result = time.runUntilDone(handle.result());
        return new SimulatedRun(result, recorder.of(result.runId()));
    }
}
