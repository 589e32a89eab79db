package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.deploy.ChartRef;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.plan.DeploymentPlan;
import com.webgrip.deploy.core.plan.Step;
import com.webgrip.deploy.core.plan.Wave;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A plan as the executor runs it: waves of steps for one environment, in order, and whether a person must approve
 * the run first.
 *
 * @param environment the environment, such as {@code production}
 * @param waves the waves in order; the steps of one wave may run side by side
 * @param requiresApproval whether the run waits for a yes from the approval gate
 * @param concurrencyLimits per wave, how many of its steps may run at once (the executor's {@code maxParallel}
 *     still caps it)
 */
public record RunPlan(
        String environment, List<List<RunStep>> waves, boolean requiresApproval, List<Integer> concurrencyLimits) {

    /** Checks that charts are unique, no wave is empty and each wave has a limit of 1 or more; copies the lists. */
    public RunPlan {
        Objects.requireNonNull(environment, "environment required");
        concurrencyLimits = List.copyOf(concurrencyLimits);
        if (concurrencyLimits.size() != waves.size()) {
            throw new IllegalArgumentException("a plan of " + waves.size() + " waves needs as many concurrency limits,"
                    + " found " + concurrencyLimits.size());
        }
        for (int w = 0; w < concurrencyLimits.size(); w++) {
            if (concurrencyLimits.get(w) < 1) {
                throw new IllegalArgumentException(
                        "the concurrency limit of wave " + w + " is 1 or more, found " + concurrencyLimits.get(w));
            }
        }
        List<List<RunStep>> copy = new ArrayList<>();
        Set<String> charts = new HashSet<>();
        for (List<RunStep> wave : waves) {
            if (wave.isEmpty()) {
                throw new IllegalArgumentException("wave " + copy.size() + " of the plan is empty");
            }
            for (RunStep step : wave) {
                if (!charts.add(step.chart())) {
                    throw new IllegalArgumentException("the chart " + step.chart() + " appears twice in the plan");
                }
            }
            copy.add(List.copyOf(wave));
        }
        waves = List.copyOf(copy);
    }

    /**
     * A plan whose waves are limited only by the executor's {@code maxParallel}.
     *
     * @param environment the environment
     * @param waves the waves
     * @param requiresApproval whether the run waits for a yes from the approval gate
     */
    public RunPlan(String environment, List<List<RunStep>> waves, boolean requiresApproval) {
        this(environment, waves, requiresApproval, unlimited(waves.size()));
    }

    private static List<Integer> unlimited(int waves) {
        return java.util.Collections.nCopies(waves, Integer.MAX_VALUE);
    }

    /**
     * The same plan with one wave limited to {@code limit} steps at once.
     *
     * @param wave the wave, from 0
     * @param limit how many of its steps may run at once, 1 or more
     * @return the new plan
     */
    public RunPlan withConcurrencyLimit(int wave, int limit) {
        List<Integer> limits = new ArrayList<>(concurrencyLimits);
        limits.set(Objects.checkIndex(wave, limits.size()), limit);
        return new RunPlan(environment, waves, requiresApproval, limits);
    }

    /**
     * A plan without approval.
     *
     * @param environment the environment
     * @param waves the waves
     * @return the plan
     */
    public static RunPlan of(String environment, List<List<RunStep>> waves) {
        return new RunPlan(environment, waves, false);
    }

    /**
     * The executor's view of a deployment plan: the plan's waves and steps, each step's values resolved (secrets
     * decrypted) only when it runs.
     *
     * @param plan the plan
     * @param requiresApproval whether the environment needs a person's yes before the run
     * @return the run plan
     */
    public static RunPlan of(DeploymentPlan plan, boolean requiresApproval) {
        List<List<RunStep>> waves = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        for (Wave wave : plan.waves()) {
            limits.add(wave.concurrencyLimit());
            List<RunStep> steps = new ArrayList<>();
            for (Step step : wave.steps()) {
                steps.add(new RunStep(
                        step.chart(),
                        ReleaseRef.of(step.release(), step.namespace()),
                        new ChartRef(step.chartName(), step.chartVersion(), step.chartDirectory()),
                        planValues(step),
                        step.timeout(),
                        step.healthGates(),
                        step.rollbackPolicy()));
            }
            waves.add(steps);
        }
        return new RunPlan(plan.environment(), waves, requiresApproval, limits);
    }

    private static StepValues planValues(Step step) {
        return new StepValues() {
            @Override
            public Map<String, Object> resolve() throws IOException, GeneralSecurityException {
                return step.resolveValues();
            }

            @Override
            public String contentDigest() {
                return PlanDigest.ofLayers(step.layers());
            }

            @Override
            public Set<String> secretValues(Map<String, Object> resolved) throws IOException {
                if (!step.hasSecrets()) {
                    return Set.of();
                }
                Set<String> secrets = new HashSet<>();
                Redactor.collectSecretLeaves(resolved, step.maskedUserValues(), secrets);
                return secrets;
            }
        };
    }

    /**
     * Every step, wave by wave.
     *
     * @return the steps in plan order
     */
    public List<RunStep> steps() {
        return waves.stream().flatMap(List::stream).toList();
    }

    /**
     * The steps as the journal lists them: {@code wave:chart:release:namespace}, in plan order.
     *
     * @return the lines
     */
    public List<String> describeSteps() {
        List<String> lines = new ArrayList<>();
        for (int w = 0; w < waves.size(); w++) {
            for (RunStep step : waves.get(w)) {
                lines.add(w + ":" + step.chart() + ":" + step.release().name() + ":"
                        + step.release().namespace());
            }
        }
        return lines;
    }
}
