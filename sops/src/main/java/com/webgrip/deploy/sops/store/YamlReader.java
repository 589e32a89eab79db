package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.AnchorDefinitions;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML as sops does: every document a mapping (an empty document an empty mapping),
 * comments kept as items, scalars typed by the YAML 1.2 core schema, anchors and aliases expanded,
 * duplicate keys refused. SnakeYAML composes the nodes; the limits of {@link StoreOptions} bound
 * aliases, nesting, input size and the expanded size.
 *
 * <p>In keep-anchors mode ({@link StoreOptions#keepAnchors()}) an anchored value becomes a {@link
 * Node.Anchored} and every later use of it a {@link Node.Alias}; the expanded size is still counted
 * against the limit. Anchors on map keys and on a document's root are not kept (the key is read as
 * its text).
 */
final class YamlReader {
    private final StoreOptions options;

    YamlReader(StoreOptions options) {
        this.options = options;
    }

    List<Node.Mapping> read(byte[] content, String source) throws SopsFormatException {
        return read(content, source, true);
    }

    /** Reads the documents; {@code fastPath} lets comment-free input skip SnakeYAML's node graph. */
    List<Node.Mapping> read(byte[] content, String source, boolean fastPath) throws SopsFormatException {
        if (content.length > options.maxInputBytes()) {
            throw new SopsFormatException(
                    source + ": the input has " + content.length + " bytes; the limit is " + options.maxInputBytes());
        }
        LoaderOptions loader = new LoaderOptions();
        loader.setProcessComments(true);
        loader.setMaxAliasesForCollections(options.maxAliases());
        loader.setNestingDepthLimit(options.maxDepth());
        loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, options.maxInputBytes()));
        loader.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(
                new SafeConstructor(loader),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                loader,
                new PlainStringResolver());
        // decoding up front is what InputStreamReader did chunk by chunk (malformed bytes become U+FFFD)
        String text = new String(content, StandardCharsets.UTF_8);
        List<Node.Mapping> documents = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            if (fastPath && !options.keepAnchors() && YamlEventReader.applies(content)) {
                // the same options as the full path: SnakeYAML scans some input differently
                // with comment processing off (a plain scalar at column 0 spanning lines)
                List<Node.Mapping> fast = new YamlEventReader(options, source).read(text, loader);
                if (fast != null) {
                    return fast;
                }
            }
            if (options.keepAnchors()) {
                AliasPlaceholders aliases = new AliasPlaceholders(new ParserImpl(new StreamReader(reader), loader));
                Composer composer = new Composer(aliases, new PlainStringResolver(), loader);
                while (composer.checkNode()) {
                    org.yaml.snakeyaml.nodes.Node document = composer.getNode();
                    CommentPlacement.relocate(document);
                    documents.add(new DocumentConverter(source, documents.size() + 1, aliases).document(document));
                }
            } else {
                for (org.yaml.snakeyaml.nodes.Node document : yaml.composeAll(reader)) {
                    CommentPlacement.relocate(document);
                    documents.add(new DocumentConverter(source, documents.size() + 1, null).document(document));
                }
            }
        } catch (SopsFormatException e) {
            throw e;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where =
                    mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new SopsFormatException(source + ": malformed YAML" + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new SopsFormatException(source + ": malformed YAML: " + firstLine(e.getMessage()));
        } catch (java.io.IOException e) {
            throw new SopsFormatException(source + ": could not read YAML: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new SopsFormatException(source + ": YAML nested too deeply");
        } catch (ClassCastException | IllegalStateException | IndexOutOfBoundsException e) {
            // SnakeYAML (2.5 to 2.7) fails so on some valid input: a comment after a block scalar's
            // header in a list item ("- |- # note") meets its composer as a node
            throw new SopsFormatException(
                    source + ": the YAML parser failed on this file ("
                            + e.getClass().getSimpleName()
                            + "); a comment on the line of a '|' or '>' in a list is one known cause: move it to a line of its own");
        }
        return documents;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Resolves no plain scalar implicitly, so that we apply YAML 1.2 rules (SnakeYAML knows 1.1). */
    private static final class PlainStringResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {}
    }

    /** Converts one composed document; counts expanded nodes against the limit. */
    private final class DocumentConverter {
        private final String source;
        private final int documentNumber;
        private final Map<org.yaml.snakeyaml.nodes.Node, Boolean> inProgress = new IdentityHashMap<>();
        /** Keep-anchors mode only: tells the aliases; null when aliases are expanded. */
        private final AliasPlaceholders aliases;
        /** Keep-anchors mode: the nodes each anchor expands to, by name (the last definition). */
        private final Map<String, Long> anchorSizes = new HashMap<>();
        /** Keep-anchors mode: the text of each anchored string, for aliases used as keys. */
        private final Map<String, String> anchorTexts = new HashMap<>();

        /** Keep-anchors mode: the definitions of each name, numbered in the order they start. */
        private final AnchorDefinitions definitions = new AnchorDefinitions();

        private long nodes;

        DocumentConverter(String source, int documentNumber, AliasPlaceholders aliases) {
            this.source = source;
            this.documentNumber = documentNumber;
            this.aliases = aliases;
        }

        Node.Mapping document(org.yaml.snakeyaml.nodes.Node root) throws SopsFormatException {
            List<Node.MapItem> items = new ArrayList<>();
            addComments(items, root.getBlockComments(), false);
            if (root instanceof MappingNode mapping) {
                addMapping(items, mapping, 1);
            } else if (root instanceof ScalarNode scalar && scalar(scalar) instanceof Node.Null) {
                // an empty document ("---" alone) is an empty mapping
            } else {
                throw new SopsFormatException(where(root) + ": a YAML document must be a mapping; found a "
                        + (root instanceof SequenceNode ? "sequence" : "scalar"));
            }
            if (!(root instanceof MappingNode)) {
                // a mapping's end comments are its own, added by addMapping: only once
                addComments(items, root.getEndComments(), false);
            }
            return new Node.Mapping(items);
        }

        private void addMapping(List<Node.MapItem> items, MappingNode mapping, int depth) throws SopsFormatException {
            enter(mapping, depth);
            Set<String> keys = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                org.yaml.snakeyaml.nodes.Node keyNode = tuple.getKeyNode();
                org.yaml.snakeyaml.nodes.Node valueNode = tuple.getValueNode();
                addComments(items, keyNode.getBlockComments(), false);
                addComments(items, keyNode.getInLineComments(), false);
                boolean scalarValue = valueNode instanceof ScalarNode;
                List<CommentLine> below = List.of();
                if (scalarValue) {
                    addComments(items, valueNode.getBlockComments(), false);
                    below = linesBelow(valueNode);
                    addComments(items, valueNode.getInLineComments(), true);
                }
                String key = key(keyNode);
                if (!keys.add(key)) {
                    throw new SopsFormatException(where(keyNode) + ": duplicate key \"" + key + "\"");
                }
                items.add(new Node.Entry(key, value(valueNode, depth + 1, scalarValue)));
                addComments(items, below, false);
                if (scalarValue) {
                    addComments(items, valueNode.getEndComments(), false);
                }
                addComments(items, keyNode.getEndComments(), false);
            }
            addComments(items, mapping.getEndComments(), false);
            leave(mapping);
        }

        /** Whether a node stands for an alias (keep-anchors mode only). */
        private boolean isAlias(org.yaml.snakeyaml.nodes.Node node) {
            return aliases != null && node instanceof ScalarNode scalar && aliases.isAlias(scalar);
        }

        private Node value(org.yaml.snakeyaml.nodes.Node node, int depth, boolean commentsHandled)
                throws SopsFormatException {
            if (isAlias(node)) {
                String anchor = aliasTarget((ScalarNode) node);
                count(node, anchorSizes.get(anchor));
                return new Node.Alias(anchor);
            }
            if (aliases == null || node.getAnchor() == null) {
                return expanded(node, depth, commentsHandled);
            }
            String anchor = node.getAnchor();
            int definition = definitions.start(anchor);
            long before = nodes;
            Node value = expanded(node, depth, commentsHandled);
            if (definitions.end(anchor, definition)) {
                anchorSizes.put(anchor, nodes - before);
                if (value instanceof Node.Str text) {
                    anchorTexts.put(anchor, text.value());
                } else {
                    anchorTexts.remove(anchor);
                }
            }
            try {
                return new Node.Anchored(anchor, value);
            } catch (IllegalArgumentException e) {
                throw new SopsFormatException(where(node) + ": " + e.getMessage());
            }
        }

        /** The anchor an alias names, checked: defined before it, and not around it. */
        private String aliasTarget(ScalarNode alias) throws SopsFormatException {
            String anchor = alias.getValue();
            if (definitions.open(anchor)) {
                throw new SopsFormatException(
                        where(alias) + ": a recursive alias (*" + anchor + " inside the collection it names)");
            }
            if (!anchorSizes.containsKey(anchor)) {
                throw new SopsFormatException(
                        where(alias) + ": found undefined alias *" + anchor + " (no anchor &" + anchor + " before it)");
            }
            return anchor;
        }

        private Node expanded(org.yaml.snakeyaml.nodes.Node node, int depth, boolean commentsHandled)
                throws SopsFormatException {
            count(node, 1);
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (depth > options.maxDepth()) {
                throw new SopsFormatException(where(node) + ": nesting deeper than " + options.maxDepth() + " levels");
            }
            if (node instanceof MappingNode mapping) {
                List<Node.MapItem> items = new ArrayList<>();
                if (!commentsHandled) {
                    addComments(items, mapping.getBlockComments(), false);
                    addComments(items, mapping.getInLineComments(), false);
                }
                addMapping(items, mapping, depth);
                return new Node.Mapping(items);
            }
            SequenceNode sequence = (SequenceNode) node;
            enter(sequence, depth);
            List<Node> items = new ArrayList<>();
            if (!commentsHandled) {
                addComments(items, sequence.getBlockComments(), false);
                addComments(items, sequence.getInLineComments(), false);
            }
            for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
                addComments(items, item.getBlockComments(), false);
                boolean scalar = item instanceof ScalarNode;
                List<CommentLine> below = List.of();
                if (scalar) {
                    below = linesBelow(item);
                    addComments(items, item.getInLineComments(), true);
                }
                items.add(value(item, depth + 1, true));
                addComments(items, below, false);
                if (scalar) {
                    addComments(items, item.getEndComments(), false);
                }
            }
            addComments(items, sequence.getEndComments(), false);
            leave(sequence);
            return new Node.Sequence(items);
        }

        private void enter(org.yaml.snakeyaml.nodes.Node node, int depth) throws SopsFormatException {
            if (depth > options.maxDepth()) {
                throw new SopsFormatException(where(node) + ": nesting deeper than " + options.maxDepth() + " levels");
            }
            if (inProgress.put(node, Boolean.TRUE) != null) {
                throw new SopsFormatException(where(node) + ": a recursive alias (a collection that contains itself)");
            }
        }

        private void leave(org.yaml.snakeyaml.nodes.Node node) {
            inProgress.remove(node);
        }

        private void count(org.yaml.snakeyaml.nodes.Node node, long added) throws SopsFormatException {
            nodes += added;
            if (nodes > options.maxNodes()) {
                throw new SopsFormatException(where(node) + ": the document expands to more than " + options.maxNodes()
                        + " nodes (an alias bomb?)");
            }
        }

        private String key(org.yaml.snakeyaml.nodes.Node keyNode) throws SopsFormatException {
            if (isAlias(keyNode)) {
                String text = anchorTexts.get(aliasTarget((ScalarNode) keyNode));
                if (text == null) {
                    throw new SopsFormatException(where(keyNode) + ": the alias *" + ((ScalarNode) keyNode).getValue()
                            + " used as a key names a value that is not a string");
                }
                return text;
            }
            if (keyNode instanceof ScalarNode scalar) {
                Node key = scalar(scalar);
                if (key instanceof Node.Str s) {
                    if (aliases != null && scalar.getAnchor() != null) {
                        anchorTexts.put(scalar.getAnchor(), s.value());
                        anchorSizes.put(scalar.getAnchor(), 1L);
                    }
                    return s.value();
                }
                throw new SopsFormatException(where(keyNode) + ": map key \"" + scalar.getValue()
                        + "\" is not a string; sops supports only string keys (quote it)");
            }
            throw new SopsFormatException(where(keyNode) + ": a map key must be a string scalar; found a collection");
        }

        private Node scalar(ScalarNode scalar) throws SopsFormatException {
            return YamlScalars.tagged(scalar.getTag(), scalar.getValue(), scalar.isPlain(), () -> where(scalar));
        }

        /**
         * Removes from a scalar's line comments those on lines below it, and returns them: after an
         * anchored scalar, SnakeYAML collects the comment lines that follow as its line comments.
         */
        private List<CommentLine> linesBelow(org.yaml.snakeyaml.nodes.Node scalar) {
            List<CommentLine> inline = scalar.getInLineComments();
            Mark end = scalar.getEndMark();
            if (inline == null || inline.isEmpty() || end == null) {
                return List.of();
            }
            List<CommentLine> below = new ArrayList<>();
            List<CommentLine> same = new ArrayList<>();
            for (CommentLine line : inline) {
                boolean lower =
                        line.getStartMark() != null && line.getStartMark().getLine() > end.getLine();
                (lower ? below : same).add(line);
            }
            scalar.setInLineComments(same);
            return below;
        }

        private void addComments(List<? super Comment> items, List<CommentLine> comments, boolean inline) {
            if (comments == null) {
                return;
            }
            for (CommentLine line : comments) {
                if (line.getCommentType() != CommentType.BLANK_LINE) {
                    items.add(new Comment(line.getValue(), inline));
                }
            }
        }

        private String where(org.yaml.snakeyaml.nodes.Node node) {
            Mark mark = node.getStartMark();
            String doc = documentNumber > 1 ? " (document " + documentNumber + ")" : "";
            return mark == null ? source + doc : source + doc + ": line " + (mark.getLine() + 1);
        }
    }
}
