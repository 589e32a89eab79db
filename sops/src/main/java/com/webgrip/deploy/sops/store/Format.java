package com.webgrip.deploy.sops.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats sops reads and writes, plus TOML (ours; sops has no TOML store). */
public enum Format {
    YAML("yaml"),
    JSON("json"),
    DOTENV("dotenv"),
    INI("ini"),
    BINARY("binary"),
    TOML("toml");

    private final String flagName;

    Format(String flagName) {
        this.flagName = flagName;
    }

    /** The name used by {@code --input-type} and {@code --output-type}. */
    public String flagName() {
        return flagName;
    }

    /**
     * The format of a file by its name, as sops chooses it: {@code .yaml}/{@code .yml},
     * {@code .json}, {@code .env}, {@code .ini} ({@code .toml} is ours); anything else is binary.
     */
    public static Format forPath(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        } else if (lower.endsWith(".json")) {
            return JSON;
        } else if (lower.endsWith(".env")) {
            return DOTENV;
        } else if (lower.endsWith(".ini")) {
            return INI;
        } else if (lower.endsWith(".toml")) {
            return TOML;
        }
        return BINARY;
    }

    /** The format named by a flag value ({@code yaml}, {@code json}, …), if it is one. */
    public static Optional<Format> forFlag(String name) {
        for (Format format : values()) {
            if (format.flagName.equalsIgnoreCase(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
