package com.webgrip.deploy.core.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Kubernetes object rendered from a step's chart.
 *
 * @param chart the chart folder ({@code NNN-name}) of the step
 * @param template the template it came from, relative to the chart ({@code templates/deployment.yaml}),
 *     or empty when unknown
 * @param object the object as maps, lists and scalars
 */
public record Manifest(String chart, String template, Map<String, Object> object) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");
    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: [^/\\n]+/(\\S+)\\s*$");

    /** Checks the fields. */
    public Manifest {
        Objects.requireNonNull(chart, "chart required");
        Objects.requireNonNull(template, "template required");
        Objects.requireNonNull(object, "object required");
    }

    /**
     * Reads the output of {@code helm template}: documents separated by {@code ---}, each after a
     * {@code # Source: CHART/templates/x.yaml} line. Empty documents are skipped.
     *
     * @param chart the step's chart folder, recorded in every manifest
     * @param rendered the text Helm wrote
     */
    @SuppressWarnings("unchecked") // YAML mappings are read as Map<String, Object>
    public static List<Manifest> parseAll(String chart, String rendered) throws IOException {
        List<Manifest> out = new ArrayList<>();
        for (String document : SEPARATOR.split(rendered, -1)) {
            Matcher source = SOURCE.matcher(document);
            String template = source.find() ? source.group(1) : "";
            Object object = document.isBlank() ? null : YAML.readValue(document, Object.class);
            if (object instanceof Map<?, ?> map && !map.isEmpty()) {
                out.add(new Manifest(chart, template, (Map<String, Object>) map));
            }
        }
        return out;
    }

    /** The object's kind, or an empty string. */
    public String kind() {
        return String.valueOf(object.getOrDefault("kind", ""));
    }

    /** The object's name, or an empty string. */
    public String name() {
        return metadata("name");
    }

    /** The object's namespace as rendered, or an empty string (then the release's namespace applies). */
    public String namespace() {
        return metadata("namespace");
    }

    private String metadata(String key) {
        return object.get("metadata") instanceof Map<?, ?> metadata && metadata.get(key) != null
                ? String.valueOf(metadata.get(key))
                : "";
    }

    @Override
    public String toString() {
        return kind() + "/" + name() + " (" + chart + (template.isEmpty() ? "" : "/" + template) + ")";
    }
}
