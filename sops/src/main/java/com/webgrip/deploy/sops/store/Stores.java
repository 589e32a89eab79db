package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Anchors;
import com.webgrip.deploy.sops.tree.Node;
import java.util.List;

/** The store of each format. */
public final class Stores {
    private Stores() {}

    /** The store for a format with the given options. */
    public static Store forFormat(Format format, StoreOptions options) {
        return switch (format) {
            case YAML -> new YamlStore(options);
            case JSON -> new JsonStore(options);
            case DOTENV -> new DotenvStore(options);
            case INI -> new IniStore(options);
            case BINARY -> new BinaryStore(options);
            case TOML -> new TomlStore(options);
        };
    }

    /** The documents with their aliases resolved (keep-anchors trees reaching a store that cannot keep them). */
    static List<Node.Mapping> resolved(List<Node.Mapping> documents, StoreOptions options) throws SopsFormatException {
        try {
            return Anchors.resolve(documents, options.maxNodes());
        } catch (IllegalArgumentException e) {
            throw new SopsFormatException("cannot resolve the YAML aliases: " + e.getMessage());
        }
    }

    /** One value with the aliases inside it resolved. */
    static Node resolved(Node value, StoreOptions options) throws SopsFormatException {
        try {
            return Anchors.resolveValue(value, options.maxNodes());
        } catch (IllegalArgumentException e) {
            throw new SopsFormatException("cannot resolve the YAML aliases: " + e.getMessage());
        }
    }
}
