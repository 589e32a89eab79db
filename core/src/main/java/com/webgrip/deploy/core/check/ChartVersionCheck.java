package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.plan.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A chart whose templates changed since its last release has a new version: same version, other
 * templates is an error. Needs the release history (Helm keeps the chart's templates in a release).
 */
final class ChartVersionCheck implements Check {
    @Override
    public String id() {
        return "chart-version";
    }

    @Override
    public String description() {
        return "a chart whose templates changed since its last release has a new version";
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        List<Finding> findings = new ArrayList<>();
        int compared = 0;
        for (Step step : context.plan().steps()) {
            Optional<ReleaseHistory.PreviousRelease> last =
                    context.releases().lastDeployed(step.namespace(), step.release());
            if (last.isEmpty() || step.chartDirectory().isEmpty()) {
                continue;
            }
            compared++;
            Path dir = step.chartDirectory().get();
            Map<String, String> now = templates(dir);
            if (last.get().chartVersion().equals(step.chartVersion())
                    && !now.equals(last.get().templates())) {
                findings.add(Finding.of(
                        Severity.ERROR,
                        id(),
                        dir.resolve("Chart.yaml"),
                        0,
                        "templates of " + step.chart() + " changed since release " + step.release() + " was deployed"
                                + " with chart version " + step.chartVersion() + ", but the version is the same",
                        "bump version in Chart.yaml"));
            }
        }
        if (compared == 0) {
            findings.add(Finding.of(
                    Severity.INFO,
                    id(),
                    null,
                    0,
                    "no release history of the plan's releases was available, so no chart was compared",
                    "give the validator a ReleaseHistory"));
        }
        return findings;
    }

    /** The chart's files under {@code templates/}, by path relative to the chart. */
    static Map<String, String> templates(Path chartDir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path templates = chartDir.resolve("templates");
        if (!Files.isDirectory(templates)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(templates)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.put(
                        chartDir.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
