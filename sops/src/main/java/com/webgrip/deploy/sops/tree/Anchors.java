package com.webgrip.deploy.sops.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * YAML anchors and aliases in trees read in the YAML store's keep-anchors mode ({@link
 * Node.Anchored}, {@link Node.Alias}), and their resolution into a plain tree.
 *
 * <p>Resolution follows YAML: within one document, an alias stands for the value of the last
 * anchor of that name before it. A merge key (an entry {@code <<} whose value is an alias or a
 * sequence of aliases, see {@link #isMerge}) merges the aliased mappings into the mapping that
 * holds it, as YAML 1.1 readers such as Helm's do: the mapping's own keys win, an earlier merged
 * mapping wins over a later one, and the merged entries take the place of the {@code <<} entry.
 * A {@code <<} entry with any other value is an ordinary key, as sops reads it.
 *
 * <p>The resolved tree shares the subtrees of repeated aliases (nodes are immutable), but every
 * consumer walks it expanded; resolution therefore counts the expanded nodes and refuses more than
 * a limit, so that an alias bomb cannot reach the consumers.
 */
public final class Anchors {
    /** The merge key of YAML 1.1. */
    public static final String MERGE_KEY = "<<";

    /** The default bound on the expanded nodes of one document (the stores' default). */
    public static final int DEFAULT_MAX_NODES = 10_000_000;

    private Anchors() {}

    /** Whether any document holds an anchor or an alias. */
    public static boolean present(List<Node.Mapping> documents) {
        for (Node.Mapping document : documents) {
            if (present(document)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the node or anything under it is an anchor or an alias. */
    public static boolean present(Node node) {
        if (node instanceof Node.Anchored || node instanceof Node.Alias) {
            return true;
        }
        if (node instanceof Node.Mapping m) {
            for (Node.MapItem item : m.items()) {
                if (item instanceof Node.Entry e && present(e.value())) {
                    return true;
                }
            }
        } else if (node instanceof Node.Sequence s) {
            for (Node item : s.items()) {
                if (present(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an entry is a merge key: {@code <<} with an alias, or a non-empty sequence of aliases, as value. */
    public static boolean isMerge(Node.Entry entry) {
        if (!entry.key().equals(MERGE_KEY)) {
            return false;
        }
        if (entry.value() instanceof Node.Alias) {
            return true;
        }
        if (!(entry.value() instanceof Node.Sequence s)) {
            return false;
        }
        boolean any = false;
        for (Node item : s.items()) {
            if (item instanceof Node.Alias) {
                any = true;
            } else if (!(item instanceof Comment)) {
                return false;
            }
        }
        return any;
    }

    /** The aliases a merge entry names, in order (its value, or the items of its list); none for another entry. */
    public static List<Node.Alias> mergeAliases(Node.Entry entry) {
        if (!isMerge(entry)) {
            return List.of();
        }
        List<Node> sources = entry.value() instanceof Node.Sequence s ? s.items() : List.of(entry.value());
        List<Node.Alias> aliases = new ArrayList<>(sources.size());
        for (Node source : sources) {
            if (source instanceof Node.Alias alias) {
                aliases.add(alias);
            }
        }
        return aliases;
    }

    /** Every document resolved (see the class comment), each bounded to {@link #DEFAULT_MAX_NODES}. */
    public static List<Node.Mapping> resolve(List<Node.Mapping> documents) {
        return resolve(documents, DEFAULT_MAX_NODES);
    }

    /**
     * Every document resolved; the same list when none holds an anchor or an alias.
     *
     * @throws IllegalArgumentException for an alias without an anchor before it, a recursive
     *     alias, a merge of a value that is not a mapping, or a document that expands to more than
     *     {@code maxNodes} nodes
     */
    public static List<Node.Mapping> resolve(List<Node.Mapping> documents, int maxNodes) {
        if (!present(documents)) {
            return documents;
        }
        List<Node.Mapping> out = new ArrayList<>(documents.size());
        for (Node.Mapping document : documents) {
            out.add(resolve(document, maxNodes));
        }
        return out;
    }

    /**
     * One value on its own resolved: the aliases inside it that name anchors inside it (a value
     * taken out of its document cannot see the anchors before it); the value itself when it holds
     * no anchor or alias.
     *
     * @throws IllegalArgumentException as {@link #resolve(List, int)} does
     */
    public static Node resolveValue(Node value, int maxNodes) {
        if (!present(value)) {
            return value;
        }
        return new Resolver(maxNodes).node(value);
    }

    /** One document resolved (anchors do not reach across documents). */
    public static Node.Mapping resolve(Node.Mapping document, int maxNodes) {
        if (!present(document)) {
            return document;
        }
        return (Node.Mapping) new Resolver(maxNodes).node(document);
    }

    /** Checks a YAML anchor name: non-empty, printable, no space and no flow indicator. */
    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an anchor name must not be empty");
        }
        name.codePoints().forEach(c -> {
            if (c <= ' ' || c == 0x7F || c == 0xFEFF || ",[]{}".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("anchor name \"" + name + "\" has U+" + String.format("%04X", c)
                        + "; expected no space," + " control character or flow indicator");
            }
        });
    }

    /** One document's resolution: anchors by name in document order, expanded sizes counted. */
    private static final class Resolver {
        private final int maxNodes;
        private final Map<String, Node> anchors = new HashMap<>();
        private final Map<String, Long> sizes = new HashMap<>();
        private final AnchorDefinitions definitions = new AnchorDefinitions();

        private long expanded;

        Resolver(int maxNodes) {
            this.maxNodes = maxNodes;
        }

        Node node(Node node) {
            if (node instanceof Node.Anchored a) {
                int definition = definitions.start(a.anchor());
                long before = expanded;
                Node value = node(a.node());
                if (definitions.end(a.anchor(), definition)) {
                    anchors.put(a.anchor(), value);
                    sizes.put(a.anchor(), expanded - before);
                }
                return value;
            }
            if (node instanceof Node.Alias alias) {
                return alias(alias);
            }
            count(1);
            if (node instanceof Node.Mapping m) {
                return mapping(m);
            }
            if (node instanceof Node.Sequence s) {
                List<Node> items = new ArrayList<>(s.items().size());
                for (Node item : s.items()) {
                    items.add(node(item));
                }
                return new Node.Sequence(items);
            }
            return node;
        }

        private Node alias(Node.Alias alias) {
            if (definitions.open(alias.anchor())) {
                throw new IllegalArgumentException(
                        "alias *" + alias.anchor() + " is inside the value it refers to (a recursive alias)");
            }
            Node value = anchors.get(alias.anchor());
            if (value == null) {
                throw new IllegalArgumentException("alias *" + alias.anchor() + " has no anchor &" + alias.anchor()
                        + " before it in its document");
            }
            count(sizes.get(alias.anchor()));
            return value;
        }

        private Node.Mapping mapping(Node.Mapping m) {
            Set<String> own = new HashSet<>();
            for (Node.MapItem item : m.items()) {
                if (item instanceof Node.Entry e && !isMerge(e)) {
                    own.add(e.key());
                }
            }
            Set<String> merged = new HashSet<>();
            List<Node.MapItem> items = new ArrayList<>(m.items().size());
            for (Node.MapItem item : m.items()) {
                if (!(item instanceof Node.Entry e)) {
                    items.add(item);
                } else if (isMerge(e)) {
                    for (Node.Alias alias : mergeAliases(e)) {
                        merge(alias, own, merged, items);
                    }
                } else {
                    items.add(new Node.Entry(e.key(), node(e.value())));
                }
            }
            return new Node.Mapping(items);
        }

        private void merge(Node.Alias alias, Set<String> own, Set<String> merged, List<Node.MapItem> items) {
            if (!(alias(alias) instanceof Node.Mapping source)) {
                throw new IllegalArgumentException("merge key << with *" + alias.anchor()
                        + ": expected an alias of a mapping; found another value");
            }
            for (Node.Entry entry : source.entries()) {
                if (!own.contains(entry.key()) && merged.add(entry.key())) {
                    items.add(entry);
                }
            }
        }

        private void count(long nodes) {
            expanded += nodes;
            if (expanded > maxNodes) {
                throw new IllegalArgumentException("the document expands to more than " + maxNodes
                        + " nodes through its aliases (an alias bomb?)");
            }
        }
    }
}
