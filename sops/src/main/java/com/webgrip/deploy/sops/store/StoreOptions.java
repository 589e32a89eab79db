package com.webgrip.deploy.sops.store;

/**
 * Options of the stores: indentation and the limits that keep hostile input (alias bombs, deep
 * nesting, huge files) from exhausting memory. Immutable; start from {@link #defaults()}.
 *
 * @param yamlIndent spaces per YAML level (sops: 4)
 * @param jsonIndent spaces per JSON level, or 0 for a tab (sops's default)
 * @param maxInputBytes the largest input accepted
 * @param maxAliases the most YAML aliases to collections in one document
 * @param maxDepth the deepest nesting accepted
 * @param maxNodes the most nodes one document may expand to (aliases counted every time)
 * @param keepAnchors whether the YAML store keeps anchors and aliases instead of expanding them
 *     (see {@link #withKeepAnchors})
 */
public record StoreOptions(
        int yamlIndent,
        int jsonIndent,
        long maxInputBytes,
        int maxAliases,
        int maxDepth,
        int maxNodes,
        boolean keepAnchors) {

    public StoreOptions {
        if (yamlIndent < 2 || yamlIndent > 9) {
            throw new IllegalArgumentException("YAML indent " + yamlIndent + "; expected 2 to 9");
        }
        if (jsonIndent < 0 || jsonIndent > 16) {
            throw new IllegalArgumentException("JSON indent " + jsonIndent + "; expected 0 (tab) to 16");
        }
        if (maxInputBytes < 1 || maxAliases < 0 || maxDepth < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** sops's defaults: YAML indent 4, JSON tab; 256 MiB, 50 aliases to collections (SnakeYAML's default), depth 256, 10 million nodes. */
    public static StoreOptions defaults() {
        return new StoreOptions(4, 0, 256L << 20, 50, 256, 10_000_000, false);
    }

    /** A copy with another YAML indent. */
    public StoreOptions withYamlIndent(int indent) {
        return new StoreOptions(indent, jsonIndent, maxInputBytes, maxAliases, maxDepth, maxNodes, keepAnchors);
    }

    /** A copy with another JSON indent (0 for a tab). */
    public StoreOptions withJsonIndent(int indent) {
        return new StoreOptions(yamlIndent, indent, maxInputBytes, maxAliases, maxDepth, maxNodes, keepAnchors);
    }

    /** A copy with other limits. */
    public StoreOptions withLimits(long maxInputBytes, int maxAliases, int maxDepth, int maxNodes) {
        return new StoreOptions(yamlIndent, jsonIndent, maxInputBytes, maxAliases, maxDepth, maxNodes, keepAnchors);
    }

    /**
     * A copy in which the YAML store keeps anchors ({@code &name}), aliases ({@code *name}) and
     * merge keys ({@code <<: *name}) as they are written, instead of expanding them as sops does
     * (the default). Values under an anchor are encrypted once, at the anchor; aliases are written
     * as aliases and are not part of the MAC. sops cannot read such a file (it computes its MAC
     * over the expanded values): only webgrip-deploy can, with this option on. Every other format,
     * and the conversions to plain values, resolve the aliases (see {@code tree.Anchors}).
     */
    public StoreOptions withKeepAnchors(boolean keep) {
        return new StoreOptions(yamlIndent, jsonIndent, maxInputBytes, maxAliases, maxDepth, maxNodes, keep);
    }
}
