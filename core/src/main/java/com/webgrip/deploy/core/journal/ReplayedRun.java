package com.webgrip.deploy.core.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a journal says about a run: its steps, what became of each, and whether the run finished.
 *
 * @param runId the run
 * @param environment the environment
 * @param started when it started
 * @param steps the steps as {@code wave:chart:release:namespace}, in plan order
 * @param planDigest the content digest of the plan the run started with ({@code sha256:...}), "" in journals
 *     written before it was recorded
 * @param byChart what became of each step, by chart folder
 * @param approval the approval answer ("approved" or "refused"), empty when none was journaled
 * @param outcome the run's outcome (a {@code RunOutcome} name), empty when it did not finish
 * @param outcomeReason the outcome's reason
 * @param entries how many entries the journal holds
 */
public record ReplayedRun(
        String runId,
        String environment,
        Instant started,
        List<String> steps,
        String planDigest,
        Map<String, ReplayedStep> byChart,
        Optional<String> approval,
        Optional<String> outcome,
        String outcomeReason,
        int entries) {

    /** Copies the collections. */
    public ReplayedRun {
        steps = List.copyOf(steps);
        byChart = Map.copyOf(byChart);
    }

    /** Returns whether the run reached an outcome. */
    public boolean finished() {
        return outcome.isPresent();
    }

    /**
     * One step.
     *
     * @param chart the chart folder
     * @return what the journal says about it
     */
    public ReplayedStep step(String chart) {
        ReplayedStep step = byChart.get(chart);
        if (step == null) {
            throw new IllegalArgumentException("the journal of run " + runId + " has no step " + chart);
        }
        return step;
    }
}
