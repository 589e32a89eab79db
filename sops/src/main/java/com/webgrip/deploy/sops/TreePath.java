package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A path into a tree in sops's {@code --extract}/{@code set} syntax: {@code ["key"]} or
 * {@code ['key']} for map keys, {@code [N]} for list indices (comments are not counted).
 */
final class TreePath {
    private final List<Object> steps;
    private final String text;

    private TreePath(List<Object> steps, String text) {
        this.steps = List.copyOf(steps);
        this.text = text;
    }

    static TreePath parse(String text) throws SopsPathException {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '[') {
                throw new SopsPathException(
                        "tree path " + text + ": expected '[' at index " + i + "; found '" + text.charAt(i) + "'");
            }
            i++;
            if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                char quote = text.charAt(i);
                int end = text.indexOf(quote, i + 1);
                if (end < 0 || end + 1 >= text.length() || text.charAt(end + 1) != ']') {
                    throw new SopsPathException("tree path " + text + ": unclosed key at index " + i);
                }
                steps.add(text.substring(i + 1, end));
                i = end + 2;
            } else {
                int end = text.indexOf(']', i);
                if (end < 0) {
                    throw new SopsPathException("tree path " + text + ": unclosed index at index " + i);
                }
                try {
                    steps.add(Integer.parseInt(text.substring(i, end)));
                } catch (NumberFormatException e) {
                    throw new SopsPathException("tree path " + text + ": \"" + text.substring(i, end)
                            + "\" is neither a quoted key nor an index");
                }
                i = end + 1;
            }
        }
        if (steps.isEmpty()) {
            throw new SopsPathException("tree path is empty; expected e.g. [\"key\"][0]");
        }
        return new TreePath(steps, text);
    }

    List<Object> steps() {
        return steps;
    }

    Node get(Node root) throws SopsPathException {
        Node current = root;
        for (Object step : steps) {
            current = throughAnchor(current);
            if (step instanceof String key && current instanceof Node.Mapping m) {
                Node next = m.get(key).orElse(null);
                if (next == null) {
                    throw new SopsPathException("tree path " + text + ": no key \"" + key + "\"");
                }
                current = next;
            } else if (step instanceof Integer index && current instanceof Node.Sequence s) {
                List<Node> items = values(s);
                if (index < 0 || index >= items.size()) {
                    throw new SopsPathException(
                            "tree path " + text + ": index " + index + " is outside the list of " + items.size());
                }
                current = items.get(index);
            } else {
                throw new SopsPathException("tree path " + text + ": " + describe(step) + " does not fit a "
                        + (current instanceof Node.Mapping
                                ? "map"
                                : current instanceof Node.Sequence ? "list" : "value"));
            }
        }
        return current;
    }

    /** A copy of the root with the value set, creating maps and lists as needed. */
    Node.Mapping set(Node.Mapping root, Node value) throws SopsPathException {
        return (Node.Mapping) set(root, 0, value);
    }

    private Node set(Node current, int depth, Node value) throws SopsPathException {
        if (current instanceof Node.Anchored a) {
            // a new value under an anchor keeps the anchor, so that its aliases see the new value
            Node inner = set(a.node(), depth, value);
            return inner instanceof Node.Anchored || inner instanceof Node.Alias || inner instanceof Comment
                    ? inner
                    : new Node.Anchored(a.anchor(), inner);
        }
        if (depth == steps.size()) {
            return value;
        }
        throughAnchor(current);
        Object step = steps.get(depth);
        if (step instanceof String key) {
            Node.Mapping m = current instanceof Node.Mapping mm ? mm : Node.Mapping.EMPTY;
            Node child = m.get(key).orElse(Node.Null.INSTANCE);
            return m.with(key, set(child, depth + 1, value));
        }
        int index = (Integer) step;
        List<Node> items = current instanceof Node.Sequence s ? new ArrayList<>(s.items()) : new ArrayList<>();
        int position = positionOf(items, index);
        if (position < 0) {
            items.add(set(Node.Null.INSTANCE, depth + 1, value));
        } else {
            items.set(position, set(items.get(position), depth + 1, value));
        }
        return new Node.Sequence(items);
    }

    /** A copy of the root without the value at the path. */
    Node.Mapping unset(Node.Mapping root) throws SopsPathException {
        get(root);
        return (Node.Mapping) unset(root, 0);
    }

    private Node unset(Node current, int depth) {
        if (current instanceof Node.Anchored a) {
            return new Node.Anchored(a.anchor(), unset(a.node(), depth));
        }
        Object step = steps.get(depth);
        boolean last = depth == steps.size() - 1;
        if (step instanceof String key) {
            Node.Mapping m = (Node.Mapping) current;
            return last ? m.without(key) : m.with(key, unset(m.get(key).orElseThrow(), depth + 1));
        }
        List<Node> items = new ArrayList<>(((Node.Sequence) current).items());
        int position = positionOf(items, (Integer) step);
        if (last) {
            items.remove(position);
        } else {
            items.set(position, unset(items.get(position), depth + 1));
        }
        return new Node.Sequence(items);
    }

    /**
     * The value under an anchor; a typed error for an alias, since a change there would be a change
     * of its anchor's value, seen at every alias.
     */
    private Node throughAnchor(Node node) throws SopsPathException {
        if (node instanceof Node.Anchored a) {
            return a.node();
        }
        if (node instanceof Node.Alias alias) {
            throw new SopsPathException("tree path " + text + " goes through the alias *" + alias.anchor()
                    + "; use the path of its anchor &" + alias.anchor() + " instead");
        }
        return node;
    }

    private static int positionOf(List<Node> items, int index) {
        int seen = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Comment)) {
                if (seen == index) {
                    return i;
                }
                seen++;
            }
        }
        return -1;
    }

    private static List<Node> values(Node.Sequence s) {
        List<Node> out = new ArrayList<>();
        for (Node item : s.items()) {
            if (!(item instanceof Comment)) {
                out.add(item);
            }
        }
        return out;
    }

    private static String describe(Object step) {
        return step instanceof String ? "key \"" + step + "\"" : "index " + step;
    }

    @Override
    public String toString() {
        return text;
    }
}
