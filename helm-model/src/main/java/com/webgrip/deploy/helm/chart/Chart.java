package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.values.Values;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded Helm chart: its Chart.yaml, its default values (values.yaml), its values.schema.json, the names of its
 * templates, and its subcharts from {@code charts/} (folders and {@code .tgz} archives).
 *
 * <p>Loading follows Helm 3.21's loader: {@code requirements.yaml} supplies the dependencies of an apiVersion v1
 * chart; a missing apiVersion is read as v1; a chart that fails Helm's metadata validation (no name, a version that
 * is not SemVer, an unknown type, a bad alias, two dependencies under one name) is not loaded. Files above 5 MiB, a
 * chart above 100 MiB decompressed, more than 10,000 files, and archive entries outside the chart's folder are
 * rejected. A chart folder's {@code .helmignore} is applied as {@code helm template/install/lint} apply it (Helm's
 * own pattern rules, and its default rule for dot files in {@code templates/}); a packaged chart is taken as it is,
 * as Helm takes it.
 */
public final class Chart {
    private final ChartMetadata metadata;
    private final Values values;
    private final Optional<String> schema;
    private final List<String> templates;
    private final List<String> files;
    private final List<Chart> subcharts;
    private final String source;

    Chart(
            ChartMetadata metadata,
            Values values,
            Optional<String> schema,
            List<String> templates,
            List<String> files,
            List<Chart> subcharts,
            String source) {
        this.metadata = Objects.requireNonNull(metadata, "metadata required");
        this.values = Objects.requireNonNull(values, "values required");
        this.schema = Objects.requireNonNull(schema, "schema required");
        this.templates = List.copyOf(templates);
        this.files = List.copyOf(files);
        this.subcharts = List.copyOf(subcharts);
        this.source = Objects.requireNonNull(source, "source required");
    }

    /** A chart built in code: metadata, default values and subcharts (which play the role of {@code charts/}). */
    public static Chart of(ChartMetadata metadata, Values values, List<Chart> subcharts) {
        return new Chart(metadata, values, Optional.empty(), List.of(), List.of(), subcharts, metadata.name());
    }

    /**
     * Loads a chart folder or a packaged {@code .tgz} chart.
     *
     * @throws HelmInputException when the chart breaks Helm's rules (the message names the file and line)
     * @throws IOException when a file cannot be read
     */
    public static Chart load(Path path) throws IOException {
        return ChartLoader.load(path);
    }

    /**
     * Loads a packaged chart ({@code .tgz}) from a stream, bounding what it may decompress to.
     *
     * @param name a name for error messages
     */
    public static Chart loadArchive(InputStream archive, String name) throws IOException {
        return ChartLoader.loadArchive(archive, name);
    }

    /** Returns a copy with another values.schema.json. */
    public Chart withSchema(String schemaJson) {
        return new Chart(metadata, values, Optional.of(schemaJson), templates, files, subcharts, source);
    }

    /** Returns Chart.yaml. */
    public ChartMetadata metadata() {
        return metadata;
    }

    /** Returns the chart's name. */
    public String name() {
        return metadata.name();
    }

    /** Returns the default values (values.yaml; empty when there is none). */
    public Values values() {
        return values;
    }

    /** Returns values.schema.json, if the chart has one. */
    public Optional<String> schema() {
        return schema;
    }

    /** Returns the names of the files under {@code templates/}, relative to the chart, sorted. */
    public List<String> templates() {
        return templates;
    }

    /**
     * Returns the names of the chart's other files, sorted: what its templates see as {@code .Files} (README,
     * configuration files, {@code .prov} files under {@code charts/}, the .helmignore itself unless it ignores
     * itself); not Chart.yaml, values.yaml, values.schema.json, Chart.lock, templates or subcharts.
     */
    public List<String> files() {
        return files;
    }

    /** Returns the subcharts found under {@code charts/}, sorted by folder or archive name. */
    public List<Chart> subcharts() {
        return subcharts;
    }

    /** Returns where the chart was loaded from (a folder, an archive, or the name of a chart built in code). */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Chart[" + metadata.name() + " " + metadata.version() + ", " + subcharts.size() + " subcharts]";
    }
}
