package com.webgrip.deploy.core.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code environments.yaml} (schema in docs/environments.md). Every error names the file, the
 * line and the field, says what was expected and what was found.
 */
final class EnvironmentsFile {
    private static final Set<String> TOP = new TreeSet<>(List.of("version", "environments"));
    private static final Set<String> FIELDS = new TreeSet<>(List.of(
            "namespace",
            "replicas",
            "resources",
            "ingress",
            "recipients",
            "requiresApproval",
            "timeout",
            "concurrency",
            "values"));
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private final YamlTree tree;

    private EnvironmentsFile(YamlTree tree) {
        this.tree = tree;
    }

    static Map<String, Environment> read(Path file) throws PlatformException {
        return new EnvironmentsFile(YamlTree.read(file)).environments();
    }

    private Map<String, Environment> environments() throws PlatformException {
        Map<String, Object> root = tree.rootMap();
        checkKeys(root, "", TOP);
        Object version = root.get("version");
        if (version != null && !Integer.valueOf(1).equals(version)) {
            throw error("version", "expected version 1, found " + describe(version));
        }
        Object environments = root.get("environments");
        if (!(environments instanceof Map<?, ?> byName) || byName.isEmpty()) {
            throw error(
                    "environments",
                    "expected a mapping of environment names to settings, found " + describe(environments));
        }
        Map<String, Environment> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : byName.entrySet()) {
            String name = String.valueOf(entry.getKey());
            out.put(name, environment(name, entry.getValue()));
        }
        return out;
    }

    private Environment environment(String name, Object settings) throws PlatformException {
        String path = "environments." + name;
        Environment.Builder builder;
        try {
            builder = Environment.builder(name);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
        if (settings == null) {
            return builder.build();
        }
        Map<String, Object> fields = map(path, settings);
        checkKeys(fields, path, FIELDS);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String fieldPath = YamlTree.child(path, field.getKey());
            Object value = field.getValue();
            try {
                apply(builder, field.getKey(), fieldPath, value);
            } catch (IllegalArgumentException e) {
                throw error(fieldPath, e.getMessage());
            }
        }
        return builder.build();
    }

    private void apply(Environment.Builder builder, String key, String path, Object value) throws PlatformException {
        switch (key) {
            case "namespace" -> builder.namespace(string(path, value));
            case "replicas" -> builder.replicas(integer(path, value));
            case "resources" -> builder.resources(map(path, value));
            case "ingress" -> {
                Map<String, Object> ingress = map(path, value);
                checkKeys(ingress, path, Set.of("host"));
                if (ingress.containsKey("host")) {
                    builder.ingressHost(string(YamlTree.child(path, "host"), ingress.get("host")));
                }
            }
            case "recipients" -> {
                if (!(value instanceof List<?> list)) {
                    throw error(path, "expected a list of age recipients, found " + describe(value));
                }
                for (int i = 0; i < list.size(); i++) {
                    String itemPath = path + "[" + i + "]";
                    try {
                        builder.recipients(string(itemPath, list.get(i)));
                    } catch (IllegalArgumentException e) {
                        throw error(itemPath, e.getMessage());
                    }
                }
            }
            case "requiresApproval" -> {
                if (!(value instanceof Boolean flag)) {
                    throw error(path, "expected true or false, found " + describe(value));
                }
                builder.approvalRequired(flag);
            }
            case "timeout" -> builder.timeout(duration(path, value));
            case "concurrency" -> builder.concurrency(integer(path, value));
            case "values" -> builder.values(map(path, value));
            default -> throw new IllegalStateException("unhandled field " + key);
        }
    }

    private void checkKeys(Map<String, Object> map, String path, Set<String> known) throws PlatformException {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw error(YamlTree.child(path, key), "unknown field '" + key + "'; expected one of " + known);
            }
        }
    }

    @SuppressWarnings("unchecked") // YAML mappings are read as Map<String, Object>
    private Map<String, Object> map(String path, Object value) throws PlatformException {
        if (!(value instanceof Map<?, ?>)) {
            throw error(path, "expected a mapping, found " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    private String string(String path, Object value) throws PlatformException {
        if (!(value instanceof String text) || text.isBlank()) {
            throw error(path, "expected text, found " + describe(value));
        }
        return text;
    }

    private int integer(String path, Object value) throws PlatformException {
        if (!(value instanceof Integer number)) {
            throw error(path, "expected a whole number, found " + describe(value));
        }
        return number;
    }

    private Duration duration(String path, Object value) throws PlatformException {
        if (value instanceof Integer seconds) {
            return Duration.ofSeconds(seconds);
        }
        Matcher m = value instanceof String text ? DURATION.matcher(text) : null;
        if (m == null || !m.matches() || ((String) value).isEmpty()) {
            throw error(path, "expected a duration like 90s, 5m or 1h30m, found " + describe(value));
        }
        long seconds = 0;
        seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
        seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
        seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Duration.ofSeconds(seconds);
    }

    private PlatformException error(String path, String message) {
        return new PlatformException(tree.file(), tree.lineOrParent(path), path + ": " + message);
    }

    /** Describes a value by type and, for scalars that are not secrets here, by content. */
    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String text) {
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }
}
