package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.deploy.DeployException;
import com.webgrip.deploy.core.policy.SecurityFinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a simulated release does, set by a test: how long its pods take to become ready, what its next upgrades do
 * (crash-loop, OOM, image pull failure, never ready, an error rate for a while), whether deploys or rollbacks fail.
 * Methods return this script for chaining; obtain one from {@link SimulatedCluster#release(String)}.
 */
public final class ReleaseScript {

    Duration readyAfter = Duration.ofSeconds(10);
    Behaviour upgradeBehaviour = Behaviour.HEALTHY;
    int upgradeBehaviourTimes = Integer.MAX_VALUE;
    double upgradeErrorRate = Double.NaN;
    Duration upgradeErrorsFor = Duration.ZERO;
    double baselineErrorRate = 0.001;
    boolean noTraffic;
    int metricFailures;
    int deployFailures;
    DeployException.Kind deployFailureKind = DeployException.Kind.UNAVAILABLE;
    boolean interruptNextUpgrade;
    boolean rollbacksFail;
    final List<SecurityFinding> findings = new ArrayList<>();

    ReleaseScript() {}

    /**
     * Sets how long the pods take to become ready.
     *
     * @param delay how long after a deploy or rollback its pods become ready (default 10 s)
     * @return this script
     */
    public ReleaseScript readyAfter(Duration delay) {
        this.readyAfter = Objects.requireNonNull(delay, "delay required");
        return this;
    }

    /**
     * Every upgrade (or install) from now on crash-loops.
     *
     * @return this script
     */
    public ReleaseScript crashLoopsAfterUpgrade() {
        return nextUpgrades(Behaviour.CRASH_LOOP, Integer.MAX_VALUE);
    }

    /**
     * Every upgrade from now on is OOM-killed.
     *
     * @return this script
     */
    public ReleaseScript oomKilledAfterUpgrade() {
        return nextUpgrades(Behaviour.OOM_KILLED, Integer.MAX_VALUE);
    }

    /**
     * Every upgrade from now on fails to pull its image.
     *
     * @return this script
     */
    public ReleaseScript imagePullFailsAfterUpgrade() {
        return nextUpgrades(Behaviour.IMAGE_PULL_FAILS, Integer.MAX_VALUE);
    }

    /**
     * Every upgrade from now on never becomes ready: its step hangs until its timeout.
     *
     * @return this script
     */
    public ReleaseScript neverReadyAfterUpgrade() {
        return nextUpgrades(Behaviour.NEVER_READY, Integer.MAX_VALUE);
    }

    /**
     * Only the next {@code times} upgrades crash-loop; later ones are healthy.
     *
     * @param times how many upgrades
     * @return this script
     */
    public ReleaseScript crashLoopsForNextUpgrades(int times) {
        return nextUpgrades(Behaviour.CRASH_LOOP, times);
    }

    private ReleaseScript nextUpgrades(Behaviour behaviour, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times is 1 or more, found " + times);
        }
        this.upgradeBehaviour = behaviour;
        this.upgradeBehaviourTimes = times;
        return this;
    }

    /**
     * After each upgrade, the error rate is {@code rate} for {@code duration}, then the baseline.
     *
     * @param rate such as {@code 0.07} for 7%
     * @param duration how long
     * @return this script
     */
    public ReleaseScript errorRateAfterUpgrade(double rate, Duration duration) {
        this.upgradeErrorRate = rate;
        this.upgradeErrorsFor = Objects.requireNonNull(duration, "duration required");
        return this;
    }

    /**
     * Sets the error rate of the release when no burst is scripted.
     *
     * @param rate the error rate when nothing else applies (default 0.1%)
     * @return this script
     */
    public ReleaseScript baselineErrorRate(double rate) {
        this.baselineErrorRate = rate;
        return this;
    }

    /**
     * The release serves no traffic: its metric has no data (inconclusive).
     *
     * @return this script
     */
    public ReleaseScript noTraffic() {
        this.noTraffic = true;
        return this;
    }

    /**
     * The next {@code times} metric reads fail.
     *
     * @param times how many
     * @return this script
     */
    public ReleaseScript metricReadsFail(int times) {
        this.metricFailures = times;
        return this;
    }

    /**
     * The next {@code times} upgrade calls fail with the given kind (before writing a revision).
     *
     * @param times how many
     * @param kind what kind of failure; {@code UNAVAILABLE} and {@code TIMEOUT} are retried by the executor
     * @return this script
     */
    public ReleaseScript deployFails(int times, DeployException.Kind kind) {
        this.deployFailures = times;
        this.deployFailureKind = Objects.requireNonNull(kind, "kind required");
        return this;
    }

    /**
     * The next upgrade is interrupted mid-way (as by a killed client): the release is left pending-upgrade (or
     * pending-install) and the call fails.
     *
     * @return this script
     */
    public ReleaseScript interruptsNextUpgrade() {
        this.interruptNextUpgrade = true;
        return this;
    }

    /**
     * Every rollback fails: Helm writes a failed revision and reports an error.
     *
     * @return this script
     */
    public ReleaseScript failsToRollBack() {
        this.rollbacksFail = true;
        return this;
    }

    /**
     * Revisions deployed by upgrades from now on carry this security finding.
     *
     * @param finding the finding
     * @return this script
     */
    public ReleaseScript securityFinding(SecurityFinding finding) {
        findings.add(Objects.requireNonNull(finding, "finding required"));
        return this;
    }
}
