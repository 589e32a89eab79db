package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.health.HealthStatus;
import com.webgrip.deploy.core.health.HealthTarget;
import com.webgrip.deploy.core.journal.EntryType;
import com.webgrip.deploy.core.journal.JournalEntry;
import com.webgrip.deploy.core.journal.ReplayedStep;
import com.webgrip.deploy.helm.release.Release;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rolls releases back to their last revision known to be good (see {@link RollbackTargets}), one at a time, and
 * waits for the restored revision to be healthy. A rollback that fails, or whose revision does not become healthy
 * within the step's timeout, leaves the step Failed and the run's outcome {@link RunOutcome#ROLLBACK_FAILED}.
 */
final class Rollbacks {

    private final Run run;
    private final Settings settings;

    Rollbacks(Run run) {
        this.run = run;
        this.settings = run.settings;
    }

    /** Rolls back every changed step of the list, in the list's order, one after another. */
    CompletableFuture<Void> rollBackAll(List<StepRun> steps) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (StepRun step : steps) {
            chain = chain.thenCompose(ignored -> {
                boolean due;
                synchronized (run) {
                    due = step.awaitingRollback || (step.changed && step.state != StepState.ROLLED_BACK);
                }
                return due
                        ? rollBackOne(step, "rolled back with the " + run.pendingScopeWord() + ": " + reasonOf())
                        : done();
            });
        }
        return chain;
    }

    /** Rolls back everything the run changed, waves in reverse order (for {@code resume --rollback}). */
    CompletableFuture<Void> rollBackEverything(String reason) {
        synchronized (run) {
            run.requestRollback(com.webgrip.deploy.core.policy.RollbackScope.RUN, 0, reason);
        }
        List<StepRun> all = new ArrayList<>();
        for (int w = run.waves.size() - 1; w >= 0; w--) {
            List<StepRun> wave = new ArrayList<>(run.waves.get(w));
            wave.sort(Comparator.comparing(StepRun::chart).reversed());
            for (StepRun step : wave) {
                synchronized (run) {
                    boolean started = step.started != null || (step.replayed != null && step.replayed.started());
                    if (!step.finished() && started) {
                        step.awaitingRollback = true;
                    }
                }
                all.add(step);
            }
        }
        return rollBackAll(all);
    }

    /** Rolls back one step's release and records its final state. */
    CompletableFuture<Void> rollBackOne(StepRun step, String reason) {
        CompletableFuture<?> inFlight;
        synchronized (run) {
            inFlight = step.inFlight;
        }
        return inFlight.handle((ignored, error) -> null)
                .thenCompose(ignored -> Blocking.call(settings.blocking(), () -> {
                    // A resumed run rolls back steps no deploy of it resolved: learn their secrets first.
                    run.execution.learnSecrets(step);
                    return settings.deployer().history(step.step.release());
                }))
                .thenCompose(history -> rollBackFrom(step, history, reason))
                .exceptionally(error -> {
                    Throwable cause = Resilience.unwrap(error);
                    if (cause instanceof Run.RunAborted) {
                        throw new java.util.concurrent.CompletionException(cause);
                    }
                    failed(step, reason + "; the rollback failed: " + step.redactor.message(cause));
                    return null;
                });
    }

    private CompletableFuture<Void> rollBackFrom(StepRun step, List<Release> history, String reason) {
        Release latest = RollbackTargets.latest(history);
        ReplayedStep replayed = step.replayed;
        boolean interrupted;
        synchronized (run) {
            interrupted = replayed != null && replayed.rollbackInterrupted() && !step.rollbackResumed;
            step.rollbackResumed = true;
        }
        if (interrupted) {
            return resumeRollback(step, replayed, latest, reason);
        }
        int baseline = step.deployFrom;
        if (latest == null
                || (baseline >= 0
                        && latest.revision() <= baseline
                        && !latest.status().isPending())) {
            synchronized (run) {
                run.execution.finish(
                        step,
                        StepState.FAILED,
                        reason + "; this run wrote no revision of " + step.step.release() + ", nothing to roll back");
            }
            return done();
        }
        Set<Integer> unhealthy = new HashSet<>(settings.knownUnhealthy().apply(step.step.release()));
        synchronized (run) {
            unhealthy.addAll(step.unhealthy);
            if (step.deployedRevision > 0) {
                unhealthy.add(step.deployedRevision); // the revision being rolled away from is never a target
            }
        }
        int target = RollbackTargets.choose(history, latest.revision(), unhealthy);
        synchronized (run) {
            run.journal(JournalEntry.ofStep(
                    run.now(),
                    run.runId,
                    EntryType.ROLLBACK_INTENT,
                    step.chart(),
                    step.attempts,
                    latest.revision(),
                    target,
                    target == RollbackTargets.UNINSTALL ? "uninstall" : "rollback",
                    reason));
            run.emit(new RunEvent.RollbackStarted(run.now(), run.runId, step.chart(), latest.revision(), target));
        }
        return perform(step, target, reason);
    }

    /**
     * Finishes a rollback that was journaled before a crash: if the release moved past the revision it was rolled
     * back from, the rollback happened and is adopted; otherwise it is performed again to the journaled target.
     */
    private CompletableFuture<Void> resumeRollback(StepRun step, ReplayedStep replayed, Release latest, String reason) {
        int target = replayed.rollbackTarget();
        boolean happened = target == RollbackTargets.UNINSTALL
                ? latest == null || latest.status() == com.webgrip.deploy.helm.release.ReleaseStatus.UNINSTALLED
                : latest != null
                        && latest.revision() > replayed.rollbackFrom()
                        && !latest.status().isPending();
        if (happened) {
            int revision = latest == null ? 0 : latest.revision();
            return recorded(step, target, revision, reason + " (the rollback had completed before the crash)");
        }
        synchronized (run) {
            run.journal(JournalEntry.ofStep(
                    run.now(),
                    run.runId,
                    EntryType.ROLLBACK_INTENT,
                    step.chart(),
                    step.attempts,
                    replayed.rollbackFrom(),
                    target,
                    target == RollbackTargets.UNINSTALL ? "uninstall" : "rollback",
                    reason + " (again, after a crash)"));
            run.emit(new RunEvent.RollbackStarted(run.now(), run.runId, step.chart(), replayed.rollbackFrom(), target));
        }
        return perform(step, target, reason);
    }

    /** Performs a journaled rollback (or uninstall) and waits for the restored revision to be healthy. */
    CompletableFuture<Void> perform(StepRun step, int target, String reason) {
        CompletableFuture<Integer> call = target == RollbackTargets.UNINSTALL
                ? Blocking.call(settings.blocking(), () -> {
                    settings.deployer().uninstall(step.step.release(), step.step.timeout());
                    return 0;
                })
                : Blocking.call(
                        settings.blocking(),
                        () -> settings.deployer()
                                .rollback(step.step.release(), target, step.step.timeout())
                                .revision());
        return call.thenCompose(revision -> recorded(step, target, revision, reason));
    }

    /** Journals a completed rollback, then waits for the restored revision to be healthy. */
    private CompletableFuture<Void> recorded(StepRun step, int target, int revision, String reason) {
        synchronized (run) {
            run.journal(JournalEntry.ofStep(
                    run.now(),
                    run.runId,
                    EntryType.ROLLED_BACK,
                    step.chart(),
                    step.attempts,
                    revision,
                    target,
                    "",
                    ""));
            step.finalRevision = revision;
            step.rolledBackTo = target;
        }
        if (target == RollbackTargets.UNINSTALL) {
            rolledBack(step, reason + "; no earlier revision was known good, so the release was uninstalled");
            return done();
        }
        return awaitHealthy(step, revision).thenAccept(problem -> {
            if (problem == null) {
                rolledBack(step, reason + "; rolled back to revision " + target + " (now revision " + revision + ")");
            } else {
                failed(
                        step,
                        reason + "; rolled back to revision " + target + " (now revision " + revision
                                + ") but it is not healthy: " + problem);
            }
        });
    }

    private void rolledBack(StepRun step, String reason) {
        synchronized (run) {
            run.execution.finish(step, StepState.ROLLED_BACK, reason);
        }
    }

    private void failed(StepRun step, String reason) {
        run.markRollbackFailed();
        synchronized (run) {
            run.stopLaunching(step.chart() + ": " + reason);
            run.execution.finish(step, StepState.FAILED, reason);
        }
    }

    /** Polls the restored revision until Current; completes with null, or with what was last seen at the timeout. */
    private CompletableFuture<String> awaitHealthy(StepRun step, int revision) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Instant deadline = run.now().plus(step.step.timeout());
        HealthTarget target =
                new HealthTarget(step.step.release().name(), step.step.release().namespace(), revision);
        poll(outcome, target, deadline, step.redactor);
        return outcome;
    }

    private void poll(CompletableFuture<String> outcome, HealthTarget target, Instant deadline, Redactor redactor) {
        // The outcome future carries every result; the timer's and the chain's own futures are not needed.
        var unused = settings.scheduler()
                .schedule(
                        () -> {
                            var unusedPoll = Blocking.call(
                                            settings.blocking(), () -> Observer.check(settings.healthCheck(), target))
                                    .whenComplete((report, error) -> {
                                        if (error != null) {
                                            outcome.complete(redactor.message(Resilience.unwrap(error)));
                                        } else if (report.status() == HealthStatus.CURRENT) {
                                            outcome.complete(null);
                                        } else if (!run.now().isBefore(deadline)) {
                                            outcome.complete(redactor.redact(report.summary()));
                                        } else {
                                            poll(outcome, target, deadline, redactor);
                                        }
                                    });
                        },
                        settings.pollInterval().toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    private String reasonOf() {
        return run.stopReasonText();
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
