package com.webgrip.deploy.core.plan;

import com.webgrip.deploy.core.graph.ChartGraph;
import com.webgrip.deploy.core.graph.GraphSelection;
import com.webgrip.deploy.core.graph.OrderFinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a deployment will do in one environment: steps in waves, each wave after the one before,
 * the steps of a wave side by side. The order comes from the steps' needs, so a plan is in a valid
 * order by construction. Immutable; holds no plaintext secret.
 *
 * <pre>{@code
 * DeploymentPlan plan = DeploymentPlan.builder("staging")
 *         .step(Step.builder("005-tainters", 5).build())
 *         .step(Step.builder("007-cluster-monitoring", 7).needs("005-tainters").build())
 *         .build();
 * }</pre>
 */
public final class DeploymentPlan {
    private final String environment;
    private final List<Wave> waves;
    private final Map<String, Step> steps;
    private final List<String> addedNeeds;
    private final List<GraphSelection.DroppedNeed> droppedNeeds;
    private final List<OrderFinding> orderFindings;

    private DeploymentPlan(Builder b) {
        this.environment = b.environment;
        Set<String> names = new HashSet<>();
        for (Step step : b.steps) {
            if (!names.add(step.chart())) {
                throw new IllegalArgumentException("two steps for chart " + step.chart());
            }
        }
        Set<String> absent = new HashSet<>();
        for (GraphSelection.DroppedNeed dropped : b.droppedNeeds) {
            if (!names.contains(dropped.chart())) {
                throw new IllegalArgumentException(
                        "dropped need " + dropped + " names a chart that is not in the plan: " + dropped.chart());
            }
            if (names.contains(dropped.need())) {
                throw new IllegalArgumentException(
                        "dropped need " + dropped + " names a chart that is in the plan: " + dropped.need());
            }
            absent.add(dropped.need());
        }
        ChartGraph<Step> graph = ChartGraph.of(b.steps, absent);
        List<Wave> built = new ArrayList<>();
        for (List<Step> wave : graph.waves()) {
            built.add(new Wave(built.size() + 1, wave, Math.min(b.concurrencyLimit, wave.size())));
        }
        this.waves = List.copyOf(built);
        Map<String, Step> byName = new LinkedHashMap<>();
        graph.charts().forEach(step -> byName.put(step.chart(), step));
        this.steps = Collections.unmodifiableMap(byName);
        this.addedNeeds = List.copyOf(b.addedNeeds);
        this.droppedNeeds = List.copyOf(b.droppedNeeds);
        this.orderFindings = graph.orderFindings();
    }

    /** A builder for a plan of the named environment. */
    public static Builder builder(String environment) {
        return new Builder(environment);
    }

    /** The environment this plan deploys to. */
    public String environment() {
        return environment;
    }

    /** The waves, first to run first. */
    public List<Wave> waves() {
        return waves;
    }

    /** The waves of a teardown: the reverse order, last wave first. */
    public List<Wave> teardownWaves() {
        List<Wave> reversed = new ArrayList<>(waves);
        Collections.reverse(reversed);
        return Collections.unmodifiableList(reversed);
    }

    /** Every step in deployment order. */
    public List<Step> steps() {
        return List.copyOf(steps.values());
    }

    /** The step of a chart ({@code NNN-name}), if the plan has one. */
    public Optional<Step> step(String chart) {
        return Optional.ofNullable(steps.get(chart));
    }

    /** Charts that came into the plan only because a selected chart needs them. */
    public List<String> addedNeeds() {
        return addedNeeds;
    }

    /** Needs that the selection left out on request: they are not deployed by this plan. */
    public List<GraphSelection.DroppedNeed> droppedNeeds() {
        return droppedNeeds;
    }

    /** Charts numbered before a chart they need. */
    public List<OrderFinding> orderFindings() {
        return orderFindings;
    }

    /** The plan in a format: a text table, Mermaid, Graphviz DOT or JSON. */
    public String render(PlanFormat format) {
        return PlanRendering.render(this, format);
    }

    /** The plan as a text table. */
    @Override
    public String toString() {
        return render(PlanFormat.TEXT);
    }

    /** Builds a {@link DeploymentPlan}. */
    public static final class Builder {
        private final String environment;
        private final List<Step> steps = new ArrayList<>();
        private final List<String> addedNeeds = new ArrayList<>();
        private final List<GraphSelection.DroppedNeed> droppedNeeds = new ArrayList<>();
        private int concurrencyLimit = Integer.MAX_VALUE;

        private Builder(String environment) {
            this.environment = Objects.requireNonNull(environment, "environment required");
        }

        /** Adds a step; the order comes from needs, not from the order of calls. */
        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step, "step required"));
            return this;
        }

        /** How many steps of one wave may run at once; unlimited by default. */
        public Builder concurrencyLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("concurrency limit must be at least 1, found " + limit);
            }
            this.concurrencyLimit = limit;
            return this;
        }

        /** Records the selection this plan was made from: needs it added and needs it dropped. */
        public Builder selection(GraphSelection selection) {
            addedNeeds.addAll(selection.addedNeeds());
            droppedNeeds.addAll(selection.droppedNeeds());
            return this;
        }

        /**
         * The plan.
         *
         * @throws com.webgrip.deploy.core.graph.ChartGraphException when the steps' needs form a
         *     cycle or name a chart that is neither in the plan nor a recorded dropped need
         */
        public DeploymentPlan build() {
            return new DeploymentPlan(this);
        }
    }
}
