package com.webgrip.deploy.helm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A chart as Helm's Go code holds it while it processes dependencies: mutable, with fields that Go copies by value
 * and references it shares. Copying follows Go's struct-copy semantics exactly ({@link #copyForAlias}), because
 * Helm's results depend on what is shared (a chart used under two aliases shares its dependency records). Not API.
 */
public final class MutableChart {
    /** The chart's metadata: its own object, but the dependency records in it may be shared with copies. */
    public static final class Metadata {
        public String name;
        public String version;
        /** Null when Chart.yaml declares no dependencies (Go's nil slice). */
        public List<Dependency> dependencies;

        Metadata copy() {
            Metadata m = new Metadata();
            m.name = name;
            m.version = version;
            m.dependencies = dependencies;
            return m;
        }
    }

    /** One Chart.yaml dependency record, mutated in place by Helm (enabled, name, import-values). */
    public static final class Dependency {
        public String name;
        public String version;
        public String condition;
        public List<String> tags;
        public boolean enabled;
        public List<Object> importValues;
        public String alias;
    }

    /** An import-values entry after Helm normalized it; Helm does not process such an entry a second time. */
    public record NormalizedImport(String child, String parent) {}

    public Metadata metadata;
    /** The chart's default values (values.yaml, then what import processing writes back). */
    public Map<String, Object> values;
    /** The loaded subcharts, in order. Replaced, never changed in place. */
    public List<MutableChart> dependencies;
    /** The identity of the chart this was loaded as, kept through alias copies (a path of subchart names). */
    public String origin;

    /** Creates a chart. */
    public MutableChart(String name, String version, Map<String, Object> values, String origin) {
        this.metadata = new Metadata();
        this.metadata.name = name;
        this.metadata.version = version;
        this.values = values;
        this.dependencies = new ArrayList<>();
        this.origin = origin;
    }

    private MutableChart(MutableChart other) {
        this.metadata = other.metadata.copy();
        this.values = other.values;
        this.dependencies = other.dependencies;
        this.origin = other.origin;
    }

    /** Go's {@code out := *c; md := *c.Metadata; out.Metadata = &md}. */
    MutableChart copyForAlias() {
        return new MutableChart(this);
    }

    /** The chart's name (its alias once Helm processed the parent's dependencies). */
    public String name() {
        return metadata.name;
    }
}
