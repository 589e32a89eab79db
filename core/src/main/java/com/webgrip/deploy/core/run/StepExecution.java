package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.deploy.DeployException;
import com.webgrip.deploy.core.deploy.DeployRequest;
import com.webgrip.deploy.core.health.HealthTarget;
import com.webgrip.deploy.core.journal.EntryType;
import com.webgrip.deploy.core.journal.JournalEntry;
import com.webgrip.deploy.core.policy.Decision;
import com.webgrip.deploy.core.policy.PolicyContext;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import com.webgrip.deploy.core.policy.RollbackScope;
import com.webgrip.deploy.core.policy.Trigger;
import com.webgrip.deploy.helm.release.Release;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step: deploy with retries and backoff (resilience4j Retry), each attempt under the step's timeout
 * (TimeLimiter) and the run's circuit breaker, then observe health and metrics until the policy decides; then act on
 * the verdict. All waits are scheduled on the injected scheduler; nothing sleeps.
 */
final class StepExecution {

    private static final Logger LOG = LoggerFactory.getLogger(StepExecution.class);

    private final Run run;
    private final Settings settings;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Observer observer;

    StepExecution(Run run) {
        this.run = run;
        this.settings = run.settings;
        this.retry = Resilience.retry(run.runId, settings);
        this.breaker = Resilience.breaker(run.runId, settings);
        this.observer = new Observer(run);
    }

    /** Runs the step to a final state (or to waiting for a wave or run rollback). */
    CompletableFuture<Void> run(StepRun step) {
        boolean resumedInFlight;
        synchronized (run) {
            resumedInFlight = step.replayed != null && step.replayed.started() && !step.finished();
            if (step.finished() || step.awaitingRollback || (run.stopping() && !resumedInFlight)) {
                return CompletableFuture.completedFuture(null);
            }
            step.started = step.started == null ? run.now() : step.started;
            run.journal(
                    JournalEntry.ofStep(run.now(), run.runId, EntryType.STEP_STARTED, step.chart(), 0, 0, 0, "", ""));
        }
        CompletableFuture<Verdict> verdict = resumedInFlight
                ? Recovery.resumeInFlight(run, step).thenCompose(v -> v == null ? deployWithRetries(step) : done(v))
                : deployWithRetries(step);
        return verdict.thenCompose(v -> act(step, v));
    }

    private static CompletableFuture<Verdict> done(Verdict verdict) {
        return CompletableFuture.completedFuture(verdict);
    }

    CompletableFuture<Verdict> deployWithRetries(StepRun step) {
        return retry.executeCompletionStage(
                        settings.scheduler(), () -> breaker.executeCompletionStage(() -> attempt(step)))
                .toCompletableFuture()
                .exceptionallyCompose(error -> afterRetries(step, Resilience.unwrap(error)));
    }

    private CompletableFuture<Verdict> attempt(StepRun step) {
        Attempt attempt;
        synchronized (run) {
            if (run.cancelled() || run.aborted()) {
                return done(Verdict.of(Verdict.Kind.CANCELLED, "the run was cancelled before this attempt"));
            }
            step.attempts++;
            attempt = new Attempt(step.attempts);
            run.emit(new RunEvent.StepStarted(run.now(), run.runId, step.chart(), attempt.number));
        }
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(step.step.timeout())
                .cancelRunningFuture(true)
                .build());
        return limiter.executeCompletionStage(settings.scheduler(), () -> deployAndWatch(step, attempt))
                .toCompletableFuture()
                .exceptionallyCompose(error -> {
                    Throwable cause = Resilience.unwrap(error);
                    if (cause instanceof TimeoutException) {
                        attempt.result.cancel(false);
                        return attempt.deployDone
                                .handle((ignored, e) -> null)
                                .thenApply(ignored -> decideAfter(
                                        step,
                                        attempt,
                                        Trigger.TIMEOUT,
                                        "not healthy within " + Decision.format(step.step.timeout())));
                    }
                    if (cause instanceof DeployException deployError && !deployError.retryable()) {
                        return done(decideAfter(step, attempt, Trigger.DEPLOY_FAILED, step.redactor.message(cause)));
                    }
                    return CompletableFuture.<Verdict>failedFuture(cause);
                })
                .thenCompose(verdict -> verdict.kind() == Verdict.Kind.RETRY
                        ? CompletableFuture.failedFuture(new Resilience.RetryRequested(verdict.reason()))
                        : done(verdict));
    }

    private CompletableFuture<Verdict> deployAndWatch(StepRun step, Attempt attempt) {
        int adopt;
        synchronized (run) {
            adopt = step.adoptRevision;
            step.adoptRevision = 0;
        }
        if (adopt > 0) {
            // Resumed after a crash: the revision is already deployed; watch it instead of deploying again. No deploy
            // of this run resolved the values, so learn the secrets its health messages may echo first.
            attempt.revision = adopt;
            attempt.deployedAt = run.now();
            attempt.deployDone.complete(null);
            var unused = Blocking.call(settings.blocking(), () -> learnSecrets(step))
                    .whenComplete((ignored, error) -> observer.schedule(step, attempt));
            return attempt.result;
        }
        var unused = Blocking.call(
                        settings.blocking(), () -> settings.deployer().history(step.step.release()))
                .thenCompose(history -> {
                    Release latest = RollbackTargets.latest(history);
                    if (latest != null && latest.status().isPending() && !run.dryRun) {
                        throw new java.util.concurrent.CompletionException(new DeployException(
                                DeployException.Kind.OPERATION_IN_PROGRESS,
                                "release " + step.step.release() + " is "
                                        + latest.status().helmName()
                                        + " at revision " + latest.revision()
                                        + ": another operation is in progress or was interrupted; resume the run"
                                        + " that started it, or recover the release"));
                    }
                    int from = latest == null ? 0 : latest.revision();
                    CompletableFuture<Release> call;
                    synchronized (run) {
                        step.deployFrom = step.deployFrom < 0 ? from : Math.min(step.deployFrom, from);
                        run.journal(JournalEntry.ofStep(
                                run.now(),
                                run.runId,
                                EntryType.DEPLOY_INTENT,
                                step.chart(),
                                attempt.number,
                                from,
                                0,
                                step.step.chartRef().toString(),
                                ""));
                        call = Blocking.call(
                                settings.blocking(), () -> settings.deployer().upgradeOrInstall(request(step)));
                        step.inFlight = call;
                    }
                    return call;
                })
                .whenComplete((revision, error) -> {
                    if (error == null) {
                        deployed(step, attempt, revision);
                    } else {
                        attempt.failure = step.redactor.message(Resilience.unwrap(error));
                        attempt.deployDone.complete(null);
                        attempt.result.completeExceptionally(Resilience.unwrap(error));
                    }
                });
        return attempt.result;
    }

    /**
     * Resolves the step's values once to learn its secrets, when no deploy of this run did (a resumed run watching or
     * rolling back a revision deployed before the crash), so its error and health text is redacted as a fresh run's
     * is. Decrypts: call on the blocking executor. When the values cannot be resolved, only key-looking text is
     * masked, as before any deploy.
     *
     * @return the step's redactor
     */
    Redactor learnSecrets(StepRun step) {
        if (step.redactor != Redactor.PATTERNS) {
            return step.redactor;
        }
        try {
            Map<String, Object> values = step.step.values().resolve();
            step.redactor = Redactor.of(step.step.values().secretValues(values));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn(
                    "run {}: {}: its values could not be resolved to learn their secrets; its messages are masked by"
                            + " pattern only: {}",
                    run.runId,
                    step.chart(),
                    Redactor.PATTERNS.message(e));
        }
        return step.redactor;
    }

    private DeployRequest request(StepRun step) throws DeployException {
        Map<String, Object> values;
        try {
            values = step.step.values().resolve();
            step.redactor = Redactor.of(step.step.values().secretValues(values));
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file and what failed; our SOPS never puts plaintext in one.
            throw new DeployException(
                    DeployException.Kind.REJECTED,
                    "the values of " + step.chart() + " could not be resolved: " + step.redactor.message(e),
                    e);
        }
        return DeployRequest.of(
                step.step.release(),
                step.step.chartRef(),
                values,
                step.step.timeout(),
                run.dryRun,
                "webgrip-deploy run " + run.runId);
    }

    private void deployed(StepRun step, Attempt attempt, Release revision) {
        synchronized (run) {
            if (run.dryRun) {
                attempt.deployDone.complete(null);
                attempt.result.complete(Verdict.of(
                        Verdict.Kind.DRY_RUN,
                        "dry run: would write revision " + revision.revision() + " of " + step.step.release()
                                + " with chart " + step.step.chartRef()));
                return;
            }
            run.journal(JournalEntry.ofStep(
                    run.now(),
                    run.runId,
                    EntryType.DEPLOYED,
                    step.chart(),
                    attempt.number,
                    revision.revision(),
                    0,
                    revision.status().helmName(),
                    ""));
            step.deployedRevision = revision.revision();
            step.finalRevision = revision.revision();
            step.changed = true;
            attempt.revision = revision.revision();
            attempt.deployedAt = run.now();
            run.emit(new RunEvent.StepDeployed(run.now(), run.runId, step.chart(), revision.revision()));
            attempt.deployDone.complete(null);
        }
        if (!attempt.over()) {
            observer.schedule(step, attempt);
        }
    }

    /** Asks the policy after a timeout or a failed deploy; waiting or continuing is not possible then. */
    Verdict decideAfter(StepRun step, Attempt attempt, Trigger trigger, String failure) {
        PolicyContext context = observer.context(step, attempt, trigger, failure);
        Decision decision = Observer.decideSafely(policy(step), context);
        if (decision instanceof Decision.Continue || decision instanceof Decision.Wait) {
            decision = Decision.fail(failure + "; the policy answered "
                    + decision.getClass().getSimpleName() + ", which a step that is not healthy cannot do");
        }
        synchronized (run) {
            observer.journalDecision(step, attempt.revision, decision);
        }
        return Verdict.from(decision, step.redactor);
    }

    RollbackPolicy policy(StepRun step) {
        return step.step.policy().orElse(settings.defaultPolicy());
    }

    private CompletableFuture<Verdict> afterRetries(StepRun step, Throwable cause) {
        if (cause instanceof Run.RunAborted) {
            return CompletableFuture.failedFuture(cause);
        }
        if (cause instanceof CallNotPermittedException) {
            synchronized (run) {
                run.stopLaunching("the circuit breaker opened: too many failed deploys in this run");
            }
            return done(Verdict.of(
                    step.attempts == 0 ? Verdict.Kind.SKIPPED : Verdict.Kind.FAIL,
                    "the circuit breaker is open after too many failed deploys in this run"));
        }
        String why = cause instanceof Resilience.RetryRequested || cause instanceof DeployException
                ? "gave up after " + step.attempts + " attempts: " + step.redactor.message(cause)
                : "unexpected " + cause.getClass().getSimpleName() + ": " + step.redactor.message(cause);
        Attempt last = new Attempt(step.attempts);
        last.revision = step.deployedRevision;
        last.deployedAt = run.now();
        Verdict verdict = decideAfter(step, last, Trigger.DEPLOY_FAILED, why);
        return done(verdict.kind() == Verdict.Kind.RETRY ? Verdict.of(Verdict.Kind.FAIL, why) : verdict);
    }

    /** Acts on a step's verdict. */
    CompletableFuture<Void> act(StepRun step, Verdict verdict) {
        synchronized (run) {
            switch (verdict.kind()) {
                case SUCCEEDED -> finish(step, StepState.SUCCEEDED, verdict.reason());
                case DRY_RUN, SKIPPED -> finish(step, StepState.SKIPPED, verdict.reason());
                case CANCELLED -> finish(step, StepState.CANCELLED, verdict.reason() + releaseLeft(step));
                case ASK_PERSON -> {
                    run.markAskedPerson();
                    run.stopLaunching(step.chart() + " needs a person: " + verdict.reason());
                    step.unhealthy.add(step.deployedRevision);
                    finish(step, StepState.FAILED, "stopped for a person: " + verdict.reason() + releaseLeft(step));
                }
                case ROLLBACK -> {
                    step.unhealthy.add(step.deployedRevision);
                    if (verdict.scope() != RollbackScope.STEP) {
                        step.awaitingRollback = true;
                        run.requestRollback(
                                verdict.scope(),
                                step.wave,
                                step.chart() + " asked to roll back the "
                                        + verdict.scope().name().toLowerCase(Locale.ROOT) + ": " + verdict.reason());
                        return CompletableFuture.completedFuture(null);
                    }
                    run.stopLaunching(step.chart() + " was rolled back: " + verdict.reason());
                    // Outside the lock: the rollback calls the deployer.
                }
                default -> {
                    step.unhealthy.add(step.deployedRevision);
                    run.stopLaunching(step.chart() + " failed: " + verdict.reason());
                    finish(step, StepState.FAILED, verdict.reason() + releaseLeft(step));
                }
            }
            if (verdict.kind() != Verdict.Kind.ROLLBACK) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return run.rollbacks.rollBackOne(step, verdict.reason());
    }

    private static String releaseLeft(StepRun step) {
        return step.deployedRevision > 0
                ? "; release left at revision " + step.deployedRevision + ", health not verified"
                : "";
    }

    /** Journals and records a final state. Call with the run's lock held. */
    void finish(StepRun step, StepState state, String reason) {
        run.journal(JournalEntry.ofStep(
                run.now(),
                run.runId,
                EntryType.STEP_FINISHED,
                step.chart(),
                step.attempts,
                step.finalRevision,
                0,
                state.name(),
                reason));
        step.state = state;
        step.reason = reason;
        step.finished = run.now();
        step.awaitingRollback = false;
        if (state == StepState.ROLLED_BACK) {
            step.changed = false;
        }
        run.emit(new RunEvent.StepFinished(run.now(), run.runId, step.chart(), state, reason, step.finalRevision));
    }

    HealthTarget target(StepRun step, int revision) {
        return new HealthTarget(step.step.release().name(), step.step.release().namespace(), revision);
    }
}
