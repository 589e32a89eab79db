package com.webgrip.deploy.helm.platform;

import com.webgrip.deploy.helm.chart.Chart;
import com.webgrip.deploy.helm.internal.GoYaml;
import com.webgrip.deploy.helm.platform.PlatformLayoutException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scans {@code ops/helm/} for the platform's numbered chart folders. Every folder must be named {@code NNN-name}
 * (three digits, a dash, a lowercase DNS-1123 label) and hold a Chart.yaml; no two folders may share a number.
 * Files and hidden folders ({@code .something}) beside the chart folders are ignored.
 *
 * <pre>{@code
 * List<PlatformChart> charts = PlatformCharts.scan(Path.of("ops/helm"));
 * }</pre>
 */
public final class PlatformCharts {
    /** {@code NNN-name}: three digits, a dash, a DNS-1123 label. */
    public static final Pattern FOLDER_NAME = Pattern.compile("([0-9]{3})-([a-z0-9]([-a-z0-9]*[a-z0-9])?)");

    private PlatformCharts() {}

    /**
     * Reads every chart folder under {@code helmDir}, sorted by order number.
     *
     * @throws PlatformLayoutException when a layout rule is broken (see {@link PlatformLayoutException.Kind})
     * @throws com.webgrip.deploy.helm.HelmInputException when a chart itself is malformed (file and line named)
     * @throws IOException when a folder cannot be read
     */
    public static List<PlatformChart> scan(Path helmDir) throws IOException {
        if (!Files.isDirectory(helmDir)) {
            throw new PlatformLayoutException(
                    Kind.MISSING_HELM_FOLDER,
                    helmDir.toString(),
                    0,
                    "expected the platform's chart folder, found none");
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(helmDir)) {
            dirs = list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        Map<Integer, String> byOrder = new HashMap<>();
        List<PlatformChart> charts = new ArrayList<>();
        for (Path dir : dirs) {
            String folder = dir.getFileName().toString();
            Matcher m = FOLDER_NAME.matcher(folder);
            if (!m.matches()) {
                throw new PlatformLayoutException(
                        Kind.MALFORMED_FOLDER_NAME,
                        dir.toString(),
                        0,
                        "expected a folder named NNN-name (three digits, a dash, lowercase letters, digits and"
                                + " dashes, e.g. 010-cert-manager), found '" + folder + "'");
            }
            int order = Integer.parseInt(m.group(1));
            String previous = byOrder.putIfAbsent(order, folder);
            if (previous != null) {
                throw new PlatformLayoutException(
                        Kind.DUPLICATE_ORDER,
                        dir.toString(),
                        0,
                        "expected one chart per order number, found " + m.group(1) + " on both '" + previous + "' and '"
                                + folder + "'");
            }
            if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
                throw new PlatformLayoutException(
                        Kind.MISSING_CHART_YAML,
                        dir.resolve("Chart.yaml").toString(),
                        0,
                        "expected a Chart.yaml in chart folder '" + folder + "', found none");
            }
            charts.add(read(dir, order, folder, m.group(2)));
        }
        charts.sort(Comparator.comparingInt(PlatformChart::order));
        return List.copyOf(charts);
    }

    private static PlatformChart read(Path dir, int order, String folder, String name) throws IOException {
        Chart chart = Chart.load(dir);
        String chartYaml = dir.resolve("Chart.yaml").toString();
        List<String> needs;
        try {
            needs = parseNeeds(chart.metadata().annotation(PlatformChart.NEEDS_ANNOTATION), chartYaml);
        } catch (PlatformLayoutException e) {
            throw new PlatformLayoutException(
                    Kind.INVALID_NEEDS,
                    chartYaml,
                    annotationLine(dir, PlatformChart.NEEDS_ANNOTATION),
                    e.getMessage().substring(chartYaml.length() + 2));
        }
        String release = chart.metadata()
                .annotation(PlatformChart.RELEASE_ANNOTATION)
                .map(String::strip)
                .orElse(name);
        Optional<String> problem = ReleaseNames.releaseNameProblem(release);
        if (problem.isPresent()) {
            throw new PlatformLayoutException(
                    Kind.INVALID_RELEASE_NAME,
                    chartYaml,
                    annotationLine(dir, PlatformChart.RELEASE_ANNOTATION),
                    problem.get());
        }
        Optional<String> namespace =
                chart.metadata().annotation(PlatformChart.NAMESPACE_ANNOTATION).map(String::strip);
        if (namespace.isPresent() && !ReleaseNames.isValidNamespace(namespace.get())) {
            throw new PlatformLayoutException(
                    Kind.INVALID_NAMESPACE,
                    chartYaml,
                    annotationLine(dir, PlatformChart.NAMESPACE_ANNOTATION),
                    "annotation "
                            + PlatformChart.NAMESPACE_ANNOTATION
                            + ": expected a namespace name (a DNS-1123 label of at most"
                            + " 63 characters), found '" + namespace.get() + "'");
        }
        return new PlatformChart(order, folder, name, chart, dir, needs, release, namespace);
    }

    /** The line of an annotation in Chart.yaml, or 0 (the chart already loaded, so the file parses). */
    private static int annotationLine(Path dir, String key) {
        try {
            String text = Files.readString(dir.resolve("Chart.yaml"), StandardCharsets.UTF_8);
            return GoYaml.compose(text, key)
                    .flatMap(root -> GoYaml.child(root, "annotations"))
                    .map(annotations -> GoYaml.keyLine(annotations, key))
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Parses a {@code webgrip.com/needs} value: comma-separated chart folder names, spaces around them ignored.
     *
     * @throws PlatformLayoutException (kind {@code INVALID_NEEDS}) for an entry that is not a folder name, or a
     *     folder listed twice
     */
    public static List<String> parseNeeds(Optional<String> annotation, String source) throws PlatformLayoutException {
        Set<String> needs = new LinkedHashSet<>();
        if (annotation.isEmpty() || annotation.get().isBlank()) {
            return List.of();
        }
        for (String raw : annotation.get().split(",", -1)) {
            String need = raw.strip();
            if (!FOLDER_NAME.matcher(need).matches()) {
                throw new PlatformLayoutException(
                        Kind.INVALID_NEEDS,
                        source,
                        0,
                        "annotation "
                                + PlatformChart.NEEDS_ANNOTATION + ": expected comma-separated chart folder names like"
                                + " 010-cert-manager, found '" + need + "'");
            }
            if (!needs.add(need)) {
                throw new PlatformLayoutException(
                        Kind.INVALID_NEEDS,
                        source,
                        0,
                        "annotation " + PlatformChart.NEEDS_ANNOTATION + ": '" + need + "' is listed twice");
            }
        }
        return List.copyOf(needs);
    }
}
