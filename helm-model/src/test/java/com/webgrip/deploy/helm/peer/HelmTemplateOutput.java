package com.webgrip.deploy.helm.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the probe template ({@code data.values: toJson .Values}) printed, per template source. */
public final class HelmTemplateOutput {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private HelmTemplateOutput() {}

    /**
     * The template that prints the chart's values as JSON inside a ConfigMap named {@code NAME-values}, where NAME
     * is {@code .Chart.Name} (a subchart's alias once Helm processed its parent).
     */
    public static String probeTemplate() {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Chart.Name }}-values
                data:
                  values: {{ toJson .Values | quote }}
                """;
    }

    /** Maps each ConfigMap's name to the values it carries. */
    public static Map<String, Object> valuesByName(String rendered) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (YAMLParser parser = new YAMLFactory().createParser(rendered)) {
            List<Object> docs = YAML.readValues(parser, Object.class).readAll();
            for (Object doc : docs) {
                if (doc instanceof Map<?, ?> m && m.get("data") instanceof Map<?, ?> data) {
                    String name = (String) ((Map<?, ?>) m.get("metadata")).get("name");
                    out.put(name, JSON.readValue((String) data.get("values"), Object.class));
                }
            }
        }
        return out;
    }

    /** Deep-compares two JSON-shaped trees, numbers by value. */
    public static boolean sameTree(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        } else if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            return x.keySet().stream().allMatch(k -> sameTree(x.get(k), y.get(k)));
        } else if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameTree(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b);
    }
}
