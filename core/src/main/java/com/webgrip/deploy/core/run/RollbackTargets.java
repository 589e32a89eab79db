package com.webgrip.deploy.core.run;

import com.webgrip.deploy.helm.release.Release;
import com.webgrip.deploy.helm.release.ReleaseHistory;
import java.util.List;
import java.util.Set;

/**
 * Chooses the revision to roll back to: the last revision that was deployed and healthy, not simply the previous
 * one.
 *
 * <p>That is helm-model's {@link ReleaseHistory#lastKnownGoodBefore}: the highest revision below the one being rolled
 * back from whose Helm status is {@code deployed} or {@code superseded} (so not failed, pending or uninstalled),
 * judged healthy here as "not known to be unhealthy" (a revision the deployment history or this run saw fail). With
 * none, the release is uninstalled, as Helm's {@code --atomic} does for a failed first install.
 */
final class RollbackTargets {

    /** The target meaning "uninstall". */
    static final int UNINSTALL = 0;

    private RollbackTargets() {}

    static int choose(List<Release> history, int from, Set<Integer> unhealthy) {
        if (history.isEmpty()) {
            return UNINSTALL;
        }
        return ReleaseHistory.of(history)
                .lastKnownGoodBefore(from, release -> !unhealthy.contains(release.revision()))
                .map(Release::revision)
                .orElse(UNINSTALL);
    }

    static Release latest(List<Release> history) {
        Release latest = null;
        for (Release revision : history) {
            if (latest == null || revision.revision() > latest.revision()) {
                latest = revision;
            }
        }
        return latest;
    }
}
