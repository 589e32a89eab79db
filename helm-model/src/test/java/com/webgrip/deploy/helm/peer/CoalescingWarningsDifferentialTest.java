package com.webgrip.deploy.helm.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webgrip.deploy.helm.chart.Chart;
import com.webgrip.deploy.helm.chart.ChartValues;
import com.webgrip.deploy.helm.chart.CoalescingWarning;
import com.webgrip.deploy.helm.values.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warnings {@link ChartValues#compute} reports are the lines real Helm 3.21 logs for the same chart and values,
 * read from the standard error of a separate process running {@code helm template} (Go's log cannot be captured
 * inside this JVM). Crafted cases hit every kind of warning; seeded random trees cover the rest. Helm's two
 * warnings that print a value are compared without it.
 */
class CoalescingWarningsDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ");
    private static final Pattern WITH_VALUE =
            Pattern.compile("^(warning: cannot overwrite table with non table for \\S+"
                    + "|warning: destination for \\S+ is a table\\. Ignoring non-table value) \\(.*\\)$");
    private static final List<String> KEYS = List.of("a", "b", "global", "sub", "x");

    @TempDir
    Path dir;

    /** One chart case: the parent's and the subchart's defaults, extra dependency fields, the user's values. */
    record Case(String parent, String sub, String dependency, String user) {}

    private static List<Case> crafted() {
        String dep = "condition: sub.enabled";
        return List.of(
                new Case("b: 1", "{}", dep, "b: {x: 1}"),
                new Case("a: {x: {y: 1}}", "{}", dep, "a: {x: 5}"),
                new Case("a: {x: 5}", "{}", dep, "a: {x: {y: 1}}"),
                new Case("global: 5", "{}", dep, "{}"),
                new Case("{}", "{}", dep, "sub: {global: 3}"),
                new Case("global: {g: {x: 1}}", "{}", dep, "sub: {global: {g: 5}}"),
                new Case("global: {g: 5}", "{}", dep, "sub: {global: {g: {x: 1}}}"),
                new Case("{}", "conf: {a: 1}", dep, "sub: {enabled: maybe, conf: {a: {deep: 1}}}"),
                new Case("tags: {t: x}", "{}", "tags: [t]", "{}"),
                new Case(
                        "{}",
                        "exports: {here: {k: 1}}",
                        "import-values: [{child: missing.deep, parent: p}, nothere, here]",
                        "{}"),
                new Case("{}", "{}", "import-values: [{child: exports, parent: p}]", "{}"),
                new Case("a: {x: 1}", "global: {g: 1}", dep, "a: null\nsub: {global: {g: {h: 1}}}"));
    }

    private static List<Case> random(int count, long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(new Case(
                    json(tree(random, 2)), json(tree(random, 2)), "condition: sub.enabled", json(tree(random, 2))));
        }
        return cases;
    }

    @Test
    void ourWarningsAreTheLinesHelmLogs() throws Exception {
        RealHelm.require();
        List<Case> cases = new ArrayList<>(crafted());
        cases.addAll(random(28, 20261126L));
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            folders.add(write(dir.resolve("case" + i), cases.get(i)).toString());
        }
        Map<String, Section> helm = runHelm(folders);
        Set<CoalescingWarning.Kind> seen = new TreeSet<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Section section = helm.get(folders.get(i));
            assertThat(section).as("Helm's output for case %d", i).isNotNull();
            Chart chart = Chart.load(Path.of(folders.get(i), "parent"));
            Values user = Values.read(Path.of(folders.get(i), "user.yaml"));
            if (section.refused) {
                assertThatThrownBy(() -> ChartValues.compute(chart, user))
                        .as("case %d %s: Helm refused", i, c)
                        .isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            List<CoalescingWarning> warnings = ChartValues.compute(chart, user).warnings();
            warnings.forEach(w -> seen.add(w.kind()));
            Set<String> ours = warnings.stream()
                    .map(CoalescingWarning::helmMessage)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(ours).as("case %d %s", i, c).isEqualTo(section.lines);
        }
        assertThat(seen).as("kinds the crafted cases reach").containsAll(Set.of(CoalescingWarning.Kind.values()));
    }

    private record Section(Set<String> lines, boolean refused) {}

    private static Map<String, Section> runHelm(List<String> folders) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // helm-java loads Helm through JNA
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HelmTemplateProcess.class.getName()));
        command.addAll(folders);
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Map<String, Section> sections = new TreeMap<>();
        String current = null;
        Set<String> lines = new TreeSet<>();
        boolean refused = false;
        for (String line : (stderr + "\n" + HelmTemplateProcess.MARKER).split("\n", -1)) {
            if (line.startsWith(HelmTemplateProcess.MARKER)) {
                if (current != null) {
                    sections.put(current, new Section(lines, refused));
                }
                current = line.substring(HelmTemplateProcess.MARKER.length());
                lines = new TreeSet<>();
                refused = false;
            } else if (line.equals(HelmTemplateProcess.REFUSED)) {
                refused = true;
            } else if (current != null && TIMESTAMP.matcher(line).find()) {
                // Only Go's log lines (they start with its timestamp), not what the JVM itself prints.
                String message = TIMESTAMP.matcher(line).replaceFirst("");
                Matcher withValue = WITH_VALUE.matcher(message);
                lines.add(withValue.matches() ? withValue.group(1) : message);
            }
        }
        return sections;
    }

    private static Path write(Path folder, Case c) throws IOException {
        Path parent = Files.createDirectories(folder.resolve("parent"));
        Files.writeString(
                parent.resolve("Chart.yaml"),
                "apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n- name: sub\n  version: ^1.0.0\n  "
                        + c.dependency + "\n");
        Files.writeString(parent.resolve("values.yaml"), c.parent + "\n");
        Files.createDirectories(parent.resolve("templates"));
        Files.writeString(parent.resolve("templates/values.yaml"), HelmTemplateOutput.probeTemplate());
        Path sub = Files.createDirectories(parent.resolve("charts/sub/templates"));
        Files.writeString(sub.resolve("../Chart.yaml"), "apiVersion: v2\nname: sub\nversion: 1.2.0\n");
        Files.writeString(sub.resolve("../values.yaml"), c.sub + "\n");
        Files.writeString(sub.resolve("values.yaml"), HelmTemplateOutput.probeTemplate());
        Files.writeString(folder.resolve("user.yaml"), c.user + "\n");
        return folder;
    }

    private static Map<String, Object> tree(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            map.put(KEYS.get(random.nextInt(KEYS.size())), value(random, depth));
        }
        return map;
    }

    private static Object value(Random random, int depth) {
        int pick = random.nextInt(depth > 0 ? 6 : 4);
        return switch (pick) {
            case 0 -> random.nextInt(10);
            case 1 -> random.nextBoolean();
            case 2 -> null;
            case 3 -> List.of("l" + random.nextInt(3));
            default -> tree(random, depth - 1);
        };
    }

    private static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
