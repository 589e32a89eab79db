package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import com.webgrip.deploy.sops.tree.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code .sops.yaml}, read as sops 3.13 reads it: {@code creation_rules} (the first whose
 * {@code path_regex} matches wins), and {@code stores} indentation. Keys sops knows but this
 * library does not act on ({@code destination_rules}, {@code aws_profile}, …) and unknown keys
 * (e.g. the misspelt {@code path_regexp}) are warnings, as sops ignores them, or errors in strict
 * mode. Immutable.
 */
public final class SopsConfig {
    /** The file name sops looks for. */
    public static final String FILE_NAME = ".sops.yaml";

    private static final Set<String> TOP_KEYS = Set.of("creation_rules", "destination_rules", "stores");
    private static final Set<String> IGNORED_TOP_KEYS = Set.of("destination_rules");
    private static final Set<String> RULE_KEYS = Set.of(
            "path_regex",
            "kms",
            "aws_profile",
            "age",
            "pgp",
            "gcp_kms",
            "hckms",
            "azure_keyvault",
            "hc_vault_transit_uri",
            "key_groups",
            "shamir_threshold",
            "unencrypted_suffix",
            "encrypted_suffix",
            "unencrypted_regex",
            "encrypted_regex",
            "unencrypted_comment_regex",
            "encrypted_comment_regex",
            "mac_only_encrypted");
    private static final Set<String> GROUP_KEYS =
            Set.of("merge", "kms", "gcp_kms", "hckms", "azure_keyvault", "hc_vault", "age", "pgp");

    private final Path file;
    private final List<CreationRule> rules;
    private final List<String> warnings;
    private final StoreOptions storeOptions;

    private SopsConfig(Path file, List<CreationRule> rules, List<String> warnings, StoreOptions storeOptions) {
        this.file = file;
        this.rules = List.copyOf(rules);
        this.warnings = List.copyOf(warnings);
        this.storeOptions = storeOptions;
    }

    /**
     * Finds {@code .sops.yaml} as sops does: in {@code start} and then each parent, up to 100
     * levels. A {@code .sops.yml} is not read (sops warns about it); it is reported in
     * {@code ignored}.
     */
    public static Optional<Path> find(Path start, List<String> ignored) {
        Path dir = start.toAbsolutePath().normalize();
        for (int i = 0; i < 100 && dir != null; i++) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            Path yml = dir.resolve(".sops.yml");
            if (Files.isRegularFile(yml)) {
                ignored.add(yml + ": ignored; sops reads only " + FILE_NAME);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /**
     * Reads a config file.
     *
     * @param strict whether unknown or unsupported keys are errors rather than warnings
     */
    public static SopsConfig load(Path file, boolean strict) throws SopsConfigException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SopsConfigException("could not read " + file + ": " + e.getMessage(), e);
        }
        return parse(content, file, strict);
    }

    /** Parses config content; {@code file} locates it (rules match paths relative to its folder). */
    public static SopsConfig parse(byte[] content, Path file, boolean strict) throws SopsConfigException {
        String source = file.toString();
        List<Node.Mapping> documents;
        try {
            documents = Stores.forFormat(Format.YAML, StoreOptions.defaults()).loadPlain(content, source);
        } catch (SopsFormatException e) {
            throw new SopsConfigException(e.getMessage(), e);
        }
        Node.Mapping root = documents.isEmpty() ? Node.Mapping.EMPTY : documents.get(0);
        List<String> warnings = new ArrayList<>();
        unknownKeys(root, TOP_KEYS, source, "", warnings);
        for (String ignored : IGNORED_TOP_KEYS) {
            if (root.get(ignored).isPresent()) {
                warnings.add(source + ": " + ignored + " is not supported by this library and is ignored");
            }
        }
        List<CreationRule> rules = new ArrayList<>();
        Node rulesNode = root.get("creation_rules").orElse(Node.Null.INSTANCE);
        if (rulesNode instanceof Node.Sequence seq) {
            int index = 0;
            for (Node item : seq.items()) {
                if (item instanceof Node.Mapping rule) {
                    rules.add(rule(rule, source, "creation_rules[" + index + "]", warnings));
                    index++;
                }
            }
        } else if (!(rulesNode instanceof Node.Null)) {
            throw new SopsConfigException(source + ": creation_rules is not a list");
        }
        StoreOptions options = StoreOptions.defaults();
        if (root.get("stores").orElse(null) instanceof Node.Mapping stores) {
            int yamlIndent = indent(stores, "yaml", source);
            int jsonIndent = indent(stores, "json", source);
            if (yamlIndent > 0) {
                options = options.withYamlIndent(yamlIndent);
            }
            if (jsonIndent > 0) {
                options = options.withJsonIndent(jsonIndent);
            }
        }
        if (strict && !warnings.isEmpty()) {
            throw new SopsConfigException("strict mode: " + String.join("; ", warnings));
        }
        return new SopsConfig(file.toAbsolutePath().normalize(), rules, warnings, options);
    }

    private static int indent(Node.Mapping stores, String name, String source) throws SopsConfigException {
        if (stores.get(name).orElse(null) instanceof Node.Mapping store
                && store.get("indent").orElse(null) instanceof Node.Int i) {
            if (i.value() < 0 || i.value() > 9) {
                throw new SopsConfigException(
                        source + ": stores." + name + ".indent is " + i.value() + "; expected 0 to 9");
            }
            return (int) i.value();
        }
        return 0;
    }

    private static CreationRule rule(Node.Mapping rule, String source, String where, List<String> warnings)
            throws SopsConfigException {
        unknownKeys(rule, RULE_KEYS, source, where + ".", warnings);
        for (String unsupported : List.of("aws_profile")) {
            if (rule.get(unsupported).isPresent()) {
                warnings.add(
                        source + ": " + where + "." + unsupported + " is not supported by this library and is ignored");
            }
        }
        String pathRegex = text(rule, "path_regex");
        if (!pathRegex.isEmpty()) {
            try {
                GoRegex.compile(pathRegex);
            } catch (IllegalArgumentException e) {
                throw new SopsConfigException(source + ": " + where + ".path_regex: " + e.getMessage());
            }
        }
        List<List<KeyRecipient>> groups = new ArrayList<>();
        Node keyGroups = rule.get("key_groups").orElse(Node.Null.INSTANCE);
        if (keyGroups instanceof Node.Sequence seq && !seq.items().isEmpty()) {
            int index = 0;
            for (Node g : seq.items()) {
                if (g instanceof Node.Mapping group) {
                    Set<KeyRecipient> keys = new LinkedHashSet<>();
                    groupKeys(group, source, where + ".key_groups[" + index + "]", warnings, keys, 0);
                    groups.add(new ArrayList<>(keys));
                    index++;
                }
            }
        } else {
            Set<KeyRecipient> keys = new LinkedHashSet<>();
            addList(keys, "kms", rule.get("kms").orElse(null), true);
            addList(keys, "gcp_kms", rule.get("gcp_kms").orElse(null), true);
            addList(keys, "hckms", rule.get("hckms").orElse(null), true);
            addList(keys, "azure_kv", rule.get("azure_keyvault").orElse(null), true);
            addList(keys, "hc_vault", rule.get("hc_vault_transit_uri").orElse(null), true);
            addList(keys, "pgp", rule.get("pgp").orElse(null), true);
            addList(keys, "age", rule.get("age").orElse(null), true);
            if (!keys.isEmpty()) {
                groups.add(new ArrayList<>(keys));
            }
        }
        EncryptionRule encryption = null;
        for (EncryptionRule.Kind kind : EncryptionRule.Kind.values()) {
            String value = text(rule, kind.key());
            if (!value.isEmpty()) {
                if (encryption != null) {
                    throw new SopsConfigException(source + ": " + where + " has both "
                            + encryption.kind().key() + " and " + kind.key()
                            + "; expected at most one of the six encryption rules");
                }
                try {
                    encryption = EncryptionRule.of(kind, value);
                } catch (IllegalArgumentException e) {
                    throw new SopsConfigException(source + ": " + where + "." + kind.key() + ": " + e.getMessage());
                }
            }
        }
        int threshold = rule.get("shamir_threshold").orElse(null) instanceof Node.Int i ? (int) i.value() : 0;
        boolean macOnly = rule.get("mac_only_encrypted").orElse(null) instanceof Node.Bool b && b.value();
        return new CreationRule(
                pathRegex, groups, threshold, encryption == null ? EncryptionRule.DEFAULT : encryption, macOnly);
    }

    private static void groupKeys(
            Node.Mapping group, String source, String where, List<String> warnings, Set<KeyRecipient> keys, int depth)
            throws SopsConfigException {
        if (depth > 16) {
            throw new SopsConfigException(source + ": " + where + ": merge nested too deeply");
        }
        unknownKeys(group, GROUP_KEYS, source, where + ".", warnings);
        if (group.get("merge").orElse(null) instanceof Node.Sequence merge) {
            for (Node m : merge.items()) {
                if (m instanceof Node.Mapping inner) {
                    groupKeys(inner, source, where + ".merge", warnings, keys, depth + 1);
                }
            }
        }
        addObjects(keys, "kms", group.get("kms").orElse(null), "arn");
        addObjects(keys, "gcp_kms", group.get("gcp_kms").orElse(null), "resource_id");
        addObjects(keys, "hckms", group.get("hckms").orElse(null), "key_id");
        addObjects(keys, "azure_kv", group.get("azure_keyvault").orElse(null), "vaultUrl");
        addList(keys, "hc_vault", group.get("hc_vault").orElse(null), false);
        addList(keys, "pgp", group.get("pgp").orElse(null), false);
        addList(keys, "age", group.get("age").orElse(null), false);
    }

    /** A comma-separated string or a list of strings. */
    private static void addList(Set<KeyRecipient> keys, String type, Node node, boolean commaSeparated) {
        if (node instanceof Node.Str s) {
            for (String part : commaSeparated ? s.value().split(",", -1) : new String[] {s.value()}) {
                if (!part.isBlank()) {
                    keys.add(new KeyRecipient(type, part.strip()));
                }
            }
        } else if (node instanceof Node.Sequence seq) {
            for (Node item : seq.items()) {
                if (item instanceof Node.Str s && !s.value().isBlank()) {
                    keys.add(new KeyRecipient(type, s.value().strip()));
                }
            }
        }
    }

    private static void addObjects(Set<KeyRecipient> keys, String type, Node node, String idField) {
        if (node instanceof Node.Sequence seq) {
            for (Node item : seq.items()) {
                if (item instanceof Node.Mapping m && m.get(idField).orElse(null) instanceof Node.Str s) {
                    keys.add(new KeyRecipient(type, s.value()));
                }
            }
        }
    }

    private static void unknownKeys(
            Node.Mapping m, Set<String> known, String source, String prefix, List<String> warnings) {
        for (Node.Entry e : m.entries()) {
            if (!known.contains(e.key())) {
                warnings.add(source + ": unknown key " + prefix + e.key() + " is ignored (as sops ignores it)");
            }
        }
    }

    private static String text(Node.Mapping m, String key) {
        Node node = m.get(key).orElse(Node.Null.INSTANCE);
        String text = MetadataCodec.scalarText(node);
        return text == null ? "" : text;
    }

    /** The config file, absolute. */
    public Path file() {
        return file;
    }

    /** The creation rules in order. */
    public List<CreationRule> creationRules() {
        return rules;
    }

    /** Warnings about keys that were ignored. */
    public List<String> warnings() {
        return warnings;
    }

    /** Store options from {@code stores} (indentation). */
    public StoreOptions storeOptions() {
        return storeOptions;
    }

    /**
     * The first creation rule whose {@code path_regex} matches the file's path relative to the
     * config file's folder (sops strips the folder and separator from the absolute path).
     *
     * @throws SopsConfigException "no matching creation rules found" when none matches
     */
    public CreationRule ruleFor(Path target) throws SopsConfigException {
        String absolute = target.toAbsolutePath().normalize().toString();
        Path dir = file.getParent();
        String prefix = dir == null ? "" : dir.toString() + java.io.File.separator;
        String relative = absolute.startsWith(prefix) ? absolute.substring(prefix.length()) : absolute;
        for (CreationRule rule : rules) {
            if (rule.pathRegex().isEmpty() || GoRegex.find(rule.pathRegex(), relative)) {
                return rule;
            }
        }
        throw new SopsConfigException(file + ": no matching creation rules found for " + relative);
    }
}
