package com.webgrip.deploy.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a run ended: its outcome and the final state of every step.
 *
 * @param runId the run's identifier
 * @param environment the environment
 * @param outcome the outcome
 * @param reason why, in words
 * @param steps every step of the plan, in plan order
 * @param started when the run started
 * @param finished when it ended
 */
public record RunResult(
        String runId,
        String environment,
        RunOutcome outcome,
        String reason,
        List<StepResult> steps,
        Instant started,
        Instant finished) {

    /** Checks that nothing is null; copies the steps. */
    public RunResult {
        Objects.requireNonNull(runId, "runId required");
        Objects.requireNonNull(environment, "environment required");
        Objects.requireNonNull(outcome, "outcome required");
        Objects.requireNonNull(reason, "reason required");
        steps = List.copyOf(steps);
        Objects.requireNonNull(started, "started required");
        Objects.requireNonNull(finished, "finished required");
    }

    /**
     * One step's result.
     *
     * @param chart the chart folder
     * @return its result
     * @throws NoSuchElementException when the plan has no such step
     */
    public StepResult step(String chart) {
        return steps.stream()
                .filter(s -> s.chart().equals(chart))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("the run has no step " + chart + "; its steps are "
                        + steps.stream().map(StepResult::chart).collect(Collectors.joining(", "))));
    }

    /** Returns how long the run took. */
    public Duration elapsed() {
        return Duration.between(started, finished);
    }

    @Override
    public String toString() {
        return "run " + runId + " (" + environment + ") " + outcome + ": " + reason;
    }
}
