package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.internal.GoYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads Chart.yaml and requirements.yaml into {@link ChartMetadata} the way Helm's {@code yaml.Unmarshal} into
 * {@code chart.Metadata} does: unknown fields are ignored, a number or boolean in a string field becomes its text
 * ({@code version: 1.10} is {@code "1.1"}, as in Helm), a list or mapping in a string field is an error.
 */
final class ChartYaml {
    private final String source;
    private final Node root;
    private final Map<String, Object> map;

    private ChartYaml(String source, Node root, Map<String, Object> map) {
        this.source = source;
        this.root = root;
        this.map = map;
    }

    static ChartYaml parse(String text, String source) throws HelmInputException {
        Optional<Node> root = GoYaml.compose(text, source);
        if (root.isEmpty()) {
            return new ChartYaml(source, null, new LinkedHashMap<>());
        }
        Object decoded = GoYaml.decode(root.get(), source);
        if (decoded == null) {
            return new ChartYaml(source, root.get(), new LinkedHashMap<>());
        }
        if (!(decoded instanceof Map)) {
            throw new HelmInputException(
                    source,
                    GoYaml.line(root.get()),
                    "expected a mapping of chart fields, found " + GoYaml.kind(decoded));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) decoded;
        return new ChartYaml(source, root.get(), map);
    }

    /** The raw decoded fields (for lint's type checks). */
    Map<String, Object> raw() {
        return map;
    }

    /** The line of a top-level key, or 0. */
    int line(String key) {
        return root == null ? 0 : GoYaml.keyLine(root, key);
    }

    ChartMetadata metadata() throws HelmInputException {
        return new ChartMetadata(
                string("apiVersion"),
                string("name"),
                string("version"),
                string("appVersion"),
                string("kubeVersion"),
                string("description"),
                string("type"),
                string("home"),
                string("icon"),
                strings(map.get("sources"), "sources"),
                strings(map.get("keywords"), "keywords"),
                maintainers(),
                bool(map.get("deprecated"), "deprecated"),
                annotations(),
                dependencies());
    }

    /** Whether the file has a {@code dependencies} list (Helm treats a missing one as nil). */
    boolean declaresDependencies() {
        return map.get("dependencies") instanceof List && !((List<?>) map.get("dependencies")).isEmpty();
    }

    List<ChartDependency> dependencies() throws HelmInputException {
        Object value = map.get("dependencies");
        List<ChartDependency> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List)) {
            throw typeError("dependencies", "a list", value);
        }
        int i = 0;
        for (Object item : (List<?>) value) {
            String field = "dependencies[" + i++ + "]";
            if (!(item instanceof Map)) {
                throw new HelmInputException(
                        source,
                        line("dependencies"),
                        field + ": dependencies must not contain " + "empty or null nodes, found " + GoYaml.kind(item));
            }
            Map<?, ?> d = (Map<?, ?>) item;
            Object imports = d.get("import-values");
            if (imports != null && !(imports instanceof List)) {
                throw typeError(field + ".import-values", "a list", imports);
            }
            List<Object> importValues = new ArrayList<>();
            if (imports != null) {
                // Helm acts on string and map entries only; a null entry would be dropped by it as well.
                ((List<?>) imports).stream().filter(java.util.Objects::nonNull).forEach(importValues::add);
            }
            out.add(new ChartDependency(
                    scalarText(d.get("name"), field + ".name"),
                    scalarText(d.get("version"), field + ".version"),
                    scalarText(d.get("repository"), field + ".repository"),
                    scalarText(d.get("condition"), field + ".condition"),
                    strings(d.get("tags"), field + ".tags"),
                    bool(d.get("enabled"), field + ".enabled"),
                    importValues,
                    scalarText(d.get("alias"), field + ".alias")));
        }
        return out;
    }

    private List<Maintainer> maintainers() throws HelmInputException {
        Object value = map.get("maintainers");
        List<Maintainer> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List)) {
            throw typeError("maintainers", "a list", value);
        }
        int i = 0;
        for (Object item : (List<?>) value) {
            String field = "maintainers[" + i++ + "]";
            if (!(item instanceof Map)) {
                throw new HelmInputException(
                        source,
                        line("maintainers"),
                        field + ": maintainers must not contain empty or null nodes, found " + GoYaml.kind(item));
            }
            Map<?, ?> m = (Map<?, ?>) item;
            out.add(new Maintainer(
                    scalarText(m.get("name"), field + ".name"),
                    scalarText(m.get("email"), field + ".email"),
                    scalarText(m.get("url"), field + ".url")));
        }
        return out;
    }

    private Map<String, String> annotations() throws HelmInputException {
        Object value = map.get("annotations");
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map)) {
            throw typeError("annotations", "a mapping of strings", value);
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            String key = (String) e.getKey();
            if (e.getValue() != null) {
                out.put(key, scalarText(e.getValue(), "annotations." + key));
            }
        }
        return out;
    }

    private String string(String key) throws HelmInputException {
        return scalarText(map.get(key), key);
    }

    private String scalarText(Object value, String field) throws HelmInputException {
        if (value == null) {
            return "";
        } else if (value instanceof String string) {
            return string;
        } else if (value instanceof Long || value instanceof Boolean) {
            return value.toString();
        } else if (value instanceof Double number) {
            return GoYaml.formatFloat32(number);
        }
        throw typeError(field, "a string", value);
    }

    private List<String> strings(Object value, String field) throws HelmInputException {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List)) {
            throw typeError(field, "a list of strings", value);
        }
        int i = 0;
        for (Object item : (List<?>) value) {
            out.add(scalarText(item, field + "[" + i++ + "]"));
        }
        return out;
    }

    private boolean bool(Object value, String field) throws HelmInputException {
        if (value == null) {
            return false;
        } else if (value instanceof Boolean bool) {
            return bool;
        }
        throw typeError(field, "a boolean", value);
    }

    private HelmInputException typeError(String field, String expected, Object found) {
        String top = field.split("[.\\[]", 2)[0];
        return new HelmInputException(
                source, line(top), "field '" + field + "': expected " + expected + ", found " + GoYaml.kind(found));
    }
}
