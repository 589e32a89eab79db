package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.deploy.Revision;
import java.util.List;
import java.util.Set;

/**
 * Chooses the revision to roll back to: the last revision that was deployed and healthy, not simply the previous
 * one.
 *
 * <p>A candidate is below the revision being rolled back from, was deployed successfully once (Helm status
 * {@code deployed} or {@code superseded}, so not {@code failed}, pending or uninstalled), and is not known to be
 * unhealthy (a revision the deployment history or this run saw fail its health gates). The highest candidate wins;
 * with none, the release is uninstalled, as Helm's {@code --atomic} does for a failed first install.
 */
final class RollbackTargets {

    /** The target meaning "uninstall". */
    static final int UNINSTALL = 0;

    private RollbackTargets() {}

    static int choose(List<Revision> history, int from, Set<Integer> unhealthy) {
        int best = UNINSTALL;
        for (Revision revision : history) {
            if (revision.number() < from
                    && revision.status().wasDeployed()
                    && !unhealthy.contains(revision.number())
                    && revision.number() > best) {
                best = revision.number();
            }
        }
        return best;
    }

    static Revision latest(List<Revision> history) {
        Revision latest = null;
        for (Revision revision : history) {
            if (latest == null || revision.number() > latest.number()) {
                latest = revision;
            }
        }
        return latest;
    }
}
