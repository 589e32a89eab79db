package com.webgrip.deploy.core.history;

import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Where finished runs are kept: {@link JsonLinesHistory} appends them to a file; implement it to keep them elsewhere
 * (a database, an API). {@link Dora} computes its figures from it.
 *
 * <p>Wire it into an executor with {@code .onFinished(history.recorder(change))} and
 * {@code .knownUnhealthy(history::unhealthyRevisions)}.
 */
public interface DeploymentHistory {

    /**
     * Appends a record.
     *
     * @param record the record
     * @throws IOException when it could not be written
     */
    void append(DeploymentRecord record) throws IOException;

    /**
     * Every record, oldest first.
     *
     * @return the records
     * @throws IOException when they could not be read
     */
    List<DeploymentRecord> records() throws IOException;

    /**
     * The revisions of a release that a run of this history deployed and then found bad (rolled back or failed):
     * never rollback targets.
     *
     * @param release the release
     * @return the revision numbers
     * @throws UncheckedIOException when the history cannot be read
     */
    default Set<Integer> unhealthyRevisions(ReleaseRef release) {
        Set<Integer> revisions = new TreeSet<>();
        try {
            for (DeploymentRecord record : records()) {
                record.releases().stream()
                        .filter(r -> r.release().equals(release.name())
                                && r.namespace().equals(release.namespace())
                                && r.deployedUnhealthy())
                        .forEach(r -> revisions.add(r.deployedRevision()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the deployment history", e);
        }
        return revisions;
    }

    /**
     * A consumer of finished runs that appends them with the given change.
     *
     * @param change the change the runs deploy
     * @return the consumer, for {@code PlanExecutor.Builder.onFinished}
     */
    default Consumer<RunResult> recorder(Change change) {
        return result -> {
            try {
                append(DeploymentRecord.of(result, change));
            } catch (IOException e) {
                throw new UncheckedIOException("could not record run " + result.runId(), e);
            }
        };
    }
}
