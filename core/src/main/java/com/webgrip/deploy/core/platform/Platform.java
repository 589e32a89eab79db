package com.webgrip.deploy.core.platform;

import com.webgrip.deploy.core.graph.ChartGraph;
import com.webgrip.deploy.core.graph.ChartGraphException;
import com.webgrip.deploy.core.plan.DeploymentPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform: its numbered charts, already ordered into a {@link ChartGraph}, and its
 * environments. Loaded from an {@code ops/} folder or built in code; immutable.
 *
 * <pre>{@code
 * Platform platform = Platform.load(Path.of("ops"));
 * DeploymentPlan plan = platform.plan("staging");
 *
 * Platform small = Platform.builder()
 *         .chart("005-tainters")
 *         .chart("007-cluster-monitoring", "005-tainters")
 *         .environment(Environment.builder("staging").replicas(2).build())
 *         .build();
 * }</pre>
 */
public final class Platform {
    private final Optional<Path> root;
    private final Map<String, Environment> environments;
    private final boolean environmentsFile;
    private final ChartGraph<ChartEntry> graph;
    private final Optional<Path> sopsConfig;

    Platform(
            Path root,
            Map<String, Environment> environments,
            boolean environmentsFile,
            ChartGraph<ChartEntry> graph,
            Path sopsConfig) {
        this.root = Optional.ofNullable(root);
        this.environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        this.environmentsFile = environmentsFile;
        this.graph = graph;
        this.sopsConfig = Optional.ofNullable(sopsConfig);
    }

    /**
     * Reads an {@code ops/} folder.
     *
     * @throws PlatformException naming the file and line of bad input: no {@code Chart.yaml}, a
     *     folder not named {@code NNN-name}, two charts with one number, a need on a chart that does
     *     not exist, a cycle of needs, malformed YAML, a bad {@code environments.yaml}
     */
    public static Platform load(Path ops) throws PlatformException {
        return PlatformLoader.load(Objects.requireNonNull(ops, "ops folder required"));
    }

    /** A builder for a platform made in code. */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@code ops/} folder, when loaded from one. */
    public Optional<Path> root() {
        return root;
    }

    /** The charts in deployment order. */
    public List<ChartEntry> charts() {
        return graph.charts();
    }

    /** The chart of a folder name, if there is one. */
    public Optional<ChartEntry> chart(String folder) {
        return graph.chart(folder);
    }

    /** The charts ordered by their needs. */
    public ChartGraph<ChartEntry> graph() {
        return graph;
    }

    /** The environments by name, in the order the file lists them. */
    public Map<String, Environment> environments() {
        return environments;
    }

    /** Whether the environments came from an {@code environments.yaml}. */
    public boolean hasEnvironmentsFile() {
        return environmentsFile;
    }

    /**
     * An environment.
     *
     * @throws IllegalArgumentException naming the known environments when there is no such one
     */
    public Environment environment(String name) {
        Environment environment = environments.get(name);
        if (environment == null) {
            throw new IllegalArgumentException(
                    "no environment '" + name + "'; known environments: " + String.join(", ", environments.keySet()));
        }
        return environment;
    }

    /** The {@code .sops.yaml} of the {@code ops/} folder, when it has one. */
    public Optional<Path> sopsConfig() {
        return sopsConfig;
    }

    /** A planner for one environment: select charts, set values, give a decryptor, then plan. */
    public Planner planner(String environment) {
        return new Planner(this, environment(environment));
    }

    /** The plan of every chart for one environment; its secrets cannot be decrypted. */
    public DeploymentPlan plan(String environment) throws PlatformException {
        return planner(environment).plan();
    }

    @Override
    public String toString() {
        return "Platform[" + graph.size() + " charts in " + graph.waves().size() + " waves, environments "
                + String.join(", ", environments.keySet())
                + root.map(r -> ", from " + r).orElse("") + "]";
    }

    /** Builds a {@link Platform} in code. */
    public static final class Builder {
        private final List<ChartEntry> charts = new ArrayList<>();
        private final Map<String, Environment> environments = new LinkedHashMap<>();

        private Builder() {}

        /** Adds a chart by folder name with its needs. */
        public Builder chart(String folder, String... needs) {
            return chart(ChartEntry.builder(folder).needs(needs).build());
        }

        /** Adds a chart. */
        public Builder chart(ChartEntry chart) {
            charts.add(Objects.requireNonNull(chart, "chart required"));
            return this;
        }

        /** Adds an environment; without any, the platform has the one environment {@code default}. */
        public Builder environment(Environment environment) {
            Objects.requireNonNull(environment, "environment required");
            if (environments.putIfAbsent(environment.name(), environment) != null) {
                throw new IllegalArgumentException("two environments named " + environment.name());
            }
            return this;
        }

        /**
         * The platform.
         *
         * @throws ChartGraphException on a cycle, a missing need, or two charts with one number
         */
        public Platform build() {
            boolean given = !environments.isEmpty();
            Map<String, Environment> envs =
                    given ? environments : Map.of(Environment.DEFAULT, Environment.named(Environment.DEFAULT));
            return new Platform(null, envs, given, ChartGraph.of(charts), null);
        }
    }
}
