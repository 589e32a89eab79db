package com.webgrip.deploy.core.platform;

import com.webgrip.deploy.core.graph.ChartNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbered chart of the platform ({@code ops/helm/NNN-name}): its order number, what it needs,
 * its release and namespace, its plain values per environment and where its encrypted values are.
 *
 * <pre>{@code
 * ChartEntry issuers = ChartEntry.builder("020-cluster-issuers").needs("010-cert-manager").build();
 * }</pre>
 */
public final class ChartEntry implements ChartNode {
    static final Pattern FOLDER = com.webgrip.deploy.helm.platform.PlatformCharts.FOLDER_NAME;

    private final String folder;
    private final int order;
    private final String chartName;
    private final String chartVersion;
    private final String release;
    private final Optional<String> namespace;
    private final List<String> needs;
    private final Set<String> labels;
    private final Optional<Path> directory;
    private final Map<String, Object> defaults;
    private final Map<String, Map<String, Object>> environmentValues;
    private final Optional<Path> sharedSecrets;
    private final Map<String, Path> environmentSecrets;

    private ChartEntry(Builder b) {
        this.folder = b.folder;
        this.order = b.order;
        this.chartName = b.chartName;
        this.chartVersion = b.chartVersion;
        this.release = b.release;
        this.namespace = Optional.ofNullable(b.namespace);
        this.needs = List.copyOf(b.needs);
        this.labels = Collections.unmodifiableSet(new LinkedHashSet<>(b.labels));
        this.directory = Optional.ofNullable(b.directory);
        this.defaults = Values.immutableCopy(b.defaults);
        Map<String, Map<String, Object>> byEnvironment = new LinkedHashMap<>();
        b.environmentValues.forEach((env, values) -> byEnvironment.put(env, Values.immutableCopy(values)));
        this.environmentValues = Collections.unmodifiableMap(byEnvironment);
        this.sharedSecrets = Optional.ofNullable(b.sharedSecrets);
        this.environmentSecrets = Collections.unmodifiableMap(new LinkedHashMap<>(b.environmentSecrets));
    }

    /**
     * A builder for the chart in folder {@code NNN-name}; chart name and release default to the
     * name without its number, the version to {@code 0.1.0}.
     *
     * @throws IllegalArgumentException when the folder name is not {@code NNN-name}
     */
    public static Builder builder(String folder) {
        return new Builder(folder);
    }

    /** The folder name {@code NNN-name}: the chart's name in needs and selections. */
    @Override
    public String name() {
        return folder;
    }

    /** Same as {@link #name()}. */
    public String folder() {
        return folder;
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

    /** The release name: {@code webgrip.com/release}, else the folder name without its number. */
    public String release() {
        return release;
    }

    /** The namespace from {@code webgrip.com/namespace}, when the chart sets one. */
    public Optional<String> namespace() {
        return namespace;
    }

    /** The chart folder, when the chart is on disk. */
    public Optional<Path> directory() {
        return directory;
    }

    /** The chart's own values ({@code values.yaml}). */
    public Map<String, Object> defaults() {
        return defaults;
    }

    /** The chart's plain values for one environment ({@code values-ENV.yaml}), empty when none. */
    public Map<String, Object> environmentValues(String environment) {
        return environmentValues.getOrDefault(environment, Map.of());
    }

    /** The environments that have a {@code values-ENV.yaml}. */
    public Set<String> environmentsWithValues() {
        return environmentValues.keySet();
    }

    /** {@code secrets/NNN-name/values.sops.yaml}, read in every environment. */
    public Optional<Path> sharedSecrets() {
        return sharedSecrets;
    }

    /** {@code secrets/NNN-name/ENV.sops.yaml} for one environment. */
    public Optional<Path> environmentSecrets(String environment) {
        return Optional.ofNullable(environmentSecrets.get(environment));
    }

    /** Every environment-specific secrets file, by environment. */
    public Map<String, Path> environmentSecrets() {
        return environmentSecrets;
    }

    @Override
    public String toString() {
        StringBuilder text =
                new StringBuilder(folder).append(" (").append(chartName).append(' ');
        text.append(chartVersion).append(", release ").append(release);
        namespace.ifPresent(ns -> text.append(" in ").append(ns));
        if (!needs.isEmpty()) {
            text.append(", needs ").append(String.join(", ", needs));
        }
        return text.append(')').toString();
    }

    /** Builds a {@link ChartEntry}. */
    public static final class Builder {
        private final String folder;
        private final int order;
        private String chartName;
        private String chartVersion = "0.1.0";
        private String release;
        private String namespace;
        private final List<String> needs = new ArrayList<>();
        private final Set<String> labels = new LinkedHashSet<>();
        private Path directory;
        private Map<String, Object> defaults = Map.of();
        private final Map<String, Map<String, Object>> environmentValues = new LinkedHashMap<>();
        private Path sharedSecrets;
        private final Map<String, Path> environmentSecrets = new LinkedHashMap<>();

        private Builder(String folder) {
            Objects.requireNonNull(folder, "folder required");
            Matcher m = FOLDER.matcher(folder);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "chart folder '" + folder + "' is not NNN-name (three digits, '-', a DNS-1123 label)");
            }
            this.folder = folder;
            this.order = Integer.parseInt(m.group(1));
            this.chartName = m.group(2);
            this.release = m.group(2);
        }

        /** Charts this one needs, by folder name. */
        public Builder needs(String... folders) {
            needs.addAll(List.of(folders));
            return this;
        }

        /** Labels a selection can match. */
        public Builder labels(String... values) {
            labels.addAll(List.of(values));
            return this;
        }

        /** The chart's name and version from {@code Chart.yaml}. */
        public Builder chart(String name, String version) {
            this.chartName = Objects.requireNonNull(name, "chart name required");
            this.chartVersion = Objects.requireNonNull(version, "chart version required");
            return this;
        }

        /** The release name. */
        public Builder release(String name) {
            this.release = Objects.requireNonNull(name, "release required");
            return this;
        }

        /** The namespace, whatever the environment says. */
        public Builder namespace(String name) {
            this.namespace = Objects.requireNonNull(name, "namespace required");
            return this;
        }

        /** The chart folder on disk. */
        public Builder directory(Path folderPath) {
            this.directory = Objects.requireNonNull(folderPath, "directory required");
            return this;
        }

        /** The chart's own values. */
        public Builder defaults(Map<String, Object> values) {
            this.defaults = Objects.requireNonNull(values, "values required");
            return this;
        }

        /** Plain values for one environment. */
        public Builder values(String environment, Map<String, Object> values) {
            environmentValues.put(
                    Objects.requireNonNull(environment, "environment required"),
                    Objects.requireNonNull(values, "values required"));
            return this;
        }

        /** The encrypted values file read in every environment. */
        public Builder sharedSecrets(Path file) {
            this.sharedSecrets = Objects.requireNonNull(file, "file required");
            return this;
        }

        /** The encrypted values file of one environment. */
        public Builder secrets(String environment, Path file) {
            environmentSecrets.put(
                    Objects.requireNonNull(environment, "environment required"),
                    Objects.requireNonNull(file, "file required"));
            return this;
        }

        /** The chart. */
        public ChartEntry build() {
            return new ChartEntry(this);
        }
    }
}
