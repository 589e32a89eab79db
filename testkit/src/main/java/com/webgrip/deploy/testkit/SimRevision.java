package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.deploy.ReleaseStatus;
import com.webgrip.deploy.core.deploy.Revision;
import java.time.Instant;

/** One revision of a simulated release, with how its workload behaves. Mutable only in its status. */
final class SimRevision {

    final int number;
    ReleaseStatus status;
    final String chartVersion;
    final String description;
    Instant updated;
    final Behaviour behaviour;
    final Instant deployedAt;
    /** The error rate right after the deploy, until {@link #errorsUntil}; NaN for the script's baseline. */
    final double errorRate;

    final Instant errorsUntil;
    /** Whether the revision came from an upgrade or install (findings apply), not from a rollback. */
    final boolean fromUpgrade;

    SimRevision(
            int number,
            ReleaseStatus status,
            String chartVersion,
            String description,
            Instant updated,
            Behaviour behaviour,
            Instant deployedAt,
            double errorRate,
            Instant errorsUntil,
            boolean fromUpgrade) {
        this.number = number;
        this.status = status;
        this.chartVersion = chartVersion;
        this.description = description;
        this.updated = updated;
        this.behaviour = behaviour;
        this.deployedAt = deployedAt;
        this.errorRate = errorRate;
        this.errorsUntil = errorsUntil;
        this.fromUpgrade = fromUpgrade;
    }

    Revision toRevision() {
        return new Revision(number, status, chartVersion, updated, description);
    }
}
