package com.webgrip.deploy.helm.internal;

import com.webgrip.deploy.helm.HelmInputException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML the way Helm does: go-yaml v2 scalar resolution ({@code yes}, {@code on}, {@code y} are booleans;
 * {@code 0x1F}, {@code 017}, {@code 0o17}, {@code 1_000} are integers; timestamps stay strings), then
 * sigs.k8s.io/yaml's trip through JSON (keys become strings, every number becomes a float64). SnakeYAML only
 * tokenizes and composes the node tree, which keeps line marks for error messages and lint findings.
 *
 * <p>Decoded values are mutable Java collections ({@link LinkedHashMap}, {@link ArrayList}) holding {@code null},
 * {@link String}, {@link Boolean}, {@link Long} (a float64 with an integral value below 2^63) or {@link Double}.
 * Not API: shared between this module's packages.
 */
public final class GoYaml {
    /** Marks a plain scalar without an explicit tag: its type is resolved by go-yaml's rules, not SnakeYAML's. */
    static final Tag PLAIN = new Tag("tag:webgrip.com,2026:plain");

    private static final int NESTING_LIMIT = 500;
    private static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;
    private static final int ALIAS_LIMIT = 10_000;
    private static final long NODE_BUDGET = 5_000_000L;

    private static final Pattern YAML_STYLE_FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final double TWO_TO_63 = 0x1p63;

    private GoYaml() {}

    /** Composes the first YAML document of {@code text}, or returns empty for a stream with no document. */
    public static Optional<Node> compose(String text, String source) throws HelmInputException {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(NESTING_LIMIT);
        options.setCodePointLimit(CODE_POINT_LIMIT);
        options.setMaxAliasesForCollections(ALIAS_LIMIT);
        options.setAllowDuplicateKeys(true);
        try {
            Composer composer = new Composer(
                    new ParserImpl(new StreamReader(new StringReader(text)), options), new GoResolver(), options);
            return composer.checkNode() ? Optional.of(composer.getNode()) : Optional.empty();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            throw new HelmInputException(source, line, "not valid YAML: " + e.getProblem(), null);
        } catch (YAMLException e) {
            throw new HelmInputException(source, 0, "not valid YAML: " + e.getMessage(), null);
        }
    }

    /**
     * Reads a YAML document that must be a mapping, as Helm reads a values file: an empty document is an empty
     * map.
     */
    public static Map<String, Object> readMap(String text, String source) throws HelmInputException {
        Optional<Node> root = compose(text, source);
        if (root.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Object value = decode(root.get(), source);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map)) {
            throw new HelmInputException(
                    source, line(root.get()), "expected a YAML mapping at the top, found " + kind(value));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    /** Decodes a node into Go/JSON-shaped Java values (see the class comment). */
    public static Object decode(Node node, String source) throws HelmInputException {
        return new Decoder(source).decode(node, 0);
    }

    /** Returns the 1-based line where {@code node} starts. */
    public static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** Returns the value node of the first plain or quoted key equal to {@code key}, if any. */
    public static Optional<Node> child(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar
                        && scalar.getValue().equals(key)) {
                    return Optional.of(tuple.getValueNode());
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the line of the key {@code key} in {@code mapping}, or the mapping's own line if it is absent. */
    public static int keyLine(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar
                        && scalar.getValue().equals(key)) {
                    return line(tuple.getKeyNode());
                }
            }
        }
        return line(mapping);
    }

    /** Names the JSON kind of a decoded value for error messages (never the value itself). */
    public static String kind(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "a mapping";
        } else if (value instanceof List) {
            return "a list";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof Number) {
            return "a number";
        }
        return value.getClass().getSimpleName();
    }

    /**
     * Turns a number into what Helm holds after its trip through JSON: a float64. Integral values below 2^63 are
     * returned as {@link Long} so that they print as integers, as Go's JSON encoder prints them.
     */
    public static Object float64(double value) {
        if (Math.rint(value) == value && Math.abs(value) < TWO_TO_63) {
            return (long) value;
        }
        return value;
    }

    /** Formats a float the way sigs.k8s.io/yaml turns one into a string field: {@code FormatFloat(f, 'g', -1, 32)}. */
    public static String formatFloat32(double value) {
        return GoNumbers.formatFloat32Key(value);
    }

    /** go-yaml v2's {@code resolve} for a plain scalar: null, Boolean, Long (int64), BigInteger (uint64), Double. */
    static Object resolvePlain(String in) {
        switch (in) {
            case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" -> {
                return true;
            }
            case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" -> {
                return false;
            }
            case "", "~", "null", "Null", "NULL" -> {
                return null;
            }
            case ".nan", ".NaN", ".NAN" -> {
                return Double.NaN;
            }
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-.inf", "-.Inf", "-.INF" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                // not a keyword: a number or a string, below
            }
        }
        char hint = in.charAt(0);
        if (hint == '.') {
            return DOT_FLOAT.matcher(in).matches() ? parseFloat(in, in) : in;
        }
        if (hint == '+' || hint == '-' || (hint >= '0' && hint <= '9')) {
            String plain = in.replace("_", "");
            BigInteger integer = GoNumbers.parseInt(plain);
            if (integer != null && integer.compareTo(INT64_MIN) >= 0 && integer.compareTo(INT64_MAX) <= 0) {
                return integer.longValueExact();
            }
            if (integer != null
                    && integer.signum() >= 0
                    && integer.compareTo(UINT64_MAX) <= 0
                    && hint != '-'
                    && hint != '+') {
                return integer;
            }
            if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
                return parseFloat(plain, in);
            }
        }
        return in;
    }

    private static Object parseFloat(String text, String original) {
        double value = Double.parseDouble(text);
        // Go's ParseFloat fails on overflow, and go-yaml then keeps the scalar as a string.
        return Double.isInfinite(value) ? original : value;
    }

    private static final class GoResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // None: plain scalars are resolved by go-yaml's rules in resolvePlain.
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar && implicit) {
                return PLAIN;
            }
            return super.resolve(kind, value, implicit);
        }
    }

    private static final class Decoder {
        private final String source;
        private long budget = NODE_BUDGET;

        Decoder(String source) {
            this.source = source;
        }

        Object decode(Node node, int depth) throws HelmInputException {
            if (--budget < 0 || depth > NESTING_LIMIT) {
                throw new HelmInputException(
                        source,
                        line(node),
                        "YAML expands beyond " + NODE_BUDGET + " nodes or " + NESTING_LIMIT
                                + " levels (an alias bomb or a recursive anchor?)");
            }
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            } else if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    list.add(decode(item, depth + 1));
                }
                return list;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            fill(map, (MappingNode) node, depth);
            return map;
        }

        private void fill(Map<String, Object> map, MappingNode node, int depth) throws HelmInputException {
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (isMergeKey(keyNode)) {
                    merge(map, tuple.getValueNode(), depth);
                    continue;
                }
                map.put(key(keyNode), decode(tuple.getValueNode(), depth + 1));
            }
        }

        private void merge(Map<String, Object> map, Node value, int depth) throws HelmInputException {
            if (value instanceof MappingNode mapping) {
                fill(map, mapping, depth + 1);
            } else if (value instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                // go-yaml v2 applies the listed mappings last to first, so the first one wins.
                for (int i = items.size() - 1; i >= 0; i--) {
                    if (!(items.get(i) instanceof MappingNode)) {
                        throw new HelmInputException(
                                source, line(items.get(i)), "a merge key (<<) list must hold mappings only");
                    }
                    fill(map, (MappingNode) items.get(i), depth + 1);
                }
            } else {
                throw new HelmInputException(source, line(value), "a merge key (<<) needs a mapping or a list of them");
            }
        }

        private String key(Node keyNode) throws HelmInputException {
            if (!(keyNode instanceof ScalarNode scalar)) {
                throw new HelmInputException(
                        source, line(keyNode), "mapping keys must be scalars, found a " + keyNode.getNodeId());
            }
            Object raw = scalar.getTag().equals(PLAIN) ? resolvePlain(scalar.getValue()) : scalar.getValue();
            if (raw == null) {
                throw new HelmInputException(source, line(keyNode), "a mapping key is null; Helm cannot read it");
            } else if (raw instanceof Double number) {
                return GoNumbers.formatFloat32Key(number);
            }
            return raw.toString();
        }

        private Object scalar(ScalarNode node) throws HelmInputException {
            String value = node.getValue();
            Tag tag = node.getTag();
            Object resolved;
            if (tag.equals(PLAIN)) {
                resolved = resolvePlain(value);
            } else if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP) || !tag.startsWith(Tag.PREFIX)) {
                return value;
            } else if (tag.equals(Tag.BINARY)) {
                return binary(node);
            } else {
                resolved = explicit(node, value.isEmpty() ? null : resolvePlain(value), tag);
            }
            if (resolved instanceof Double boxed) {
                double number = boxed;
                if (Double.isNaN(number) || Double.isInfinite(number)) {
                    throw new HelmInputException(
                            source,
                            line(node),
                            "NaN and infinite numbers cannot be values: Helm turns values into JSON");
                }
                return float64(number);
            } else if (resolved instanceof Long integer) {
                return float64((double) integer);
            } else if (resolved instanceof BigInteger big) {
                return float64(big.doubleValue());
            }
            return resolved;
        }

        private Object explicit(ScalarNode node, Object resolved, Tag tag) throws HelmInputException {
            boolean fits = (tag.equals(Tag.NULL) && resolved == null)
                    || (tag.equals(Tag.BOOL) && resolved instanceof Boolean)
                    || (tag.equals(Tag.INT) && (resolved instanceof Long || resolved instanceof BigInteger))
                    || (tag.equals(Tag.FLOAT) && resolved instanceof Number);
            if (!fits) {
                throw new HelmInputException(
                        source, line(node), "a scalar tagged " + tag.getValue() + " does not hold that type");
            }
            return resolved;
        }

        private String binary(ScalarNode node) throws HelmInputException {
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(node.getValue());
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new HelmInputException(source, line(node), "a !!binary scalar is not base64", e);
            }
        }

        private static boolean isMergeKey(Node keyNode) {
            return keyNode instanceof ScalarNode scalar
                    && (scalar.getTag().equals(PLAIN) || scalar.getTag().equals(Tag.MERGE))
                    && "<<".equals(scalar.getValue());
        }
    }
}
