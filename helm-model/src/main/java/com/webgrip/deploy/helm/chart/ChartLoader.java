package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.internal.DependencyProcessing;
import com.webgrip.deploy.helm.semver.Version;
import com.webgrip.deploy.helm.values.Values;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Helm 3.21's {@code loader.LoadDir}/{@code LoadArchive}/{@code LoadFiles}, with bounds. */
final class ChartLoader {
    static final long MAX_FILE_SIZE = 5L * 1024 * 1024;
    static final long MAX_CHART_SIZE = 100L * 1024 * 1024;
    static final int MAX_FILES = 10_000;
    private static final Pattern ALIAS = Pattern.compile("[a-zA-Z0-9_-]+");
    /** Files Helm's {@code LoadFiles} reads into the chart itself, not into {@code .Files}. */
    private static final Set<String> OWN_FILES = Set.of(
            "Chart.yaml", "Chart.lock", "values.yaml", "values.schema.json", "requirements.yaml", "requirements.lock");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ChartLoader() {}

    static Chart load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return fromFiles(ChartFolder.read(path), path.toString());
        }
        if (!Files.isRegularFile(path)) {
            throw new HelmInputException(
                    path.toString(), 0, "expected a chart folder or a .tgz archive, found nothing");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return loadArchive(in, path.toString());
        }
    }

    static Chart loadArchive(InputStream archive, String name) throws IOException {
        return fromFiles(ChartArchive.read(archive, name), name);
    }

    static Chart fromFiles(Map<String, byte[]> files, String source) throws IOException {
        byte[] chartYaml = files.get("Chart.yaml");
        if (chartYaml == null) {
            throw new HelmInputException(source, 0, "Chart.yaml file is missing");
        }
        String chartFile = source + "/Chart.yaml";
        ChartYaml parsed = ChartYaml.parse(text(chartYaml), chartFile);
        ChartMetadata metadata = parsed.metadata();
        if (metadata.apiVersion().isEmpty()) {
            metadata = withApiVersion(metadata, "v1");
        }
        byte[] requirements = files.get("requirements.yaml");
        if (requirements != null) {
            ChartYaml req = ChartYaml.parse(text(requirements), source + "/requirements.yaml");
            if (req.raw().containsKey("dependencies")) {
                metadata = metadata.withDependencies(req.dependencies());
            }
        }
        validate(metadata, parsed, chartFile);
        Values values = Values.empty();
        if (files.containsKey("values.yaml")) {
            values = Values.parse(text(files.get("values.yaml")), source + "/values.yaml");
        }
        Optional<String> schema =
                Optional.ofNullable(files.get("values.schema.json")).map(ChartLoader::text);
        List<String> templates = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Map<String, Map<String, byte[]>> subchartFiles = new TreeMap<>();
        boolean v1 = metadata.apiVersion().equals("v1");
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String name = e.getKey();
            if (OWN_FILES.contains(name)) {
                if (v1 && (name.equals("requirements.yaml") || name.equals("requirements.lock"))) {
                    others.add(name); // Helm keeps them in .Files for a v1 chart
                }
            } else if (name.startsWith("templates/")) {
                templates.add(name);
            } else if (!name.startsWith("charts/") || name.endsWith(".prov")) {
                others.add(name);
            } else {
                String rest = name.substring("charts/".length());
                int slash = rest.indexOf('/');
                String chartName = slash < 0 ? rest : rest.substring(0, slash);
                String inner = slash < 0 ? rest : rest.substring(slash + 1);
                subchartFiles.computeIfAbsent(chartName, k -> new HashMap<>()).put(inner, e.getValue());
            }
        }
        List<Chart> subcharts = new ArrayList<>();
        for (Map.Entry<String, Map<String, byte[]>> sub : subchartFiles.entrySet()) {
            String n = sub.getKey();
            if (n.startsWith("_") || n.startsWith(".")) {
                continue;
            }
            String subSource = source + "/charts/" + n;
            if (n.endsWith(".tgz")) {
                byte[] archive = sub.getValue().get(n);
                if (archive == null) {
                    throw new HelmInputException(subSource, 0, "error unpacking subchart tar: expected a file " + n);
                }
                subcharts.add(loadArchive(new ByteArrayInputStream(archive), subSource));
            } else {
                Map<String, byte[]> inner = new TreeMap<>(sub.getValue());
                inner.remove(n); // a file named like the folder at charts/ level is not part of it
                subcharts.add(fromFiles(inner, subSource));
            }
        }
        return new Chart(metadata, values, schema, templates, others, subcharts, source);
    }

    private static void validate(ChartMetadata md, ChartYaml parsed, String file) throws HelmInputException {
        if (md.name().isEmpty()) {
            throw new HelmInputException(file, parsed.line("name"), "chart.metadata.name is required");
        }
        if (md.name().equals(".")
                || md.name().equals("..")
                || md.name().contains("/")
                || md.name().contains("\\")) {
            throw new HelmInputException(
                    file,
                    parsed.line("name"),
                    "chart.metadata.name " + quoted(md.name())
                            + (md.name().equals(".") || md.name().equals("..") ? " is not allowed" : " is invalid"));
        }
        if (md.version().isEmpty()) {
            throw new HelmInputException(file, parsed.line("version"), "chart.metadata.version is required");
        }
        if (Version.tryParse(md.version()).isEmpty()) {
            throw new HelmInputException(
                    file, parsed.line("version"), "chart.metadata.version " + quoted(md.version()) + " is invalid");
        }
        if (!Set.of("", "application", "library").contains(md.type())) {
            throw new HelmInputException(
                    file, parsed.line("type"), "chart.metadata.type must be application or library");
        }
        Set<String> keys = new HashSet<>();
        for (ChartDependency d : md.dependencies()) {
            if (!d.alias().isEmpty() && !ALIAS.matcher(d.alias()).matches()) {
                throw new HelmInputException(
                        file,
                        parsed.line("dependencies"),
                        "dependency " + quoted(d.name()) + " has disallowed characters in the alias");
            }
            if (!keys.add(d.valuesKey())) {
                throw new HelmInputException(
                        file,
                        parsed.line("dependencies"),
                        "more than one dependency with name or alias " + quoted(d.valuesKey()));
            }
        }
    }

    /** Go's %q for the plain strings Helm quotes in its messages. */
    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ChartMetadata withApiVersion(ChartMetadata m, String apiVersion) {
        return new ChartMetadata(
                apiVersion,
                m.name(),
                m.version(),
                m.appVersion(),
                m.kubeVersion(),
                m.description(),
                m.type(),
                m.home(),
                m.icon(),
                m.sources(),
                m.keywords(),
                m.maintainers(),
                m.deprecated(),
                m.annotations(),
                m.dependencies());
    }

    static String text(byte[] bytes) {
        int offset = startsWithBom(bytes) ? UTF8_BOM.length : 0;
        return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    /** Keeps DependencyProcessing's compatibility rule in one place for the lint rules. */
    static boolean compatible(String constraint, String version) {
        return DependencyProcessing.isCompatibleRange(constraint, version);
    }
}
