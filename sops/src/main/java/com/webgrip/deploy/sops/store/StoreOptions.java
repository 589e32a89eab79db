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
 */
public record StoreOptions(
        int yamlIndent, int jsonIndent, long maxInputBytes, int maxAliases, int maxDepth, int maxNodes) {

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
        return new StoreOptions(4, 0, 256L << 20, 50, 256, 10_000_000);
    }

    /** A copy with another YAML indent. */
    public StoreOptions withYamlIndent(int indent) {
        return new StoreOptions(indent, jsonIndent, maxInputBytes, maxAliases, maxDepth, maxNodes);
    }

    /** A copy with another JSON indent (0 for a tab). */
    public StoreOptions withJsonIndent(int indent) {
        return new StoreOptions(yamlIndent, indent, maxInputBytes, maxAliases, maxDepth, maxNodes);
    }

    /** A copy with other limits. */
    public StoreOptions withLimits(long maxInputBytes, int maxAliases, int maxDepth, int maxNodes) {
        return new StoreOptions(yamlIndent, jsonIndent, maxInputBytes, maxAliases, maxDepth, maxNodes);
    }
}
