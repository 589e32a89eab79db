package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Node;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code sops} metadata mapping, read leniently (any order, empty lists, nulls, strings for
 * numbers and bools, as sops's weakly typed decoding) and written as sops 3.13 writes it: keys
 * sorted at every level, empty key lists and empty optional fields left out, a single key group
 * written at the top level and {@code key_groups} only for two or more.
 */
final class MetadataCodec {
    /** The key types sops knows, in the order it lists them inside a group. */
    static final List<String> KNOWN_TYPES = List.of("kms", "gcp_kms", "hckms", "azure_kv", "hc_vault", "pgp", "age");

    private static final Map<String, List<String>> FIELDS = Map.of(
            "kms", List.of("arn", "aws_profile", "context", "created_at", "enc", "role"),
            "gcp_kms", List.of("created_at", "enc", "resource_id"),
            "hckms", List.of("created_at", "enc", "key_id"),
            "azure_kv", List.of("created_at", "enc", "name", "vault_url", "version"),
            "hc_vault", List.of("created_at", "enc", "engine_path", "key_name", "vault_address"),
            "pgp", List.of("created_at", "enc", "fp"),
            "age", List.of("enc", "recipient"));

    private MetadataCodec() {}

    static Metadata read(Node.Mapping sops, String source, Collection<String> extraTypes) throws SopsFormatException {
        String lastModifiedText = text(sops, "lastmodified", source);
        OffsetDateTime lastModified;
        try {
            lastModified = OffsetDateTime.parse(lastModifiedText);
        } catch (DateTimeParseException e) {
            throw new SopsFormatException(source + ": sops.lastmodified is \"" + lastModifiedText
                    + "\"; expected an RFC 3339 time such as 2024-01-31T12:00:00Z");
        }
        List<String> types = new ArrayList<>(KNOWN_TYPES);
        extraTypes.stream().filter(t -> !types.contains(t)).forEach(types::add);
        List<KeyGroup> groups = new ArrayList<>();
        KeyGroup top = group(sops, types, source, "sops");
        if (!top.keys().isEmpty()) {
            groups.add(top);
        } else {
            Node groupsNode = sops.get("key_groups").orElse(Node.Null.INSTANCE);
            if (groupsNode instanceof Node.Sequence seq) {
                int index = 0;
                for (Node item : seq.items()) {
                    if (item instanceof Node.Mapping m) {
                        groups.add(group(m, types, source, "sops.key_groups[" + index + "]"));
                        index++;
                    }
                }
            }
        }
        if (groups.isEmpty()) {
            throw new SopsFormatException(
                    source + ": no keys found in the sops metadata (no age, pgp, kms, ... entry)");
        }
        EncryptionRule rule = null;
        for (EncryptionRule.Kind kind : EncryptionRule.Kind.values()) {
            String value = optionalText(sops, kind.key());
            if (!value.isEmpty()) {
                if (rule != null) {
                    throw new SopsFormatException(
                            source + ": sops metadata has both " + rule.kind().key() + " and " + kind.key()
                                    + "; expected at most one of the six encryption rules");
                }
                try {
                    rule = new EncryptionRule(kind, value);
                } catch (IllegalArgumentException e) {
                    throw new SopsFormatException(source + ": sops." + kind.key() + ": " + e.getMessage());
                }
            }
        }
        int threshold = integer(sops, "shamir_threshold", source);
        boolean macOnly = bool(sops, "mac_only_encrypted", source);
        return new Metadata(
                groups,
                threshold,
                lastModified,
                optionalText(sops, "mac"),
                rule == null ? EncryptionRule.DEFAULT : rule,
                macOnly,
                optionalText(sops, "version"));
    }

    private static KeyGroup group(Node.Mapping m, List<String> types, String source, String where)
            throws SopsFormatException {
        List<MasterKey> keys = new ArrayList<>();
        for (String type : types) {
            Node list = m.get(type).orElse(Node.Null.INSTANCE);
            if (list instanceof Node.Null) {
                continue;
            }
            if (!(list instanceof Node.Sequence seq)) {
                throw new SopsFormatException(source + ": " + where + "." + type + " is not a list");
            }
            int index = 0;
            for (Node item : seq.items()) {
                if (!(item instanceof Node.Mapping entry)) {
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                for (Node.Entry field : entry.entries()) {
                    Object value =
                            field.value() instanceof Node.Mapping ctx ? contextMap(ctx) : scalarText(field.value());
                    if (value != null) {
                        fields.put(field.key(), value);
                    }
                }
                if (!type.equals("age") && fields.containsKey("created_at")) {
                    try {
                        OffsetDateTime.parse(fields.get("created_at").toString());
                    } catch (DateTimeParseException e) {
                        throw new SopsFormatException(source + ": " + where + "." + type + "[" + index
                                + "].created_at is \"" + fields.get("created_at") + "\"; expected an RFC 3339 time");
                    }
                }
                keys.add(new MasterKey(type, fields));
                index++;
            }
        }
        return new KeyGroup(keys);
    }

    private static Map<String, String> contextMap(Node.Mapping ctx) {
        Map<String, String> map = new TreeMap<>();
        for (Node.Entry e : ctx.entries()) {
            String v = scalarText(e.value());
            map.put(e.key(), v == null ? "" : v);
        }
        return map;
    }

    /** The text of a scalar as Go's weak decoding gives it; null for null and collections. */
    static String scalarText(Node node) {
        if (node instanceof Node.Str s) {
            return s.value();
        } else if (node instanceof Node.Int i) {
            return Long.toString(i.value());
        } else if (node instanceof Node.Flt f) {
            return com.webgrip.deploy.sops.tree.ScalarFormats.goFloatG(f.value(), false);
        } else if (node instanceof Node.Bool b) {
            return b.value() ? "1" : "0";
        } else if (node instanceof Node.Time t) {
            return Metadata.formatRfc3339(t.value());
        }
        return null;
    }

    private static String text(Node.Mapping m, String key, String source) throws SopsFormatException {
        String value = optionalText(m, key);
        if (value.isEmpty()) {
            throw new SopsFormatException(source + ": sops." + key + " is missing; expected an RFC 3339 time");
        }
        return value;
    }

    private static String optionalText(Node.Mapping m, String key) {
        String value = scalarText(m.get(key).orElse(Node.Null.INSTANCE));
        return value == null ? "" : value;
    }

    private static int integer(Node.Mapping m, String key, String source) throws SopsFormatException {
        Node node = m.get(key).orElse(Node.Null.INSTANCE);
        if (node instanceof Node.Null) {
            return 0;
        }
        String text = scalarText(node);
        try {
            return text == null || text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SopsFormatException(source + ": sops." + key + " is \"" + text + "\"; expected an integer");
        }
    }

    private static boolean bool(Node.Mapping m, String key, String source) throws SopsFormatException {
        Node node = m.get(key).orElse(Node.Null.INSTANCE);
        if (node instanceof Node.Bool b) {
            return b.value();
        }
        if (node instanceof Node.Null) {
            return false;
        }
        String text = scalarText(node);
        if (text == null || text.isEmpty()) {
            return false;
        }
        return switch (text) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default ->
                throw new SopsFormatException(
                        source + ": sops." + key + " is \"" + text + "\"; expected true or false");
        };
    }

    /** The metadata as sops 3.13 writes it: sorted keys, empty entries left out. */
    static Node.Mapping write(Metadata metadata) {
        TreeMap<String, Node> top = new TreeMap<>();
        if (metadata.shamirThreshold() != 0) {
            top.put("shamir_threshold", new Node.Int(metadata.shamirThreshold()));
        }
        if (metadata.keyGroups().size() == 1) {
            putGroup(top, metadata.keyGroups().get(0), false);
        } else {
            List<Node> groups = new ArrayList<>();
            for (KeyGroup group : metadata.keyGroups()) {
                TreeMap<String, Node> g = new TreeMap<>();
                putGroup(g, group, true);
                groups.add(sorted(g));
            }
            if (!groups.isEmpty()) {
                top.put("key_groups", new Node.Sequence(groups));
            }
        }
        top.put("lastmodified", new Node.Str(metadata.lastModifiedText()));
        top.put("mac", new Node.Str(metadata.mac()));
        top.put(metadata.rule().kind().key(), new Node.Str(metadata.rule().value()));
        if (metadata.macOnlyEncrypted()) {
            top.put("mac_only_encrypted", new Node.Bool(true));
        }
        top.put("version", new Node.Str(metadata.version()));
        return sorted(top);
    }

    /** Inside key_groups, sops always writes {@code age} and {@code hc_vault} (their tags lack omitempty). */
    private static void putGroup(Map<String, Node> target, KeyGroup group, boolean insideKeyGroups) {
        Map<String, List<Node>> byType = new LinkedHashMap<>();
        if (insideKeyGroups) {
            byType.put("age", new ArrayList<>());
            byType.put("hc_vault", new ArrayList<>());
        }
        for (MasterKey key : group.keys()) {
            byType.computeIfAbsent(key.type(), t -> new ArrayList<>()).add(keyEntry(key));
        }
        byType.forEach((type, list) -> target.put(type, new Node.Sequence(list)));
    }

    private static Node keyEntry(MasterKey key) {
        TreeMap<String, Node> fields = new TreeMap<>();
        List<String> known = FIELDS.get(key.type());
        Set<String> optional = Set.of("role", "context");
        key.fields().forEach((name, value) -> {
            if (known != null && !known.contains(name)) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                if (!map.isEmpty()) {
                    TreeMap<String, Node> ctx = new TreeMap<>();
                    map.forEach((k, v) -> ctx.put(k.toString(), new Node.Str(String.valueOf(v))));
                    fields.put(name, sorted(ctx));
                }
            } else if (!(optional.contains(name) && value.toString().isEmpty())) {
                fields.put(name, new Node.Str(value.toString()));
            }
        });
        if (known != null) {
            for (String name : known) {
                if (!optional.contains(name)) {
                    fields.putIfAbsent(name, new Node.Str(""));
                }
            }
        }
        return sorted(fields);
    }

    private static Node.Mapping sorted(Map<String, Node> map) {
        List<Node.MapItem> items = new ArrayList<>(map.size());
        new TreeMap<>(map).forEach((k, v) -> items.add(new Node.Entry(k, v)));
        return new Node.Mapping(items);
    }
}
