package com.webgrip.deploy.sops.store;

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
}
