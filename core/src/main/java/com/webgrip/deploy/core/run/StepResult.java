package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.deploy.ReleaseRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one step ended.
 *
 * @param chart the chart folder
 * @param release the release
 * @param wave the wave index
 * @param state the final state
 * @param reason why, in words
 * @param attempts how many deploy attempts were made
 * @param deployedRevision the last revision this run wrote by deploying, 0 when none
 * @param rolledBackTo the revision a rollback restored, 0 when none (or when the release was uninstalled)
 * @param finalRevision the release's revision when the step ended, 0 when it does not exist
 * @param started when the step started, empty when it never did
 * @param finished when it ended
 */
public record StepResult(
        String chart,
        ReleaseRef release,
        int wave,
        StepState state,
        String reason,
        int attempts,
        int deployedRevision,
        int rolledBackTo,
        int finalRevision,
        Optional<Instant> started,
        Instant finished) {

    /** Checks that nothing is null. */
    public StepResult {
        Objects.requireNonNull(chart, "chart required");
        Objects.requireNonNull(release, "release required");
        Objects.requireNonNull(state, "state required");
        Objects.requireNonNull(reason, "reason required");
        Objects.requireNonNull(started, "started required");
        Objects.requireNonNull(finished, "finished required");
    }

    @Override
    public String toString() {
        return chart + " " + state + ": " + reason;
    }
}
