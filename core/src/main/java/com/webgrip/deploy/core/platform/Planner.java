package com.webgrip.deploy.core.platform;

import com.webgrip.deploy.core.graph.ChartGraph;
import com.webgrip.deploy.core.graph.GraphSelection;
import com.webgrip.deploy.core.graph.Selector;
import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.plan.DeploymentPlan;
import com.webgrip.deploy.core.plan.Step;
import com.webgrip.deploy.core.plan.ValuesLayer;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a {@link DeploymentPlan} of a platform for one environment: which charts (all by default;
 * a selection brings its needs along unless told not to), which explicit values, and how secrets
 * will be decrypted when the steps run.
 *
 * <pre>{@code
 * DeploymentPlan plan = platform.planner("staging").select("020-030").withoutNeeds().plan();
 * }</pre>
 */
public final class Planner {
    private final Platform platform;
    private final Environment environment;
    private final List<Selector> selectors = new ArrayList<>();
    private boolean withNeeds = true;
    private boolean strict;
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private SecretDecryptor decryptor = SecretDecryptor.none();
    private final List<HealthCheck> healthGates = new ArrayList<>();
    private final Map<String, List<HealthCheck>> chartGates = new LinkedHashMap<>();
    private RollbackPolicy rollbackPolicy;

    Planner(Platform platform, Environment environment) {
        this.platform = platform;
        this.environment = environment;
    }

    /** Selects charts: {@code 010}, {@code 010-045}, {@code label=NAME}, or a name. */
    public Planner select(String... selectors) {
        for (String text : selectors) {
            this.selectors.add(Selector.parse(text));
        }
        return this;
    }

    /** Selects charts. */
    public Planner select(Selector selector) {
        selectors.add(Objects.requireNonNull(selector, "selector required"));
        return this;
    }

    /** Leaves out the needs of selected charts; the plan lists what it left out. */
    public Planner withoutNeeds() {
        this.withNeeds = false;
        return this;
    }

    /** Refuses to plan when a chart is numbered before a chart it needs. */
    public Planner strict() {
        this.strict = true;
        return this;
    }

    /** Explicit values for every step, over every other layer (like {@code --set}). */
    public Planner set(Map<String, Object> values) {
        overrides.putAll(Objects.requireNonNull(values, "values required"));
        return this;
    }

    /** How the steps decrypt their secrets when they run. */
    public Planner decryptWith(SecretDecryptor value) {
        this.decryptor = Objects.requireNonNull(value, "decryptor required");
        return this;
    }

    /** A health check every step must pass. */
    public Planner healthGate(HealthCheck gate) {
        healthGates.add(Objects.requireNonNull(gate, "health gate required"));
        return this;
    }

    /** A health check the step of one chart ({@code NNN-name}) must pass. */
    public Planner healthGate(String chart, HealthCheck gate) {
        if (platform.chart(chart).isEmpty()) {
            throw new IllegalArgumentException("no chart " + chart + " in the platform");
        }
        chartGates.computeIfAbsent(chart, c -> new ArrayList<>()).add(Objects.requireNonNull(gate, "gate required"));
        return this;
    }

    /** The rollback policy of every step. */
    public Planner rollbackPolicy(RollbackPolicy policy) {
        this.rollbackPolicy = Objects.requireNonNull(policy, "rollback policy required");
        return this;
    }

    /**
     * The plan.
     *
     * @throws PlatformException when a secrets file cannot be read, or in strict mode when a chart
     *     is numbered before a chart it needs
     * @throws com.webgrip.deploy.core.graph.ChartGraphException when a selector picks no chart
     */
    public DeploymentPlan plan() throws PlatformException {
        ChartGraph<ChartEntry> graph = platform.graph();
        GraphSelection selection = selectors.isEmpty()
                ? new GraphSelection(
                        graph.charts().stream().map(ChartEntry::folder).toList(), List.of(), List.of())
                : graph.select(selectors, withNeeds);
        if (strict && !graph.orderFindings().isEmpty()) {
            var finding = graph.orderFindings().get(0);
            Path file = platform.chart(finding.chart())
                    .flatMap(ChartEntry::directory)
                    .map(dir -> dir.resolve("Chart.yaml"))
                    .orElse(null);
            throw new PlatformException(file, 0, "strict mode: " + finding.message());
        }
        DeploymentPlan.Builder plan = DeploymentPlan.builder(environment.name()).selection(selection);
        environment.concurrency().ifPresent(plan::concurrencyLimit);
        for (String folder : selection.charts()) {
            plan.step(step(platform.chart(folder).orElseThrow()));
        }
        return plan.build();
    }

    private Step step(ChartEntry chart) throws PlatformException {
        Step.Builder step = Step.builder(chart.folder(), chart.order())
                .needs(chart.needs())
                .labels(chart.labels())
                .chart(chart.chartName(), chart.chartVersion())
                .release(chart.release())
                .namespace(chart.namespace().orElseGet(() -> environment.namespaceFor(chart.release())));
        chart.directory().ifPresent(step::chartDirectory);
        environment.timeout().ifPresent(step::timeout);
        String where = chart.directory().map(Path::toString).orElse(chart.folder());
        if (!chart.defaults().isEmpty()) {
            step.layer(ValuesLayer.plain(ValuesLayer.Kind.CHART_DEFAULTS, where + "/values.yaml", chart.defaults()));
        }
        Map<String, Object> fromEnvironment = environment.chartValues();
        if (!fromEnvironment.isEmpty()) {
            String source = platform.hasEnvironmentsFile()
                    ? "environments.yaml (" + environment.name() + ")"
                    : "environment " + environment.name();
            step.layer(ValuesLayer.plain(ValuesLayer.Kind.ENVIRONMENT, source, fromEnvironment));
        }
        Map<String, Object> envFile = chart.environmentValues(environment.name());
        if (chart.environmentsWithValues().contains(environment.name())) {
            step.layer(ValuesLayer.plain(
                    ValuesLayer.Kind.ENVIRONMENT_FILE, where + "/values-" + environment.name() + ".yaml", envFile));
        }
        if (chart.sharedSecrets().isPresent()) {
            step.layer(
                    ValuesLayer.secret(SopsSecretValues.of(chart.sharedSecrets().get(), decryptor)));
        }
        if (chart.environmentSecrets(environment.name()).isPresent()) {
            step.layer(ValuesLayer.secret(SopsSecretValues.of(
                    chart.environmentSecrets(environment.name()).get(), decryptor)));
        }
        if (!overrides.isEmpty()) {
            step.values(overrides);
        }
        healthGates.forEach(step::healthGate);
        chartGates.getOrDefault(chart.folder(), List.of()).forEach(step::healthGate);
        if (rollbackPolicy != null) {
            step.rollbackPolicy(rollbackPolicy);
        }
        try {
            return step.build();
        } catch (IllegalArgumentException e) {
            Path file = chart.directory().map(dir -> dir.resolve("Chart.yaml")).orElse(null);
            throw new PlatformException(file, 0, e.getMessage());
        }
    }
}
