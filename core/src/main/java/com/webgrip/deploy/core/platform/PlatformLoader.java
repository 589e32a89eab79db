package com.webgrip.deploy.core.platform;

import com.webgrip.deploy.core.graph.ChartGraph;
import com.webgrip.deploy.core.graph.ChartGraphException;
import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.platform.PlatformChart;
import com.webgrip.deploy.helm.platform.PlatformCharts;
import com.webgrip.deploy.helm.values.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads an {@code ops/} folder: {@code environments.yaml}, the chart folders under {@code helm/}
 * (Chart.yaml with the {@code webgrip.com/*} annotations, values.yaml, values-ENV.yaml) and the
 * encrypted values under {@code secrets/}. Chart folders are scanned by helm-model.
 */
final class PlatformLoader {
    static final String NEEDS = PlatformChart.NEEDS_ANNOTATION;
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
        Map<String, Path> chartFiles = new LinkedHashMap<>();
        List<PlatformChart> scanned;
        try {
            scanned = PlatformCharts.scan(helm);
        } catch (HelmInputException e) {
            throw new PlatformException(Path.of(e.source()), e.line(), problem(e), e);
        } catch (IOException e) {
            throw new PlatformException(
                    helm, 0, "cannot read chart folders: " + e.getClass().getSimpleName(), e);
        }
        for (PlatformChart chart : scanned) {
            YamlTree.read(chart.dir().resolve("Chart.yaml")); // Helm's go-yaml refuses duplicate keys too
            chartFiles.put(chart.folderName(), chart.dir().resolve("Chart.yaml"));
            builders.put(chart.folderName(), chart(chart));
        }
        readSecrets(builders);
        List<ChartEntry> charts = new ArrayList<>();
        builders.values().forEach(b -> charts.add(b.build()));
        ChartGraph<ChartEntry> graph = graph(charts, chartFiles);
        Path sopsConfig = ops.resolve(".sops.yaml");
        return new Platform(
                ops, environments, environmentsFile, graph, Files.isRegularFile(sopsConfig) ? sopsConfig : null);
    }

    private ChartEntry.Builder chart(PlatformChart scanned) throws PlatformException {
        Path dir = scanned.dir();
        ChartEntry.Builder builder = ChartEntry.builder(scanned.folderName())
                .directory(dir)
                .chart(
                        scanned.chart().metadata().name(),
                        scanned.chart().metadata().version())
                .needs(scanned.needs().toArray(new String[0]))
                .release(scanned.releaseName());
        scanned.namespace().ifPresent(builder::namespace);
        Optional<String> labels = scanned.chart().metadata().annotation(LABELS);
        if (labels.isPresent()) {
            for (String label : labels.get().split(",", -1)) {
                if (label.isBlank()) {
                    throw new PlatformException(
                            dir.resolve("Chart.yaml"),
                            0,
                            "annotations." + LABELS
                                    + ": expected a comma-separated list of labels, found an empty item");
                }
                builder.labels(label.strip());
            }
        }
        builder.defaults(values(dir.resolve("values.yaml")));
        for (Path file : list(dir)) {
            Matcher m = ENV_VALUES.matcher(file.getFileName().toString());
            if (m.matches() && Files.isRegularFile(file)) {
                builder.values(knownEnvironment(file, m.group(1)), values(file));
            }
        }
        return builder;
    }

    /** A values file read as Helm reads it; a missing file is an empty tree. */
    private static Map<String, Object> values(Path file) throws PlatformException {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        YamlTree.read(file); // bounded, line-numbered errors and duplicate keys first
        try {
            return Values.read(file).asMap();
        } catch (HelmInputException e) {
            throw new PlatformException(file, e.line(), problem(e), e);
        } catch (IOException e) {
            throw new PlatformException(
                    file, 0, "cannot read values: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The helm-model message without its {@code source:line:} prefix. */
    private static String problem(HelmInputException e) {
        String message = String.valueOf(e.getMessage());
        String prefix = e.source() + (e.line() > 0 ? ":" + e.line() : "") + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
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

    private ChartGraph<ChartEntry> graph(List<ChartEntry> charts, Map<String, Path> chartFiles)
            throws PlatformException {
        try {
            return ChartGraph.of(charts);
        } catch (ChartGraphException e) {
            Path file = chartFiles.get(e.charts().isEmpty() ? "" : e.charts().get(0));
            if (e.kind() == ChartGraphException.Kind.MISSING_NEED && file != null) {
                int line = YamlTree.read(file).lineOrParent("annotations." + NEEDS);
                throw new PlatformException(file, line, e.getMessage(), e);
            }
            throw new PlatformException(ops.resolve("helm"), 0, e.getMessage(), e);
        }
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
