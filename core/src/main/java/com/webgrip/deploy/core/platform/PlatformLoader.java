package com.webgrip.deploy.core.platform;

import com.webgrip.deploy.core.graph.ChartGraph;
import com.webgrip.deploy.core.graph.ChartGraphException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads an {@code ops/} folder: {@code environments.yaml}, the chart folders under {@code helm/}
 * (Chart.yaml with the {@code webgrip.com/*} annotations, values.yaml, values-ENV.yaml) and the
 * encrypted values under {@code secrets/}.
 */
final class PlatformLoader {
    static final String NEEDS = "webgrip.com/needs";
    static final String RELEASE = "webgrip.com/release";
    static final String NAMESPACE = "webgrip.com/namespace";
    static final String LABELS = "webgrip.com/labels";

    private static final Pattern ENV_VALUES = Pattern.compile("values-(.+)\\.yaml");
    private static final Pattern ENV_SECRETS = Pattern.compile("(.+)\\.sops\\.yaml");

    private final Path ops;
    private Map<String, Environment> environments;
    private boolean environmentsFile;

    private PlatformLoader(Path ops) {
        this.ops = ops;
    }

    static Platform load(Path ops) throws PlatformException {
        return new PlatformLoader(ops).load();
    }

    private Platform load() throws PlatformException {
        if (!Files.isDirectory(ops)) {
            throw new PlatformException(ops, 0, "expected an ops folder holding helm/, found no folder");
        }
        Path helm = ops.resolve("helm");
        if (!Files.isDirectory(helm)) {
            throw new PlatformException(helm, 0, "expected the chart folders under helm/, found no folder");
        }
        Path environmentsPath = ops.resolve("environments.yaml");
        environmentsFile = Files.isRegularFile(environmentsPath);
        environments = environmentsFile
                ? EnvironmentsFile.read(environmentsPath)
                : Map.of(Environment.DEFAULT, Environment.named(Environment.DEFAULT));
        Map<String, ChartEntry.Builder> builders = new LinkedHashMap<>();
        Map<String, YamlTree> chartFiles = new LinkedHashMap<>();
        for (Path dir : list(helm)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            String folder = dir.getFileName().toString();
            if (!ChartEntry.FOLDER.matcher(folder).matches()) {
                throw new PlatformException(
                        dir,
                        0,
                        "expected a chart folder named NNN-name (three digits, '-',"
                                + " lower case letters, digits and '-'), found '" + folder + "'");
            }
            YamlTree chartYaml = chartYaml(dir);
            chartFiles.put(folder, chartYaml);
            builders.put(folder, chart(folder, dir, chartYaml));
        }
        readSecrets(builders);
        List<ChartEntry> charts = new ArrayList<>();
        builders.values().forEach(b -> charts.add(b.build()));
        ChartGraph<ChartEntry> graph = graph(charts, chartFiles);
        Path sopsConfig = ops.resolve(".sops.yaml");
        return new Platform(
                ops, environments, environmentsFile, graph, Files.isRegularFile(sopsConfig) ? sopsConfig : null);
    }

    private YamlTree chartYaml(Path dir) throws PlatformException {
        Path file = dir.resolve("Chart.yaml");
        if (!Files.isRegularFile(file)) {
            throw new PlatformException(file, 0, "expected a Chart.yaml in every chart folder, found none");
        }
        return YamlTree.read(file);
    }

    private ChartEntry.Builder chart(String folder, Path dir, YamlTree chartYaml) throws PlatformException {
        Map<String, Object> chart = chartYaml.rootMap();
        ChartEntry.Builder builder = ChartEntry.builder(folder).directory(dir);
        String name = text(chartYaml, chart, "name", true);
        String version = text(chartYaml, chart, "version", true);
        builder.chart(name, version);
        Object annotations = chart.get("annotations");
        if (annotations != null && !(annotations instanceof Map<?, ?>)) {
            throw new PlatformException(
                    chartYaml.file(),
                    chartYaml.lineOrParent("annotations"),
                    "annotations: expected a mapping, found " + EnvironmentsFile.describe(annotations));
        }
        Map<?, ?> notes = annotations == null ? Map.of() : (Map<?, ?>) annotations;
        try {
            for (String need : list(chartYaml, notes, NEEDS)) {
                if (!ChartEntry.FOLDER.matcher(need).matches()) {
                    throw annotationError(
                            chartYaml,
                            NEEDS,
                            "expected chart folder names like 010-cert-manager," + " separated by commas, found '"
                                    + need + "'");
                }
                builder.needs(need);
            }
            builder.labels(list(chartYaml, notes, LABELS).toArray(new String[0]));
            String release = annotation(chartYaml, notes, RELEASE);
            if (release != null) {
                builder.release(release);
            }
            String namespace = annotation(chartYaml, notes, NAMESPACE);
            if (namespace != null) {
                builder.namespace(namespace);
            }
        } catch (IllegalArgumentException e) {
            throw new PlatformException(chartYaml.file(), chartYaml.lineOrParent("annotations"), e.getMessage());
        }
        Path values = dir.resolve("values.yaml");
        if (Files.isRegularFile(values)) {
            builder.defaults(YamlTree.read(values).rootMap());
        }
        for (Path file : list(dir)) {
            Matcher m = ENV_VALUES.matcher(file.getFileName().toString());
            if (m.matches() && Files.isRegularFile(file)) {
                builder.values(
                        knownEnvironment(file, m.group(1)), YamlTree.read(file).rootMap());
            }
        }
        return builder;
    }

    private void readSecrets(Map<String, ChartEntry.Builder> builders) throws PlatformException {
        Path secrets = ops.resolve("secrets");
        if (!Files.isDirectory(secrets)) {
            return;
        }
        for (Path dir : list(secrets)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            ChartEntry.Builder builder = builders.get(dir.getFileName().toString());
            if (builder == null) {
                throw new PlatformException(
                        dir,
                        0,
                        "expected secrets only for charts under helm/, found no chart" + " folder helm/"
                                + dir.getFileName());
            }
            for (Path file : list(dir)) {
                Matcher m = ENV_SECRETS.matcher(file.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(file)) {
                    continue;
                }
                if (m.group(1).equals("values")) {
                    builder.sharedSecrets(file);
                } else {
                    builder.secrets(knownEnvironment(file, m.group(1)), file);
                }
            }
        }
    }

    private String knownEnvironment(Path file, String environment) throws PlatformException {
        if (!environments.containsKey(environment)) {
            throw new PlatformException(
                    file,
                    0,
                    "this file is for environment '" + environment + "', which "
                            + (environmentsFile
                                    ? "environments.yaml does not define"
                                    : "does not exist without an" + " environments.yaml")
                            + "; known environments: " + String.join(", ", environments.keySet()));
        }
        return environment;
    }

    private ChartGraph<ChartEntry> graph(List<ChartEntry> charts, Map<String, YamlTree> chartFiles)
            throws PlatformException {
        try {
            return ChartGraph.of(charts);
        } catch (ChartGraphException e) {
            YamlTree file =
                    chartFiles.get(e.charts().isEmpty() ? "" : e.charts().get(0));
            if (e.kind() == ChartGraphException.Kind.MISSING_NEED && file != null) {
                throw new PlatformException(file.file(), file.lineOrParent("annotations." + NEEDS), e.getMessage(), e);
            }
            throw new PlatformException(ops.resolve("helm"), 0, e.getMessage(), e);
        }
    }

    private static String text(YamlTree tree, Map<String, Object> map, String key, boolean required)
            throws PlatformException {
        Object value = map.get(key);
        if (value == null && !required) {
            return null;
        }
        if (value instanceof String || value instanceof Number) {
            return String.valueOf(value);
        }
        throw new PlatformException(
                tree.file(),
                tree.lineOrParent(key),
                key + ": expected text, found " + EnvironmentsFile.describe(value));
    }

    private static String annotation(YamlTree tree, Map<?, ?> notes, String key) throws PlatformException {
        Object value = notes.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw annotationError(tree, key, "expected text, found " + EnvironmentsFile.describe(value));
        }
        return text.strip();
    }

    private static List<String> list(YamlTree tree, Map<?, ?> notes, String key) throws PlatformException {
        String text = annotation(tree, notes, key);
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",", -1)) {
                String item = part.strip();
                if (item.isEmpty()) {
                    throw annotationError(tree, key, "expected a comma-separated list, found an empty item");
                }
                out.add(item);
            }
        }
        return out;
    }

    private static PlatformException annotationError(YamlTree tree, String key, String message) {
        return new PlatformException(
                tree.file(), tree.lineOrParent("annotations." + key), "annotations." + key + ": " + message);
    }

    private static List<Path> list(Path dir) throws PlatformException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new PlatformException(
                    dir, 0, "cannot list folder: " + e.getClass().getSimpleName(), e);
        }
    }
}
