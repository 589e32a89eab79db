package com.webgrip.deploy.core.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run did to one release.
 *
 * @param chart the chart folder
 * @param release the release name
 * @param namespace its namespace
 * @param state the step's final state (a {@code StepState} name)
 * @param deployedRevision the revision the run wrote by deploying, 0 when none
 * @param rolledBackTo the revision a rollback restored, 0 when none
 * @param started when the step started, empty when it never did
 * @param finished when it ended
 */
public record ReleaseRecord(
        String chart,
        String release,
        String namespace,
        String state,
        int deployedRevision,
        int rolledBackTo,
        Optional<Instant> started,
        Instant finished) {

    /** Checks that nothing is null. */
    public ReleaseRecord {
        Objects.requireNonNull(chart, "chart required");
        Objects.requireNonNull(release, "release required");
        Objects.requireNonNull(namespace, "namespace required");
        Objects.requireNonNull(state, "state required");
        Objects.requireNonNull(started, "started required");
        Objects.requireNonNull(finished, "finished required");
    }

    /** Returns whether this release's new revision was found bad (rolled back, or failed after deploying). */
    public boolean deployedUnhealthy() {
        return deployedRevision > 0 && (state.equals("ROLLED_BACK") || state.equals("FAILED"));
    }
}
