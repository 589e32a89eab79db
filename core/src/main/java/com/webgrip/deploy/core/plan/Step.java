package com.webgrip.deploy.core.plan;

import com.webgrip.deploy.core.graph.ChartNode;
import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One release of a plan: a chart installed or upgraded as a named release in a namespace (created
 * when missing), with its values layers and a timeout. Immutable; its values stay encrypted until
 * {@link #resolveValues()} is called, and no secret ever reaches {@link #toString()}.
 */
public final class Step implements ChartNode {
    /** Helm's default for {@code --timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private final String chart;
    private final int order;
    private final List<String> needs;
    private final Set<String> labels;
    private final String chartName;
    private final String chartVersion;
    private final Optional<Path> chartDirectory;
    private final String release;
    private final String namespace;
    private final List<ValuesLayer> layers;
    private final Duration timeout;
    private final List<HealthCheck> healthGates;
    private final Optional<RollbackPolicy> rollbackPolicy;

    private Step(Builder b) {
        this.chart = Objects.requireNonNull(b.chart, "chart required");
        this.order = b.order;
        this.needs = List.copyOf(b.needs);
        this.labels = Set.copyOf(b.labels);
        this.chartName = Objects.requireNonNull(b.chartName, "chart name required");
        this.chartVersion = Objects.requireNonNull(b.chartVersion, "chart version required");
        this.chartDirectory = Optional.ofNullable(b.chartDirectory);
        this.release = b.release;
        this.namespace = b.namespace != null ? b.namespace : b.release;
        this.layers = sortedLayers(b.layers);
        this.timeout = b.timeout;
        this.healthGates = List.copyOf(b.healthGates);
        this.rollbackPolicy = Optional.ofNullable(b.rollbackPolicy);
        if (order < 0) {
            throw new IllegalArgumentException("step " + chart + ": order number must not be negative, found " + order);
        }
        if (release.length() > 53 || !DNS_LABEL.matcher(release).matches()) {
            throw new IllegalArgumentException("step " + chart + ": release name '" + release
                    + "' is not a DNS-1123 label of at most 53 characters");
        }
        if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
            throw new IllegalArgumentException("step " + chart + ": namespace '" + namespace
                    + "' is not a DNS-1123 label of at most 63 characters");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("step " + chart + ": timeout must be positive, found " + timeout);
        }
    }

    /**
     * A builder for the step of a chart, e.g. {@code Step.builder("010-cert-manager", 10)}.
     *
     * @param chart the chart's unique name in the plan (its {@code NNN-name} folder)
     * @param order its order number
     */
    public static Builder builder(String chart, int order) {
        return new Builder(chart, order);
    }

    /** The chart's {@code NNN-name} folder: the step's name in the plan. */
    @Override
    public String name() {
        return chart;
    }

    /** Same as {@link #name()}. */
    public String chart() {
        return chart;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public List<String> needs() {
        return needs;
    }

    @Override
    public Set<String> labels() {
        return labels;
    }

    /** The chart's name in {@code Chart.yaml}. */
    public String chartName() {
        return chartName;
    }

    /** The chart's version in {@code Chart.yaml}. */
    public String chartVersion() {
        return chartVersion;
    }

    /** The chart folder, when the chart is on disk. */
    public Optional<Path> chartDirectory() {
        return chartDirectory;
    }

    /** The Helm release name. */
    public String release() {
        return release;
    }

    /** The namespace; created when missing. */
    public String namespace() {
        return namespace;
    }

    /** The values layers in merge order. */
    public List<ValuesLayer> layers() {
        return layers;
    }

    /** How long the release may take to install or upgrade. */
    public Duration timeout() {
        return timeout;
    }

    /** Health checks this step must pass, besides the executor's own. */
    public List<HealthCheck> healthGates() {
        return healthGates;
    }

    /** The step's rollback policy; empty means the executor's default. */
    public Optional<RollbackPolicy> rollbackPolicy() {
        return rollbackPolicy;
    }

    /** Whether any layer is encrypted. */
    public boolean hasSecrets() {
        return layers.stream().anyMatch(ValuesLayer.Secret.class::isInstance);
    }

    /**
     * Decrypts the secret layers and merges every layer but the chart defaults, as Helm merges
     * {@code -f} files and {@code --set}: the values to deploy with (Helm lays them over the chart's
     * defaults itself). Call it only when the step runs; the caller owns the tree and must not log
     * it or write it to disk.
     */
    public Map<String, Object> resolveValues() throws IOException, GeneralSecurityException {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (ValuesLayer layer : layers) {
            if (layer instanceof ValuesLayer.Plain plain && layer.kind() != ValuesLayer.Kind.CHART_DEFAULTS) {
                merged = ValuesMerge.merge(merged, plain.values());
            } else if (layer instanceof ValuesLayer.Secret secret) {
                merged = ValuesMerge.merge(merged, secret.values().decrypt());
            }
        }
        return merged;
    }

    /**
     * The values the chart's templates see, chart defaults included, with every secret replaced by
     * a placeholder of its type: safe to render, print and check; needs no key.
     */
    public Map<String, Object> maskedValues() throws IOException {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Map<String, Object> user = new LinkedHashMap<>();
        for (ValuesLayer layer : layers) {
            if (layer instanceof ValuesLayer.Plain plain) {
                if (layer.kind() == ValuesLayer.Kind.CHART_DEFAULTS) {
                    defaults = ValuesMerge.merge(defaults, plain.values());
                } else {
                    user = ValuesMerge.merge(user, plain.values());
                }
            } else if (layer instanceof ValuesLayer.Secret secret) {
                user = ValuesMerge.merge(user, secret.values().masked());
            }
        }
        return ValuesMerge.coalesce(defaults, user);
    }

    /** The user values with secrets masked: what {@link #resolveValues()} gives, minus the secrets. */
    public Map<String, Object> maskedUserValues() throws IOException {
        Map<String, Object> user = new LinkedHashMap<>();
        for (ValuesLayer layer : layers) {
            if (layer instanceof ValuesLayer.Plain plain && layer.kind() != ValuesLayer.Kind.CHART_DEFAULTS) {
                user = ValuesMerge.merge(user, plain.values());
            } else if (layer instanceof ValuesLayer.Secret secret) {
                user = ValuesMerge.merge(user, secret.values().masked());
            }
        }
        return user;
    }

    @Override
    public String toString() {
        return "Step[" + chart + ": release " + release + " in " + namespace + ", chart " + chartName + " "
                + chartVersion + ", layers " + layers + ", timeout " + timeout + "]";
    }

    private static List<ValuesLayer> sortedLayers(List<ValuesLayer> layers) {
        List<ValuesLayer> sorted = new ArrayList<>(layers);
        // Stable: within one kind, the order the caller gave is kept.
        sorted.sort(java.util.Comparator.comparing(ValuesLayer::kind));
        return List.copyOf(sorted);
    }

    /** Builds a {@link Step}; release defaults to the chart name without its number. */
    public static final class Builder {
        private final String chart;
        private final int order;
        private final List<String> needs = new ArrayList<>();
        private final Set<String> labels = new LinkedHashSet<>();
        private String chartName;
        private String chartVersion = "0.0.0";
        private Path chartDirectory;
        private String release;
        private String namespace;
        private final List<ValuesLayer> layers = new ArrayList<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private final List<HealthCheck> healthGates = new ArrayList<>();
        private RollbackPolicy rollbackPolicy;

        private Builder(String chart, int order) {
            this.chart = Objects.requireNonNull(chart, "chart required");
            this.order = order;
            String bare = chart.replaceFirst("^\\d+-", "");
            this.chartName = bare;
            this.release = bare;
        }

        /** Charts this one needs (their {@code NNN-name}). */
        public Builder needs(String... charts) {
            needs.addAll(List.of(charts));
            return this;
        }

        /** Charts this one needs. */
        public Builder needs(List<String> charts) {
            needs.addAll(charts);
            return this;
        }

        /** Labels a selection can match. */
        public Builder labels(Set<String> values) {
            labels.addAll(values);
            return this;
        }

        /** The chart's name and version from {@code Chart.yaml}. */
        public Builder chart(String name, String version) {
            this.chartName = Objects.requireNonNull(name, "chart name required");
            this.chartVersion = Objects.requireNonNull(version, "chart version required");
            return this;
        }

        /** The chart's folder on disk. */
        public Builder chartDirectory(Path directory) {
            this.chartDirectory = Objects.requireNonNull(directory, "directory required");
            return this;
        }

        /** The release name; defaults to the chart folder without its number. */
        public Builder release(String name) {
            this.release = Objects.requireNonNull(name, "release required");
            return this;
        }

        /** The namespace; defaults to the release name. */
        public Builder namespace(String name) {
            this.namespace = Objects.requireNonNull(name, "namespace required");
            return this;
        }

        /** Adds a values layer; layers are kept in {@link ValuesLayer.Kind} order, then in call order. */
        public Builder layer(ValuesLayer layer) {
            layers.add(Objects.requireNonNull(layer, "layer required"));
            return this;
        }

        /** Adds explicit values, like {@code --set}. */
        public Builder values(Map<String, Object> values) {
            return layer(ValuesLayer.plain(ValuesLayer.Kind.OVERRIDE, "explicit values", values));
        }

        /** How long the release may take. */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout required");
            return this;
        }

        /** Adds a health check the step must pass. */
        public Builder healthGate(HealthCheck gate) {
            healthGates.add(Objects.requireNonNull(gate, "health gate required"));
            return this;
        }

        /** The step's rollback policy, instead of the executor's default. */
        public Builder rollbackPolicy(RollbackPolicy policy) {
            this.rollbackPolicy = Objects.requireNonNull(policy, "rollback policy required");
            return this;
        }

        /** The step. */
        public Step build() {
            return new Step(this);
        }
    }
}
