package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * sops's metadata flattening for dotenv and INI: {@code a: {b: [x, {c: y}]}} becomes
 * {@code a__map_b__list_0 = x} and {@code a__map_b__list_1__map_c = y}. Unflattening rebuilds
 * the tree with sorted map keys and contiguous lists.
 */
public final class Flattener {
    private static final String MAP = "__map_";
    private static final String LIST = "__list_";

    private Flattener() {}

    /** Flattens a mapping into one level, each key prefixed. Comments are skipped. */
    public static Node.Mapping flatten(Node.Mapping mapping, String prefix) {
        List<Node.MapItem> out = new ArrayList<>();
        for (Node.Entry entry : mapping.entries()) {
            flattenValue(entry.value(), prefix + entry.key(), out);
        }
        return new Node.Mapping(out);
    }

    private static void flattenValue(Node value, String key, List<Node.MapItem> out) {
        if (value instanceof Node.Mapping m) {
            for (Node.Entry e : m.entries()) {
                flattenValue(e.value(), key + MAP + e.key(), out);
            }
        } else if (value instanceof Node.Sequence s) {
            int i = 0;
            for (Node item : s.items()) {
                if (!(item instanceof Comment)) {
                    flattenValue(item, key + LIST + i++, out);
                }
            }
        } else {
            out.add(new Node.Entry(key, value));
        }
    }

    /** Rebuilds a tree from flattened entries (keys without the prefix). */
    public static Node.Mapping unflatten(Node.Mapping flat) throws SopsFormatException {
        Map<String, Object> root = new TreeMap<>();
        for (Node.Entry entry : flat.entries()) {
            List<String> tokens = tokens(entry.key());
            insert(root, tokens, 0, entry.value(), entry.key());
        }
        return (Node.Mapping) build(root, "");
    }

    /** Splits {@code a__map_b__list_0} into {@code [a, m:b, l:0]}. */
    private static List<String> tokens(String key) {
        List<String> tokens = new ArrayList<>();
        int next = nextSeparator(key, 0);
        tokens.add("m:" + key.substring(0, next < 0 ? key.length() : next));
        while (next >= 0) {
            boolean isMap = key.startsWith(MAP, next);
            int start = next + (isMap ? MAP.length() : LIST.length());
            int end = nextSeparator(key, start);
            String part = key.substring(start, end < 0 ? key.length() : end);
            tokens.add((isMap ? "m:" : "l:") + part);
            next = end;
        }
        return tokens;
    }

    private static int nextSeparator(String key, int from) {
        int m = key.indexOf(MAP, from);
        int l = key.indexOf(LIST, from);
        if (m < 0) {
            return l;
        }
        return l < 0 ? m : Math.min(m, l);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> parent, List<String> tokens, int index, Node value, String key)
            throws SopsFormatException {
        String token = tokens.get(index);
        if (index == tokens.size() - 1) {
            if (parent.containsKey(token)) {
                throw new SopsFormatException("flattened metadata key \"" + key + "\" collides with another key");
            }
            parent.put(token, value);
            return;
        }
        Object child = parent.computeIfAbsent(token, t -> new TreeMap<String, Object>());
        if (!(child instanceof Map)) {
            throw new SopsFormatException("flattened metadata key \"" + key + "\" collides with another key");
        }
        insert((Map<String, Object>) child, tokens, index + 1, value, key);
    }

    @SuppressWarnings("unchecked")
    private static Node build(Object value, String where) throws SopsFormatException {
        if (value instanceof Node node) {
            return node;
        }
        Map<String, Object> map = (Map<String, Object>) value;
        boolean lists = map.keySet().stream().allMatch(k -> k.startsWith("l:"));
        boolean maps = map.keySet().stream().allMatch(k -> k.startsWith("m:"));
        if (lists && !map.isEmpty()) {
            TreeMap<Integer, Object> byIndex = new TreeMap<>();
            for (Map.Entry<String, Object> e : map.entrySet()) {
                try {
                    byIndex.put(Integer.parseInt(e.getKey().substring(2)), e.getValue());
                } catch (NumberFormatException ex) {
                    throw new SopsFormatException("flattened metadata list index \""
                            + e.getKey().substring(2) + "\" under \"" + where + "\" is not a number");
                }
            }
            List<Node> items = new ArrayList<>();
            int expected = 0;
            for (Map.Entry<Integer, Object> e : byIndex.entrySet()) {
                if (e.getKey() != expected++) {
                    throw new SopsFormatException(
                            "flattened metadata list under \"" + where + "\" is not contiguous from index 0");
                }
                items.add(build(e.getValue(), where + "[" + e.getKey() + "]"));
            }
            return new Node.Sequence(items);
        }
        if (!maps) {
            throw new SopsFormatException("flattened metadata under \"" + where + "\" mixes list and map entries");
        }
        List<Node.MapItem> items = new ArrayList<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String name = e.getKey().substring(2);
            items.add(new Node.Entry(name, build(e.getValue(), where.isEmpty() ? name : where + "." + name)));
        }
        return new Node.Mapping(items);
    }
}
