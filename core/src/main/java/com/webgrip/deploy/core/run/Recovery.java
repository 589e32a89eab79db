package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.journal.EntryType;
import com.webgrip.deploy.core.journal.JournalEntry;
import com.webgrip.deploy.core.journal.ReplayedRun;
import com.webgrip.deploy.core.journal.ReplayedStep;
import com.webgrip.deploy.core.policy.RollbackScope;
import com.webgrip.deploy.helm.release.Release;
import com.webgrip.deploy.helm.release.ReleaseStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Picks up a run from its journal after a crash: finished steps keep their state; a pending wave or run rollback is
 * requested again; a step that was in flight is recovered (a release left pending by the interrupted operation is
 * rolled back or uninstalled first) and then continued from what the journal and the release history say.
 */
final class Recovery {

    private Recovery() {}

    /** Restores the journaled state into the run's steps. Call with the run's lock held. */
    static void restore(Run run, ReplayedRun replayed) {
        for (StepRun step : run.steps.values()) {
            ReplayedStep before = step.replayed;
            step.attempts = before.attempts();
            step.deployFrom = before.deployFrom();
            step.deployedRevision = before.deployedRevision();
            step.finalRevision = before.deployedRevision();
            step.changed = before.deployedRevision() > 0;
            if (before.started()) {
                step.started = replayed.started();
            }
            if (!before.decision().isEmpty() && !before.decision().equals("Continue")) {
                step.unhealthy.add(before.deployedRevision());
            }
            if (before.finished()) {
                restoreFinished(run, step, before);
            } else if (before.decision().startsWith("RollBack:WAVE")
                    || before.decision().startsWith("RollBack:RUN")) {
                step.awaitingRollback = true;
                RollbackScope scope = before.decision().endsWith("RUN") ? RollbackScope.RUN : RollbackScope.WAVE;
                run.requestRollback(
                        scope,
                        step.wave,
                        step.chart() + " asked to roll back the " + scope.name().toLowerCase(java.util.Locale.ROOT)
                                + ": " + before.decisionReason());
            }
        }
    }

    private static void restoreFinished(Run run, StepRun step, ReplayedStep before) {
        step.state = StepState.valueOf(before.finalState().orElseThrow());
        step.reason = before.finalReason();
        step.finished = run.now();
        if (step.state == StepState.ROLLED_BACK) {
            step.changed = false;
            step.rolledBackTo = Math.max(0, before.rollbackTarget());
            step.finalRevision = Math.max(0, before.rolledBackRevision());
        }
        if (step.state == StepState.FAILED || step.state == StepState.ROLLED_BACK) {
            run.stopLaunching(step.chart() + ": " + before.finalReason());
            if (before.finalReason().startsWith("stopped for a person")) {
                run.markAskedPerson();
            } else if (before.rollbackTarget() >= 0 && step.state == StepState.FAILED) {
                run.markRollbackFailed();
            }
        }
    }

    /**
     * Decides how an in-flight step continues: a verdict to act on, or null to deploy (or watch an adopted
     * revision) through the normal attempt path.
     */
    static CompletableFuture<Verdict> resumeInFlight(Run run, StepRun step) {
        ReplayedStep before = step.replayed;
        if (before.rollbackInterrupted()) {
            return done(
                    Verdict.of(Verdict.Kind.ROLLBACK, nonEmpty(before.decisionReason(), "an interrupted rollback")));
        }
        String decision = before.decision();
        if (decision.equals("RollBack:STEP")) {
            return done(Verdict.of(Verdict.Kind.ROLLBACK, before.decisionReason()));
        } else if (decision.equals("Fail")) {
            return done(Verdict.of(Verdict.Kind.FAIL, before.decisionReason()));
        } else if (decision.equals("AskPerson")) {
            return done(Verdict.of(Verdict.Kind.ASK_PERSON, before.decisionReason()));
        } else if (decision.equals("Continue")) {
            return done(Verdict.of(Verdict.Kind.SUCCEEDED, before.decisionReason()));
        }
        return Blocking.call(
                        run.settings.blocking(), () -> run.settings.deployer().history(step.step.release()))
                .thenCompose(history -> continueDeploy(run, step, history));
    }

    private static CompletableFuture<Verdict> continueDeploy(Run run, StepRun step, List<Release> history) {
        Release latest = RollbackTargets.latest(history);
        if (latest != null && latest.status().isPending()) {
            return recoverPending(run, step, history, latest).thenApply(ignored -> null);
        }
        boolean ours = latest != null
                && latest.status() == ReleaseStatus.DEPLOYED
                && latest.info().description().contains(run.runId)
                && latest.revision() > step.deployFrom;
        if (ours) {
            synchronized (run) {
                if (latest.revision() != step.deployedRevision) {
                    run.journal(JournalEntry.ofStep(
                            run.now(),
                            run.runId,
                            EntryType.DEPLOYED,
                            step.chart(),
                            Math.max(1, step.attempts),
                            latest.revision(),
                            0,
                            latest.status().helmName(),
                            "found after a crash"));
                }
                step.deployedRevision = latest.revision();
                step.finalRevision = latest.revision();
                step.changed = true;
                step.adoptRevision = latest.revision();
            }
        }
        return done(null);
    }

    /** Rolls back (or uninstalls) a release left pending by an interrupted operation, then lets the step redeploy. */
    private static CompletableFuture<Void> recoverPending(
            Run run, StepRun step, List<Release> history, Release latest) {
        Set<Integer> unhealthy = new HashSet<>(run.settings.knownUnhealthy().apply(step.step.release()));
        int target = latest.status() == ReleaseStatus.PENDING_INSTALL
                ? RollbackTargets.UNINSTALL
                : RollbackTargets.choose(history, latest.revision(), unhealthy);
        String action = target == RollbackTargets.UNINSTALL ? "uninstall" : "rollback to " + target;
        synchronized (run) {
            run.journal(JournalEntry.ofStep(
                    run.now(),
                    run.runId,
                    EntryType.RECOVERY_INTENT,
                    step.chart(),
                    step.attempts,
                    latest.revision(),
                    target,
                    action,
                    "release was " + latest.status().helmName() + " at revision " + latest.revision()
                            + " after an interrupted operation"));
            run.emit(new RunEvent.Recovering(run.now(), run.runId, step.chart(), action));
        }
        return Blocking.call(run.settings.blocking(), () -> {
                    if (target == RollbackTargets.UNINSTALL) {
                        run.settings.deployer().uninstall(step.step.release(), step.step.timeout());
                        return 0;
                    }
                    return run.settings
                            .deployer()
                            .rollback(step.step.release(), target, step.step.timeout())
                            .revision();
                })
                .thenAccept(revision -> {
                    synchronized (run) {
                        run.journal(JournalEntry.ofStep(
                                run.now(),
                                run.runId,
                                EntryType.ROLLED_BACK,
                                step.chart(),
                                step.attempts,
                                revision,
                                target,
                                "recovered",
                                ""));
                        step.finalRevision = revision;
                        step.deployFrom = revision;
                    }
                });
    }

    private static String nonEmpty(String text, String fallback) {
        return text.isEmpty() ? fallback : text;
    }

    private static CompletableFuture<Verdict> done(Verdict verdict) {
        return CompletableFuture.completedFuture(verdict);
    }
}
