package com.webgrip.deploy.core.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file read into a plain tree (maps, lists, strings, numbers, booleans, null) that remembers
 * the line of every key and list item, so that an error or a finding can name it. Reading is
 * bounded (aliases, nesting, size) and rejects duplicate keys. Errors never quote the file's text.
 */
public final class YamlTree {
    private static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final ObjectMapper JSON_TREE = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final Object root;
    private final Map<String, Integer> lines;

    private YamlTree(Path file, Object root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Reads one YAML document.
     *
     * @throws PlatformException when the file cannot be read, is not UTF-8, is too large, is not
     *     well-formed YAML, holds several documents or repeats a key
     */
    public static YamlTree read(Path file) throws PlatformException {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new PlatformException(file, 0, "file is larger than " + MAX_BYTES + " bytes");
            }
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PlatformException(file, 0, "expected UTF-8 text, found bytes that are not UTF-8");
        } catch (PlatformException e) {
            throw e;
        } catch (IOException e) {
            throw new PlatformException(
                    file, 0, "cannot read file: " + e.getClass().getSimpleName(), e);
        }
        return parse(file, text);
    }

    /** Parses text as if read from {@code file} (used in errors only). */
    public static YamlTree parse(Path file, String text) throws PlatformException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(100);
        options.setAllowDuplicateKeys(false);
        List<Node> documents = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            new Yaml(options).composeAll(reader).forEach(documents::add);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PlatformException(file, line, "malformed YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new PlatformException(
                    file, 0, "malformed YAML: " + e.getClass().getSimpleName());
        }
        if (documents.size() > 1) {
            int line = documents.get(1).getStartMark().getLine() + 1;
            throw new PlatformException(file, line, "expected one YAML document, found " + documents.size());
        }
        Map<String, Integer> lines = new HashMap<>();
        Object root = null;
        if (!documents.isEmpty()) {
            index(file, documents.get(0), "", lines);
            try {
                root = JSON_TREE.readValue(text, Object.class);
            } catch (IOException e) {
                throw new PlatformException(file, 0, "malformed YAML: values that cannot be read as plain data");
            }
        }
        return new YamlTree(file, root, Collections.unmodifiableMap(lines));
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The document: a map, a list, a scalar, or null when the file is empty. */
    public Object root() {
        return root;
    }

    /**
     * The document as a map of values; an empty file gives an empty map.
     *
     * @throws PlatformException when the document is a list or a scalar
     */
    @SuppressWarnings("unchecked") // Jackson reads YAML mappings as Map<String, Object>
    public Map<String, Object> rootMap() throws PlatformException {
        if (root == null) {
            return new LinkedHashMap<>();
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new PlatformException(
                    file,
                    1,
                    "expected a mapping of keys to values at the top, found a "
                            + (root instanceof List<?> ? "list" : "scalar"));
        }
        return (Map<String, Object>) root;
    }

    /**
     * The line of a key or list item, from 1. The path joins keys with {@code .} and list indexes
     * as {@code [i]}: {@code environments.staging.replicas}, {@code hosts[0]}.
     */
    public Optional<Integer> line(String path) {
        return Optional.ofNullable(lines.get(path));
    }

    /** The line of the path, or of its nearest parent that has one, or 0. */
    public int lineOrParent(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }

    /** Joins a parent path and a key. */
    public static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private static void index(Path file, Node node, String path, Map<String, Integer> lines) throws PlatformException {
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                int line = key.getStartMark().getLine() + 1;
                String name = key instanceof ScalarNode scalar ? scalar.getValue() : "?";
                if (!seen.add(name)) {
                    throw new PlatformException(file, line, "duplicate key '" + name + "'");
                }
                String childPath = child(path, name);
                lines.put(childPath, line);
                index(file, tuple.getValueNode(), childPath, lines);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String childPath = path + "[" + i + "]";
                lines.put(childPath, items.get(i).getStartMark().getLine() + 1);
                index(file, items.get(i), childPath, lines);
            }
        }
    }
}
