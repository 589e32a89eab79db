package com.webgrip.deploy.testkit;

import com.webgrip.deploy.helm.chart.ChartMetadata;
import com.webgrip.deploy.helm.release.Release;
import com.webgrip.deploy.helm.release.ReleaseInfo;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import com.webgrip.deploy.helm.values.Values;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

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

    /** This revision as helm-model's release record; the chart is named after the release. */
    Release toRelease(String name, String namespace, Instant firstDeployed) {
        ReleaseInfo info = new ReleaseInfo(
                status,
                firstDeployed.atOffset(ZoneOffset.UTC),
                updated.atOffset(ZoneOffset.UTC),
                Optional.empty(),
                description,
                "");
        return new Release(
                name,
                namespace,
                number,
                info,
                ChartMetadata.of(name, chartVersion),
                Values.empty(),
                Values.empty(),
                "");
    }
}
