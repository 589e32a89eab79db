package com.webgrip.deploy.core.deploy;

import com.webgrip.deploy.helm.release.Release;
import java.time.Duration;
import java.util.List;

/**
 * Changes Helm releases: upgrade-or-install with values given in memory, roll back to a revision, read the history,
 * uninstall. Calls block until Helm is done (or the timeout passes); the executor runs them off its scheduler.
 *
 * <p>The {@code kubernetes} module implements it over a real cluster; the testkit's simulated cluster implements it
 * in memory.
 */
public interface Deployer {

    /**
     * Installs the release if it does not exist, else upgrades it (Helm's {@code upgrade --install}).
     *
     * @param request the release, chart and values
     * @return the new revision, with the request's description (for a dry run: the revision that would be written, not
     *     stored)
     * @throws DeployException when the release could not be installed or upgraded
     */
    Release upgradeOrInstall(DeployRequest request) throws DeployException;

    /**
     * Rolls the release back to an earlier revision, which writes a new revision (Helm's {@code rollback}). It must
     * work on a release left pending by an interrupted operation: that is how such a release is recovered.
     *
     * @param release the release
     * @param toRevision the revision whose chart and values to restore
     * @param timeout how long it may take
     * @return the new revision
     * @throws DeployException when the rollback failed
     */
    Release rollback(ReleaseRef release, int toRevision, Duration timeout) throws DeployException;

    /**
     * The release's revisions (helm-model's {@link Release}), oldest first; empty when the release does not exist.
     *
     * @param release the release
     * @return its history
     * @throws DeployException when the history could not be read
     */
    List<Release> history(ReleaseRef release) throws DeployException;

    /**
     * Uninstalls the release and its history (Helm's {@code uninstall}).
     *
     * @param release the release
     * @param timeout how long it may take
     * @throws DeployException when it could not be uninstalled
     */
    void uninstall(ReleaseRef release, Duration timeout) throws DeployException;
}
