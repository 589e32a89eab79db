package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.health.HealthChecks;
import com.webgrip.deploy.core.health.HealthObservation;
import com.webgrip.deploy.core.health.HealthReport;
import com.webgrip.deploy.core.health.HealthStatus;
import com.webgrip.deploy.core.health.HealthTarget;
import com.webgrip.deploy.core.health.Reasons;
import com.webgrip.deploy.core.health.ResourceHealth;
import com.webgrip.deploy.core.health.ResourceRef;
import com.webgrip.deploy.core.journal.EntryType;
import com.webgrip.deploy.core.journal.JournalEntry;
import com.webgrip.deploy.core.metrics.MetricException;
import com.webgrip.deploy.core.metrics.MetricQuery;
import com.webgrip.deploy.core.metrics.MetricReading;
import com.webgrip.deploy.core.policy.Decision;
import com.webgrip.deploy.core.policy.PolicyContext;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import com.webgrip.deploy.core.policy.SecurityFinding;
import com.webgrip.deploy.core.policy.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Observes a deployed step on a schedule and asks its policy after each observation. */
final class Observer {

    private final Run run;
    private final Settings settings;

    Observer(Run run) {
        this.run = run;
        this.settings = run.settings;
    }

    /** Schedules the next observation after the poll interval. */
    void schedule(StepRun step, Attempt attempt) {
        // The attempt's result carries every outcome, so the timer's own future is not needed; an unexpected
        // exception in an observation must still end the attempt rather than vanish with that future.
        var unused = settings.scheduler()
                .schedule(
                        () -> {
                            try {
                                observe(step, attempt);
                            } catch (RuntimeException e) {
                                attempt.result.completeExceptionally(e);
                            }
                        },
                        settings.pollInterval().toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    private void observe(StepRun step, Attempt attempt) {
        if (attempt.over()) {
            return;
        }
        if (run.aborted()) {
            attempt.result.completeExceptionally(new Run.RunAborted("the run aborted"));
            return;
        }
        if (run.cancelled()) {
            attempt.result.complete(Verdict.of(Verdict.Kind.CANCELLED, "cancelled while watching the release"));
            return;
        }
        var unused = Blocking.call(settings.blocking(), () -> {
                    Instant at = run.now();
                    HealthTarget target = new HealthTarget(
                            step.step.release().name(), step.step.release().namespace(), attempt.revision);
                    // Redacted before anything reads it: policies quote the summary in their reasons.
                    HealthReport report = step.redactor.redact(check(healthCheck(step), target));
                    List<MetricReading> readings = read(step, at);
                    List<SecurityFinding> findings = settings.findingSource().findings(target);
                    synchronized (attempt) {
                        attempt.health.add(new HealthObservation(at, report));
                        attempt.metrics.addAll(readings);
                    }
                    return context(step, attempt, Trigger.OBSERVATION, "", findings);
                })
                .whenComplete((context, error) -> {
                    if (error != null) {
                        attempt.result.completeExceptionally(Resilience.unwrap(error));
                        return;
                    }
                    if (attempt.over()) {
                        return; // the timeout came first
                    }
                    Decision decision = decideSafely(run.execution.policy(step), context);
                    try {
                        synchronized (run) {
                            HealthObservation latest = context.latestHealth().orElseThrow();
                            run.emit(new RunEvent.HealthObserved(
                                    latest.at(),
                                    run.runId,
                                    step.chart(),
                                    latest.status().name(),
                                    step.redactor.redact(latest.report().summary())));
                            if (!(decision instanceof Decision.Wait)) {
                                journalDecision(step, attempt.revision, decision);
                            }
                        }
                    } catch (RuntimeException e) {
                        attempt.result.completeExceptionally(e);
                        return;
                    }
                    if (decision instanceof Decision.Wait) {
                        schedule(step, attempt);
                    } else {
                        attempt.result.complete(Verdict.from(decision, step.redactor));
                    }
                });
    }

    private HealthCheck healthCheck(StepRun step) {
        if (step.step.healthGates().isEmpty()) {
            return settings.healthCheck();
        }
        List<HealthCheck> all = new ArrayList<>();
        all.add(settings.healthCheck());
        all.addAll(step.step.healthGates());
        return HealthChecks.allOf(all.toArray(HealthCheck[]::new));
    }

    /** A check that throws becomes an Unknown report: the policy decides what that means. */
    static HealthReport check(HealthCheck check, HealthTarget target) {
        try {
            return check.check(target);
        } catch (RuntimeException e) { // HealthCheckException, or a bug in the check
            return HealthReport.of(ResourceHealth.of(
                    ResourceRef.of("Release", target.namespace(), target.release()),
                    HealthStatus.UNKNOWN,
                    Reasons.CHECK_FAILED,
                    Redactor.PATTERNS.message(e)));
        }
    }

    private List<MetricReading> read(StepRun step, Instant at) {
        List<MetricQuery> queries = run.execution.policy(step).metricQueries();
        List<MetricReading> readings = new ArrayList<>(queries.size());
        for (MetricQuery query : queries) {
            MetricQuery bound =
                    query.bind(step.step.release().name(), step.step.release().namespace());
            try {
                readings.add(settings.metricSource().read(bound, at));
            } catch (MetricException | RuntimeException e) {
                readings.add(MetricReading.failed(bound, at, step.redactor.message(e)));
            }
        }
        return readings;
    }

    PolicyContext context(StepRun step, Attempt attempt, Trigger trigger, String failure) {
        return context(step, attempt, trigger, failure, List.of());
    }

    private PolicyContext context(
            StepRun step, Attempt attempt, Trigger trigger, String failure, List<SecurityFinding> findings) {
        Instant now = run.now();
        Instant deployedAt = attempt.deployedAt == null || attempt.deployedAt.isAfter(now) ? now : attempt.deployedAt;
        PolicyContext.Builder builder = PolicyContext.builder()
                .step(
                        step.chart(),
                        step.step.release().name(),
                        step.step.release().namespace())
                .wave(step.wave)
                .trigger(trigger)
                .now(now)
                .deployedAt(deployedAt)
                .attempt(Math.max(1, attempt.number))
                .revision(Math.max(0, attempt.revision))
                .findings(findings)
                .failure(failure);
        synchronized (attempt) {
            builder.health(attempt.health).metrics(attempt.metrics);
        }
        return builder.build();
    }

    /** A policy that throws stops the run for a person rather than guessing. */
    static Decision decideSafely(RollbackPolicy policy, PolicyContext context) {
        try {
            Decision decision = policy.decide(context);
            return decision == null
                    ? Decision.askPerson("the policy " + policy.describe() + " returned no decision")
                    : decision;
        } catch (RuntimeException e) {
            return Decision.askPerson("the policy " + policy.describe() + " failed: " + e);
        }
    }

    /**
     * Journals a decision, then emits it, its reason redacted: a policy's reason quotes health summaries, failures
     * and whatever else it read. Call with the run's lock held.
     */
    void journalDecision(StepRun step, int revision, Decision decision) {
        String reason = step.redactor.redact(decision.reason());
        run.journal(JournalEntry.ofStep(
                run.now(),
                run.runId,
                EntryType.DECISION,
                step.chart(),
                step.attempts,
                revision,
                0,
                Verdict.journalName(decision),
                reason));
        run.emit(new RunEvent.DecisionMade(
                run.now(), run.runId, step.chart(), decision.getClass().getSimpleName(), reason));
    }
}
