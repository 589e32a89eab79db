package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.journal.EntryType;
import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.journal.JournalEntry;
import com.webgrip.deploy.core.journal.JournalException;
import com.webgrip.deploy.core.journal.ReplayedRun;
import com.webgrip.deploy.core.journal.ReplayedStep;
import com.webgrip.deploy.core.policy.RollbackScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a plan: waves in order, the steps of a wave side by side up to the limit, wave and run rollbacks when
 * a wave has drained, and the final bookkeeping. Every state change is journaled before it is acted on; a journal
 * that cannot be written aborts the run at once.
 */
final class Run implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    /** How long a finished run waits for its listeners to take its last events before its result completes. */
    static final Duration FINAL_DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    final Settings settings;
    final RunPlan plan;
    final String runId;
    final Journal journal;
    final boolean dryRun;
    final Instant started;
    final List<List<StepRun>> waves = new ArrayList<>();
    final Map<String, StepRun> steps = new LinkedHashMap<>();
    private final ReplayedRun replayed;
    private final boolean rollBackOnResume;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    final StepExecution execution;
    final Rollbacks rollbacks;
    private final EventDispatcher events;

    // The run's stop state, guarded by this.
    private String stopReason;
    private RollbackScope pendingScope;
    private int pendingScopeWave;
    private boolean cancelled;
    private boolean aborted;
    private boolean askedPerson;
    private boolean rollbackFailed;
    private boolean approvalRefused;

    Run(Settings settings, RunPlan plan, Journal journal, boolean dryRun, ReplayedRun replayed, boolean rollBack) {
        this.settings = settings;
        this.plan = plan;
        this.journal = journal;
        this.dryRun = dryRun;
        this.replayed = replayed;
        this.rollBackOnResume = rollBack;
        this.runId = replayed == null ? settings.runIds().get() : replayed.runId();
        this.started = replayed == null ? settings.clock().instant() : replayed.started();
        for (int w = 0; w < plan.waves().size(); w++) {
            List<StepRun> wave = new ArrayList<>();
            for (RunStep step : plan.waves().get(w)) {
                ReplayedStep before = replayed == null ? null : replayed.step(step.chart());
                StepRun stepRun = new StepRun(step, w, before);
                wave.add(stepRun);
                steps.put(step.chart(), stepRun);
            }
            waves.add(wave);
        }
        this.events = EventDispatcher.forRun(
                runId, settings.listeners(), settings.listenerExecutor(), settings.listenerQueue());
        this.execution = new StepExecution(this);
        this.rollbacks = new Rollbacks(this);
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public CompletionStage<RunResult> result() {
        return result;
    }

    @Override
    public void cancel() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            stopLaunching("the run was cancelled");
        }
    }

    /** Starts the run; the result completes when it ends. */
    Run start() {
        CompletableFuture<Void> body;
        try {
            synchronized (this) {
                if (replayed == null) {
                    journal(JournalEntry.ofRun(
                                    now(), runId, EntryType.RUN_STARTED, plan.environment(), PlanDigest.of(plan))
                            .withSteps(plan.describeSteps()));
                } else {
                    journal(JournalEntry.ofRun(
                            now(),
                            runId,
                            EntryType.RUN_RESUMED,
                            rollBackOnResume ? "rollback" : "continue",
                            "resumed after " + replayed.entries() + " journal entries"));
                    Recovery.restore(this, replayed);
                }
                emit(new RunEvent.RunStarted(
                        now(),
                        runId,
                        plan.environment(),
                        plan.waves().stream()
                                .map(w -> w.stream().map(RunStep::chart).toList())
                                .toList(),
                        replayed != null));
                for (StepRun step : steps.values()) {
                    if (step.finished()) {
                        // A resumed run tells its listeners what the journal says about steps that had ended.
                        emit(new RunEvent.StepFinished(
                                now(), runId, step.chart(), step.state, step.reason, step.finalRevision));
                    }
                }
            }
            body = approve().thenCompose(approved -> {
                if (!approved) {
                    return CompletableFuture.completedFuture(null);
                }
                if (rollBackOnResume) {
                    return rollbacks.rollBackEverything("resumed with rollback: every release this run changed");
                }
                return runWaves(0);
            });
        } catch (RuntimeException e) {
            body = CompletableFuture.failedFuture(e);
        }
        var unused = body.whenComplete((ignored, error) -> finish(error));
        return this;
    }

    private CompletableFuture<Boolean> approve() {
        // PlanExecutor.resume refused a plan whose digest changed; a journal without a digest cannot vouch for the
        // plan, so its approval is asked for again.
        boolean alreadyApproved = replayed != null
                && !replayed.planDigest().isEmpty()
                && replayed.approval().map("approved"::equals).orElse(false);
        if (!plan.requiresApproval() || dryRun || alreadyApproved) {
            return CompletableFuture.completedFuture(true);
        }
        ApprovalRequest request = new ApprovalRequest(
                runId,
                plan.environment(),
                plan.steps().stream().map(RunStep::chart).toList());
        return settings.approvalGate().request(request).toCompletableFuture().thenApply(answer -> {
            synchronized (this) {
                journal(JournalEntry.ofRun(
                        now(),
                        runId,
                        EntryType.APPROVAL,
                        answer.approved() ? "approved" : "refused",
                        answer.by() + (answer.reason().isEmpty() ? "" : ": " + answer.reason())));
                emit(new RunEvent.ApprovalDecided(now(), runId, answer.approved(), answer.by(), answer.reason()));
                if (!answer.approved()) {
                    approvalRefused = true;
                    stopLaunching("approval refused by " + answer.by()
                            + (answer.reason().isEmpty() ? "" : ": " + answer.reason()));
                }
                return answer.approved();
            }
        });
    }

    private CompletableFuture<Void> runWaves(int index) {
        if (index >= waves.size() || stopping()) {
            return CompletableFuture.completedFuture(null);
        }
        return runWave(index).thenCompose(ignored -> afterWave(index)).thenCompose(ignored -> runWaves(index + 1));
    }

    private CompletableFuture<Void> runWave(int index) {
        List<StepRun> todo = waves.get(index).stream()
                .filter(s -> !s.finished() && !s.awaitingRollback)
                .toList();
        if (todo.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            emit(new RunEvent.WaveStarted(
                    now(), runId, index, todo.stream().map(StepRun::chart).toList()));
        }
        CompletableFuture<Void> all = new CompletableFuture<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(todo.size());
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= todo.size()) {
                return;
            }
            var unused = execution.run(todo.get(i)).whenComplete((ignored, error) -> {
                if (error != null) {
                    abort(error);
                }
                if (remaining.decrementAndGet() == 0) {
                    all.complete(null);
                } else {
                    settings.scheduler().execute(launch[0]);
                }
            });
        };
        int parallel = Math.min(
                Math.min(settings.maxParallel(), plan.concurrencyLimits().get(index)), todo.size());
        for (int k = 0; k < parallel; k++) {
            launch[0].run();
        }
        return all;
    }

    private CompletableFuture<Void> afterWave(int index) {
        RollbackScope scope;
        synchronized (this) {
            scope = pendingScope;
        }
        if (scope == null || aborted()) {
            return CompletableFuture.completedFuture(null);
        }
        List<StepRun> targets = new ArrayList<>();
        for (int w = index; w >= 0; w--) {
            if (scope == RollbackScope.WAVE && w != pendingScopeWave) {
                continue;
            }
            List<StepRun> wave = new ArrayList<>(waves.get(w));
            wave.sort(Comparator.comparing(StepRun::chart).reversed());
            targets.addAll(wave);
        }
        return rollbacks.rollBackAll(targets);
    }

    /** Ends the run: every step gets a final state, the journal gets the outcome, listeners get the event. */
    private void finish(Throwable error) {
        if (error != null) {
            abort(error);
        }
        RunResult runResult;
        synchronized (this) {
            Instant end = now();
            for (StepRun step : steps.values()) {
                if (step.finished()) {
                    continue;
                }
                if (aborted) {
                    step.state = StepState.CANCELLED;
                    step.reason = "the run aborted because its journal could not be written; resume it";
                } else if (cancelled) {
                    step.state = StepState.CANCELLED;
                    step.reason = step.started == null
                            ? "the run was cancelled before this step started"
                            : "the run was cancelled; " + step.reason;
                } else {
                    step.state = StepState.SKIPPED;
                    step.reason = "not started: " + (stopReason == null ? "the run stopped" : stopReason);
                }
                step.finished = end;
                if (!aborted) {
                    try {
                        journal(JournalEntry.ofStep(
                                end,
                                runId,
                                EntryType.STEP_FINISHED,
                                step.chart(),
                                step.attempts,
                                step.finalRevision,
                                0,
                                step.state.name(),
                                step.reason));
                    } catch (RunAborted e) {
                        // recorded below as an aborted run
                    }
                }
                emit(new RunEvent.StepFinished(end, runId, step.chart(), step.state, step.reason, step.finalRevision));
            }
            RunOutcome outcome = outcome();
            String reason = outcomeReason(outcome);
            if (!aborted) {
                try {
                    journal(JournalEntry.ofRun(end, runId, EntryType.RUN_FINISHED, outcome.name(), reason));
                } catch (RuntimeException e) {
                    aborted = true;
                    outcome = RunOutcome.ABORTED;
                    reason = "the journal could not be written: " + Redactor.PATTERNS.message(e);
                }
            }
            List<StepResult> results = steps.values().stream()
                    .map(s -> new StepResult(
                            s.chart(),
                            s.step.release(),
                            s.wave,
                            s.state,
                            s.reason,
                            s.attempts,
                            s.deployedRevision,
                            s.rolledBackTo,
                            s.finalRevision,
                            java.util.Optional.ofNullable(s.started),
                            s.finished == null ? end : s.finished))
                    .toList();
            runResult = new RunResult(runId, plan.environment(), outcome, reason, results, started, end);
            emit(new RunEvent.RunFinished(end, runId, outcome, reason));
        }
        if (!dryRun && runResult.outcome() != RunOutcome.ABORTED) {
            try {
                settings.onFinished().accept(runResult);
            } catch (RuntimeException e) {
                LOG.warn("run {}: recording the finished run failed: {}", runId, e.toString());
            }
        }
        // Whoever awaits the result sees every event already delivered (the CLI's output ends with the run's end).
        events.close(FINAL_DELIVERY_TIMEOUT);
        result.complete(runResult);
    }

    private RunOutcome outcome() {
        if (aborted) {
            return RunOutcome.ABORTED;
        }
        if (approvalRefused) {
            return RunOutcome.APPROVAL_REFUSED;
        }
        if (dryRun) {
            return RunOutcome.DRY_RUN;
        }
        if (rollbackFailed) {
            return RunOutcome.ROLLBACK_FAILED;
        }
        if (steps.values().stream().anyMatch(s -> s.state == StepState.ROLLED_BACK)) {
            return RunOutcome.ROLLED_BACK;
        }
        if (askedPerson) {
            return RunOutcome.NEEDS_PERSON;
        }
        if (steps.values().stream().anyMatch(s -> s.state == StepState.FAILED)) {
            return RunOutcome.FAILED;
        }
        if (cancelled) {
            return RunOutcome.CANCELLED;
        }
        if (steps.values().stream().allMatch(s -> s.state == StepState.SUCCEEDED)) {
            return RunOutcome.SUCCEEDED;
        }
        return RunOutcome.FAILED;
    }

    private String outcomeReason(RunOutcome outcome) {
        long succeeded = steps.values().stream()
                .filter(s -> s.state == StepState.SUCCEEDED)
                .count();
        String counts = succeeded + " of " + steps.size() + " steps succeeded";
        if (outcome == RunOutcome.SUCCEEDED || outcome == RunOutcome.DRY_RUN || stopReason == null) {
            return counts;
        }
        return stopReason + "; " + counts;
    }

    // ---- shared helpers for StepExecution and Rollbacks ----

    Instant now() {
        return settings.clock().instant();
    }

    /** Appends to the journal (a dry run keeps none); a failure aborts the run. Call with the lock held. */
    void journal(JournalEntry entry) {
        if (dryRun) {
            return;
        }
        if (aborted) {
            throw new RunAborted("the run already aborted");
        }
        try {
            journal.append(entry);
        } catch (JournalException | RuntimeException e) {
            aborted = true;
            stopLaunching("the journal could not be written");
            throw new RunAborted("the journal could not be written: " + Redactor.PATTERNS.message(e), e);
        }
    }

    /**
     * Queues an event for the listeners, which take it on the dispatcher's thread; never waits for them. Call with
     * the lock held, after journaling, so events keep the journal's order.
     */
    void emit(RunEvent event) {
        events.dispatch(event);
    }

    synchronized String stopReasonText() {
        return stopReason == null ? "" : stopReason;
    }

    synchronized String pendingScopeWord() {
        return pendingScope == null ? "run" : pendingScope.name().toLowerCase(java.util.Locale.ROOT);
    }

    synchronized boolean stopping() {
        return stopReason != null;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    synchronized boolean aborted() {
        return aborted;
    }

    /** No new step or attempt starts after this; the first reason is kept. Call with the lock held. */
    void stopLaunching(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** A wave or run rollback is requested; the wider scope wins. Call with the lock held. */
    void requestRollback(RollbackScope scope, int wave, String reason) {
        stopLaunching(reason);
        if (pendingScope == null || scope.compareTo(pendingScope) > 0) {
            pendingScope = scope;
            pendingScopeWave = wave;
        }
    }

    synchronized void markRollbackFailed() {
        rollbackFailed = true;
    }

    synchronized void markAskedPerson() {
        askedPerson = true;
    }

    private void abort(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        synchronized (this) {
            if (!(cause instanceof RunAborted)) {
                LOG.error("run {}: unexpected failure, aborting: {}", runId, cause.toString());
            }
            aborted = true;
            stopLaunching("the run aborted: " + Redactor.PATTERNS.message(cause));
        }
    }

    /** Thrown when the journal cannot be written: nothing more may be done. */
    static final class RunAborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunAborted(String message) {
            super(message);
        }

        RunAborted(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
