package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML as sops does: every document a mapping (an empty document an empty mapping),
 * comments kept as items, scalars typed by the YAML 1.2 core schema, anchors and aliases expanded,
 * duplicate keys refused. SnakeYAML composes the nodes; the limits of {@link StoreOptions} bound
 * aliases, nesting, input size and the expanded size.
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
            if (fastPath && YamlEventReader.applies(content)) {
                // the same options as the full path: SnakeYAML scans some input differently
                // with comment processing off (a plain scalar at column 0 spanning lines)
                List<Node.Mapping> fast = new YamlEventReader(options, source).read(text, loader);
                if (fast != null) {
                    return fast;
                }
            }
            for (org.yaml.snakeyaml.nodes.Node document : yaml.composeAll(reader)) {
                CommentPlacement.relocate(document);
                documents.add(new DocumentConverter(source, documents.size() + 1).document(document));
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
        private int nodes;

        DocumentConverter(String source, int documentNumber) {
            this.source = source;
            this.documentNumber = documentNumber;
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
                if (scalarValue) {
                    addComments(items, valueNode.getBlockComments(), false);
                    addComments(items, valueNode.getInLineComments(), true);
                }
                String key = key(keyNode);
                if (!keys.add(key)) {
                    throw new SopsFormatException(where(keyNode) + ": duplicate key \"" + key + "\"");
                }
                items.add(new Node.Entry(key, value(valueNode, depth + 1, scalarValue)));
                if (scalarValue) {
                    addComments(items, valueNode.getEndComments(), false);
                }
                addComments(items, keyNode.getEndComments(), false);
            }
            addComments(items, mapping.getEndComments(), false);
            leave(mapping);
        }

        private Node value(org.yaml.snakeyaml.nodes.Node node, int depth, boolean commentsHandled)
                throws SopsFormatException {
            count(node);
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
                if (scalar) {
                    addComments(items, item.getInLineComments(), true);
                }
                items.add(value(item, depth + 1, true));
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

        private void count(org.yaml.snakeyaml.nodes.Node node) throws SopsFormatException {
            if (++nodes > options.maxNodes()) {
                throw new SopsFormatException(where(node) + ": the document expands to more than " + options.maxNodes()
                        + " nodes (an alias bomb?)");
            }
        }

        private String key(org.yaml.snakeyaml.nodes.Node keyNode) throws SopsFormatException {
            if (keyNode instanceof ScalarNode scalar) {
                Node key = scalar(scalar);
                if (key instanceof Node.Str s) {
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
