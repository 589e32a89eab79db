package com.webgrip.deploy.sops.tree;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which definition of an anchor name an alias names, as YAML (and SnakeYAML's composer) decides:
 * the definition that started last. A definition nested in one of the same name therefore wins
 * over it, even after the outer one ends; an alias inside the definition it names is recursive.
 * For readers that build trees of {@link Node.Anchored} and {@link Node.Alias} nodes, so that they
 * bind names as {@link Anchors#resolve} does. Not thread-safe; one per document.
 */
public final class AnchorDefinitions {
    private final Map<String, Integer> latest = new HashMap<>();
    private final Set<Integer> open = new HashSet<>();
    private int started;

    /** A definition of the name starts; returns its number. */
    public int start(String name) {
        int definition = ++started;
        latest.put(name, definition);
        open.add(definition);
        return definition;
    }

    /** The definition ends; returns whether aliases of the name now name it. */
    public boolean end(String name, int definition) {
        open.remove(definition);
        return latest.get(name) == definition;
    }

    /** Whether the definition an alias of the name would name has not ended yet (a recursive alias). */
    public boolean open(String name) {
        Integer definition = latest.get(name);
        return definition != null && open.contains(definition);
    }
}
