package com.webgrip.deploy.core.history;

import com.webgrip.deploy.core.run.RunOutcome;
import com.webgrip.deploy.core.run.RunResult;
import com.webgrip.deploy.core.run.StepResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run in the deployment history.
 *
 * @param runId the run
 * @param environment the environment
 * @param outcome how it ended
 * @param change the change it deployed
 * @param started when it started
 * @param finished when it ended
 * @param releases what it did to each release
 */
public record DeploymentRecord(
        String runId,
        String environment,
        RunOutcome outcome,
        Change change,
        Instant started,
        Instant finished,
        List<ReleaseRecord> releases) {

    /** Checks and copies. */
    public DeploymentRecord {
        Objects.requireNonNull(runId, "runId required");
        Objects.requireNonNull(environment, "environment required");
        Objects.requireNonNull(outcome, "outcome required");
        Objects.requireNonNull(change, "change required");
        Objects.requireNonNull(started, "started required");
        Objects.requireNonNull(finished, "finished required");
        releases = List.copyOf(releases);
    }

    /**
     * The record of a finished run.
     *
     * @param result the run's result
     * @param change the change it deployed
     * @return the record
     */
    public static DeploymentRecord of(RunResult result, Change change) {
        return new DeploymentRecord(
                result.runId(),
                result.environment(),
                result.outcome(),
                change,
                result.started(),
                result.finished(),
                result.steps().stream().map(DeploymentRecord::release).toList());
    }

    private static ReleaseRecord release(StepResult step) {
        return new ReleaseRecord(
                step.chart(),
                step.release().name(),
                step.release().namespace(),
                step.state().name(),
                step.deployedRevision(),
                step.rolledBackTo(),
                step.started(),
                step.finished());
    }

    /** Returns whether the run changed at least one release (a deployment in DORA's sense). */
    public boolean changedSomething() {
        return releases.stream().anyMatch(r -> r.deployedRevision() > 0);
    }

    /** Returns whether the change degraded service and needed remediation (a failed change in DORA's sense). */
    public boolean failedChange() {
        return changedSomething()
                && (outcome == RunOutcome.ROLLED_BACK
                        || outcome == RunOutcome.FAILED
                        || outcome == RunOutcome.ROLLBACK_FAILED
                        || outcome == RunOutcome.NEEDS_PERSON);
    }
}
