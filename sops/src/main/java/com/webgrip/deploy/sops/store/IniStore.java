package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sops's INI store (go-ini semantics): a tree of section name → key → string, the implicit
 * {@code DEFAULT} section first; a comment before a section header is the section's first item,
 * a comment before a key becomes an item after that key's predecessor as sops reads it (the key's
 * comment, kept right after the key). Values in {@code """…"""} may span lines; {@code `…`} and
 * {@code "…"} quotes are removed. Written as go-ini's pretty format ({@code =} aligned per section,
 * a blank line after each section); metadata is the {@code [sops]} section, flattened, newlines
 * escaped as {@code \n}.
 */
final class IniStore implements Store {
    private static final String DEFAULT_SECTION = "DEFAULT";
    private final StoreOptions options;

    IniStore(StoreOptions options) {
        this.options = options;
    }

    @Override
    public Format format() {
        return Format.INI;
    }

    @Override
    public MetadataLayout metadataLayout() {
        return MetadataLayout.FLATTENED_SECTION;
    }

    @Override
    public boolean escapesMetadataNewlines() {
        return true;
    }

    @Override
    public List<Node.Mapping> loadPlain(byte[] content, String source) throws SopsFormatException {
        InputLimit.check(content, source, options);
        String[] lines = new String(content, StandardCharsets.UTF_8)
                .replace("\r\n", "\n")
                .split("\n", -1);
        Map<String, List<Node.MapItem>> sections = new LinkedHashMap<>();
        sections.put(DEFAULT_SECTION, new ArrayList<>());
        List<Node.MapItem> current = sections.get(DEFAULT_SECTION);
        List<String> pendingComments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith(";") || line.startsWith("#")) {
                pendingComments.add(stripCommentChar(line));
                continue;
            }
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                if (end < 0) {
                    throw new SopsFormatException(source + ": line " + (i + 1) + ": unclosed section header");
                }
                String name = line.substring(1, end).strip();
                current = sections.computeIfAbsent(name, n -> new ArrayList<>());
                if (!pendingComments.isEmpty()) {
                    current.add(Comment.of(String.join("\n", pendingComments)));
                    pendingComments.clear();
                }
                continue;
            }
            int eq = indexOfSeparator(line);
            if (eq < 0) {
                throw new SopsFormatException(
                        source + ": line " + (i + 1) + " is neither a section, a comment nor key = value");
            }
            String key = unquote(line.substring(0, eq).strip());
            String raw = line.substring(eq + 1).strip();
            String value;
            if (raw.startsWith("\"\"\"")) {
                StringBuilder multi = new StringBuilder(raw.substring(3));
                while (multi.indexOf("\"\"\"") < 0) {
                    if (++i >= lines.length) {
                        throw new SopsFormatException(
                                source + ": a \"\"\" value of key \"" + key + "\" is never closed");
                    }
                    multi.append('\n').append(lines[i]);
                }
                value = multi.substring(0, multi.indexOf("\"\"\""));
            } else {
                value = unquote(raw);
            }
            current.add(new Node.Entry(key, new Node.Str(value)));
            if (!pendingComments.isEmpty()) {
                current.add(Comment.of(String.join("\n", pendingComments)));
                pendingComments.clear();
            }
        }
        List<Node.MapItem> items = new ArrayList<>();
        sections.forEach((name, sectionItems) -> items.add(new Node.Entry(name, new Node.Mapping(sectionItems))));
        return List.of(new Node.Mapping(items));
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("`") && s.endsWith("`")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String stripCommentChar(String comment) {
        if (comment.startsWith(";")) {
            return comment.replaceFirst("^[; ]+", "");
        }
        return comment.replaceFirst("^[# ]+", "");
    }

    @Override
    public byte[] emitPlain(List<Node.Mapping> plain) throws SopsFormatException {
        List<Node.Mapping> documents = Stores.resolved(plain, options);
        StringBuilder out = new StringBuilder();
        for (Node.Mapping document : documents) {
            for (Node.Entry section : document.entries()) {
                if (!(section.value() instanceof Node.Mapping items)) {
                    throw new SopsFormatException("INI value at \"" + section.key()
                            + "\" is not a section; every top-level INI value must be a section of keys");
                }
                section(out, section.key(), items);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void section(StringBuilder out, String name, Node.Mapping items) throws SopsFormatException {
        if (out.length() > 0 && !(name.equals(DEFAULT_SECTION) && items.items().isEmpty())) {
            out.append('\n');
        }
        List<Node.MapItem> list = items.items();
        int first = 0;
        String sectionComment = null;
        if (!list.isEmpty() && list.get(0) instanceof Comment c) {
            sectionComment = c.text();
            first = 1;
        }
        // go-ini keeps one comment per key: a comment item after a key becomes that key's comment
        List<String[]> keys = new ArrayList<>();
        for (int i = first; i < list.size(); i++) {
            Node.MapItem item = list.get(i);
            if (item instanceof Comment c) {
                if (!keys.isEmpty()) {
                    keys.get(keys.size() - 1)[2] = c.text();
                }
                continue;
            }
            Node.Entry entry = (Node.Entry) item;
            if (entry.value() instanceof Node.Mapping || entry.value() instanceof Node.Sequence) {
                throw new SopsFormatException(
                        "INI cannot hold the nested value at \"" + name + ":" + entry.key() + "\"");
            }
            keys.add(new String[] {entry.key(), DotenvStore.valueText(entry.value()), null});
        }
        if (name.equals(DEFAULT_SECTION) && keys.isEmpty() && sectionComment == null) {
            return;
        }
        if (sectionComment != null) {
            comment(out, sectionComment);
        }
        if (!name.equals(DEFAULT_SECTION)) {
            out.append('[').append(name).append("]\n");
        }
        int width = 0;
        for (String[] key : keys) {
            width = Math.max(width, quoteKey(key[0]).length());
        }
        for (String[] key : keys) {
            if (key[2] != null) {
                comment(out, key[2]);
            }
            String k = quoteKey(key[0]);
            out.append(k)
                    .append(" ".repeat(width - k.length()))
                    .append(" = ")
                    .append(quoteValue(key[1]))
                    .append('\n');
        }
    }

    private static void comment(StringBuilder out, String text) {
        for (String line : text.split("\n", -1)) {
            out.append(line.startsWith(";") || line.startsWith("#") ? line : "; " + line)
                    .append('\n');
        }
    }

    private static String quoteKey(String key) {
        if (key.contains("=") || key.contains(":")) {
            return "`" + key + "`";
        }
        return key;
    }

    private static String quoteValue(String value) {
        if (value.contains("\n")) {
            return "\"\"\"" + value + "\"\"\"";
        }
        if (!value.isEmpty()
                && (value.contains(";") || value.contains("#") || value.startsWith(" ") || value.endsWith(" "))) {
            return "`" + value + "`";
        }
        return value;
    }

    @Override
    public byte[] emitValue(Node plain) throws SopsFormatException {
        Node value = Stores.resolved(plain, options);
        if (value instanceof Node.Mapping m) {
            return emitPlain(List.of(m));
        }
        return DotenvStore.valueText(value).getBytes(StandardCharsets.UTF_8);
    }
}
