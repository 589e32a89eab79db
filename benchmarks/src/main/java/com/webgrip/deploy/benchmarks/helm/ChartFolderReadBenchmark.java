package com.webgrip.deploy.benchmarks.helm;

import com.webgrip.deploy.helm.chart.Chart;
import com.webgrip.deploy.helm.platform.PlatformChart;
import com.webgrip.deploy.helm.platform.PlatformCharts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading 1,000 chart folders ({@code 000-chart-0} .. {@code 999-chart-999}), each with a Chart.yaml carrying the
 * webgrip annotations, a 60-line values.yaml and two templates: once chart by chart with {@link Chart#load}, once
 * as a platform with {@link PlatformCharts#scan}. The folders sit in the OS page cache after the first iteration.
 * {@code helmignore=helm-create} gives each folder the .helmignore that {@code helm create} writes (17 rules), which
 * the loader applies to every file and folder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChartFolderReadBenchmark {
    static final int CHARTS = 1000;
    /** The rules of the .helmignore that {@code helm create} (Helm 3.21) writes. */
    static final String HELM_CREATE_IGNORE = String.join(
            "\n",
            "# Patterns to ignore when building packages.",
            ".DS_Store",
            ".git/",
            ".gitignore",
            ".bzr/",
            ".bzrignore",
            ".hg/",
            ".hgignore",
            ".svn/",
            "*.swp",
            "*.bak",
            "*.tmp",
            "*.orig",
            "*~",
            ".project",
            ".idea/",
            "*.tmproj",
            ".vscode/",
            "");

    @Param({"none", "helm-create"})
    String helmignore;

    Path root;
    List<Path> folders;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("webgrip-bench-charts");
        folders = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            values.append("component")
                    .append(i)
                    .append(":\n  enabled: true\n  replicas: ")
                    .append(i)
                    .append('\n');
        }
        for (int i = 0; i < CHARTS; i++) {
            Path dir = Files.createDirectories(root.resolve(String.format("%03d-chart-%d", i, i)));
            Files.writeString(
                    dir.resolve("Chart.yaml"),
                    "apiVersion: v2\nname: chart-" + i + "\nversion: 1." + i
                            + ".0\nappVersion: \"" + i + "\"\nannotations:\n  webgrip.com/needs: \""
                            + (i == 0 ? "" : String.format("%03d-chart-%d", i - 1, i - 1)) + "\"\n");
            Files.writeString(dir.resolve("values.yaml"), values.toString());
            Files.createDirectories(dir.resolve("templates"));
            Files.writeString(dir.resolve("templates/deployment.yaml"), "kind: Deployment\n");
            Files.writeString(dir.resolve("templates/_helpers.tpl"), "{{- define \"x\" -}}{{- end -}}\n");
            if (helmignore.equals("helm-create")) {
                Files.writeString(dir.resolve(".helmignore"), HELM_CREATE_IGNORE);
            }
            folders.add(dir);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public int loadEachChart() throws IOException {
        int total = 0;
        for (Path dir : folders) {
            total += Chart.load(dir).values().asMap().size();
        }
        return total;
    }

    @Benchmark
    public List<PlatformChart> scanPlatform() throws IOException {
        return PlatformCharts.scan(root);
    }
}
