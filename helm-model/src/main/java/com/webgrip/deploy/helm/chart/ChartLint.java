package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.chart.LintFinding.Severity;
import com.webgrip.deploy.helm.semver.Version;
import com.webgrip.deploy.helm.values.SchemaViolation;
import com.webgrip.deploy.helm.values.Values;
import com.webgrip.deploy.helm.values.ValuesSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The findings {@code helm lint} (Helm 3.21) gives about a chart folder's Chart.yaml, values.yaml with its schema,
 * the templates folder and dependencies, with Helm's severities and messages, plus the line in Chart.yaml where we
 * know it. Rendering the templates (Go templates) is not done here: findings that need rendering come from real
 * Helm only.
 *
 * <p>{@link #lint(Path, boolean)} can add one rule Helm 3 no longer has: a chart name that differs from its folder
 * (Helm 2 reported it; webgrip's platform folders are {@code NNN-name}, so the rule is off by default).
 */
public final class ChartLint {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern URL = Pattern.compile("^(https?|ftp)://[^\\s/$.?#][^\\s]*$", Pattern.CASE_INSENSITIVE);

    private ChartLint() {}

    /** Lints a chart folder with Helm 3.21's rules. */
    public static List<LintFinding> lint(Path chartDir) throws IOException {
        return lint(chartDir, false);
    }

    /**
     * Lints a chart folder.
     *
     * @param checkFolderName also report a chart name that differs from the folder name (a Helm 2 rule)
     */
    public static List<LintFinding> lint(Path chartDir, boolean checkFolderName) throws IOException {
        List<LintFinding> findings = new ArrayList<>();
        ChartYaml chartYaml = chartFile(chartDir, findings);
        if (chartYaml != null && checkFolderName) {
            String name = (String) chartYaml.raw().getOrDefault("name", "");
            String folder = chartDir.getFileName().toString();
            if (!name.isEmpty() && !name.equals(folder)) {
                findings.add(new LintFinding(
                        Severity.WARNING,
                        "Chart.yaml",
                        chartYaml.line("name"),
                        "chart name '" + name + "' does not match its folder '" + folder + "'"));
            }
        }
        values(chartDir, findings);
        Path templates = chartDir.resolve("templates");
        if (Files.exists(templates) && !Files.isDirectory(templates)) {
            findings.add(new LintFinding(Severity.WARNING, "templates/", 0, "not a directory"));
        } else {
            try {
                Chart.load(chartDir);
            } catch (HelmInputException e) {
                // Helm's template rule loads the chart first; rendering itself is left to real Helm.
                String problem = e.problem();
                findings.add(new LintFinding(
                        Severity.ERROR,
                        "templates/",
                        e.line(),
                        problem.startsWith("chart.metadata")
                                        || problem.startsWith("dependency")
                                        || problem.startsWith("more than one")
                                ? "validation: " + problem
                                : problem));
            }
        }
        dependencies(chartDir, findings);
        return List.copyOf(findings);
    }

    private static ChartYaml chartFile(Path dir, List<LintFinding> findings) throws IOException {
        Path file = dir.resolve("Chart.yaml");
        if (Files.isDirectory(file)) {
            findings.add(new LintFinding(Severity.ERROR, "Chart.yaml", 0, "should be a file, not a directory"));
        }
        ChartYaml yaml;
        ChartMetadata md;
        try {
            yaml = ChartYaml.parse(Files.readString(file, StandardCharsets.UTF_8), "Chart.yaml");
            md = yaml.metadata();
        } catch (HelmInputException e) {
            findings.add(new LintFinding(
                    Severity.ERROR, "Chart.yaml", e.line(), "unable to parse YAML\n\t" + e.getMessage()));
            return null;
        } catch (IOException e) {
            findings.add(
                    new LintFinding(Severity.ERROR, "Chart.yaml", 0, "unable to parse YAML\n\tcannot read the file"));
            return null;
        }
        if (md.name().isEmpty()) {
            error(findings, yaml, "name", "name is required");
        } else if (md.name().contains("/") || md.name().equals(".") || md.name().equals("..")) {
            error(findings, yaml, "name", "chart name \"" + md.name() + "\" is invalid");
        }
        if (md.apiVersion().isEmpty()) {
            error(findings, yaml, "apiVersion", "apiVersion is required. The value must be either \"v1\" or \"v2\"");
        } else if (!md.apiVersion().equals("v1") && !md.apiVersion().equals("v2")) {
            error(
                    findings,
                    yaml,
                    "apiVersion",
                    "apiVersion '" + md.apiVersion() + "' is not valid. The value must be either \"v1\" or \"v2\"");
        }
        stringType(findings, yaml, "version");
        if (md.version().isEmpty()) {
            error(findings, yaml, "version", "version is required");
        } else if (Version.tryParse(md.version()).isEmpty()) {
            error(findings, yaml, "version", "version '" + md.version() + "' is not a valid SemVer");
        }
        stringType(findings, yaml, "appVersion");
        for (Maintainer m : md.maintainers()) {
            if (m.name().isEmpty()) {
                error(findings, yaml, "maintainers", "each maintainer requires a name");
                break;
            } else if (!m.email().isEmpty() && !EMAIL.matcher(m.email()).matches()) {
                error(
                        findings,
                        yaml,
                        "maintainers",
                        "invalid email '" + m.email() + "' for maintainer '" + m.name() + "'");
                break;
            } else if (!m.url().isEmpty() && !URL.matcher(m.url()).matches()) {
                error(findings, yaml, "maintainers", "invalid url '" + m.url() + "' for maintainer '" + m.name() + "'");
                break;
            }
        }
        for (String source : md.sources()) {
            if (!URL.matcher(source).matches()) {
                error(findings, yaml, "sources", "invalid source URL '" + source + "'");
                break;
            }
        }
        if (md.icon().isEmpty()) {
            findings.add(new LintFinding(Severity.INFO, "Chart.yaml", 0, "icon is recommended"));
        } else if (!URL.matcher(md.icon()).matches()) {
            error(findings, yaml, "icon", "invalid icon URL '" + md.icon() + "'");
        }
        if (!md.type().isEmpty() && !md.apiVersion().equals("v2")) {
            error(
                    findings,
                    yaml,
                    "type",
                    "chart type is not valid in apiVersion '" + md.apiVersion() + "'. It is valid in apiVersion 'v2'");
        }
        if (!md.dependencies().isEmpty() && !md.apiVersion().equals("v2")) {
            error(
                    findings,
                    yaml,
                    "dependencies",
                    "dependencies are not valid in the Chart file with apiVersion '" + md.apiVersion()
                            + "'. They are valid in apiVersion 'v2'");
        }
        return yaml;
    }

    private static void stringType(List<LintFinding> findings, ChartYaml yaml, String key) {
        Object value = yaml.raw().get(key);
        if (value != null && !(value instanceof String)) {
            String goType =
                    value instanceof Boolean ? "bool" : value instanceof Number ? "float64" : "map[string]interface {}";
            if (value instanceof List) {
                goType = "[]interface {}";
            }
            error(findings, yaml, key, key + " should be of type string but it's of type " + goType);
        }
    }

    private static void error(List<LintFinding> findings, ChartYaml yaml, String key, String message) {
        findings.add(new LintFinding(Severity.ERROR, "Chart.yaml", yaml.line(key), message));
    }

    private static void values(Path dir, List<LintFinding> findings) throws IOException {
        Path file = dir.resolve("values.yaml");
        if (!Files.exists(file)) {
            findings.add(new LintFinding(Severity.INFO, "values.yaml", 0, "file does not exist"));
            return;
        }
        Values values;
        try {
            values = Values.read(file);
        } catch (HelmInputException e) {
            findings.add(new LintFinding(
                    Severity.ERROR, "values.yaml", e.line(), "unable to parse YAML: " + e.getMessage()));
            return;
        }
        Path schema = dir.resolve("values.schema.json");
        if (!Files.isRegularFile(schema) || Files.size(schema) == 0) {
            return;
        }
        try {
            List<SchemaViolation> violations = ValuesSchema.helm()
                    .validate(
                            String.valueOf(dir.getFileName()),
                            values,
                            Files.readString(schema, StandardCharsets.UTF_8));
            for (SchemaViolation v : violations) {
                findings.add(
                        new LintFinding(Severity.ERROR, "values.yaml", 0, "- at '" + v.path() + "': " + v.message()));
            }
        } catch (HelmInputException e) {
            findings.add(new LintFinding(Severity.ERROR, "values.yaml", 0, e.getMessage()));
        }
    }

    private static void dependencies(Path dir, List<LintFinding> findings) throws IOException {
        Chart chart;
        try {
            chart = Chart.load(dir);
        } catch (HelmInputException e) {
            findings.add(new LintFinding(Severity.ERROR, "", 0, "unable to load chart\n\t" + e.getMessage()));
            return;
        }
        Map<String, Boolean> declared = new LinkedHashMap<>();
        for (ChartDependency d : chart.metadata().dependencies()) {
            declared.put(d.name(), true);
        }
        List<String> undeclared = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        for (Chart sub : chart.subcharts()) {
            loaded.add(sub.name());
            if (!declared.containsKey(sub.name())) {
                undeclared.add(sub.name());
            }
        }
        String folder = dir.toAbsolutePath().toString();
        if (!undeclared.isEmpty()) {
            findings.add(new LintFinding(
                    Severity.ERROR,
                    folder,
                    0,
                    "chart metadata is missing these dependencies: " + String.join(",", undeclared)));
        }
        List<String> missing = new ArrayList<>();
        for (ChartDependency d : chart.metadata().dependencies()) {
            if (!loaded.contains(d.name())) {
                missing.add(d.name());
            }
        }
        if (!missing.isEmpty()) {
            findings.add(new LintFinding(
                    Severity.WARNING,
                    folder,
                    0,
                    "chart directory is missing these dependencies: " + String.join(",", missing)));
        }
    }
}
