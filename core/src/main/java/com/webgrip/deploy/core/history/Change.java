package com.webgrip.deploy.core.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The change a run deploys, as the caller knows it (CI variables, or {@code git log -1 --format='%H %ct'}).
 *
 * @param commitId the commit, empty when unknown
 * @param commitTime when it was committed, empty when unknown
 */
public record Change(String commitId, Optional<Instant> commitTime) {

    /** A change nobody described. */
    public static final Change UNKNOWN = new Change("", Optional.empty());

    /** Checks that nothing is null. */
    public Change {
        Objects.requireNonNull(commitId, "commitId required (empty when unknown)");
        Objects.requireNonNull(commitTime, "commitTime required (empty when unknown)");
    }

    /**
     * A commit.
     *
     * @param commitId its id
     * @param commitTime its commit time
     * @return the change
     */
    public static Change of(String commitId, Instant commitTime) {
        return new Change(commitId, Optional.of(commitTime));
    }
}
