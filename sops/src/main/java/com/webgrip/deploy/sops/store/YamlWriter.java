package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.tree.Anchors;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import com.webgrip.deploy.sops.tree.ScalarFormats;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes YAML the way sops 3.13 does through go-yaml v3: block style, the configured indent with
 * levels aligned to multiples of it, sequences indented under their key, a mapping in a sequence
 * item starting after {@code "- "}, empty collections as {@code {}} / {@code []}, no line wrapping,
 * {@code ---} between documents. Comments are placed as sops places them: comments before an item
 * become its head comment, inline comments the value's line comment, trailing ones the last item's
 * foot comment.
 *
 * <p>Anchors and aliases (keep-anchors trees) are written as {@code &name} before the value and
 * {@code *name} in its place; a merge key as a plain {@code <<}.
 */
final class YamlWriter {
    private final int indent;
    private final StringBuilder out = new StringBuilder(1024);

    YamlWriter(int indent) {
        this.indent = indent;
    }

    String write(List<Node.Mapping> documents) {
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            Node.Mapping document = documents.get(i);
            if (document.entries().isEmpty()) {
                for (Node.MapItem item : document.items()) {
                    comment(0, (Comment) item);
                }
                out.append("{}\n");
            } else {
                mapping(document, 0, false);
            }
        }
        return out.toString();
    }

    String writeValue(Node value) {
        if (value instanceof Node.Mapping m) {
            return write(List.of(m));
        }
        if (value instanceof Node.Sequence s && !s.items().isEmpty()) {
            sequence(s, 0, false);
            return out.toString();
        }
        // go-yaml indents a root scalar's block content by the indent (the root has no parent column)
        scalarAfterIndicator(value, indent, 0, List.of());
        out.append('\n');
        return out.toString();
    }

    /** One entry of a mapping with the comments sops attaches to it. */
    private record Item(List<Comment> head, String key, Node value, List<Comment> line) {}

    private void mapping(Node.Mapping mapping, int level, boolean inlineFirst) {
        List<Comment> pendingHead = new ArrayList<>();
        List<Comment> pendingLine = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<Comment> mappingHead = new ArrayList<>();
        for (Node.MapItem item : mapping.items()) {
            if (item instanceof Comment c) {
                (c.inline() ? pendingLine : pendingHead).add(c);
            } else {
                Node.Entry entry = (Node.Entry) item;
                if (items.isEmpty()) {
                    mappingHead.addAll(pendingHead);
                    pendingHead = new ArrayList<>();
                }
                items.add(new Item(pendingHead, entry.key(), entry.value(), pendingLine));
                pendingHead = new ArrayList<>();
                pendingLine = new ArrayList<>();
            }
        }
        pendingHead.addAll(pendingLine);
        boolean first = true;
        for (Comment c : mappingHead) {
            comment(level, c);
            first = false;
        }
        for (Item item : items) {
            if (!(first && inlineFirst)) {
                for (Comment c : item.head) {
                    comment(level, c);
                }
                out.append(" ".repeat(level));
            } else {
                for (Comment c : item.head) {
                    out.append('#').append(c.text()).append('\n').append(" ".repeat(level));
                }
            }
            first = false;
            if (Anchors.isMerge(new Node.Entry(item.key, item.value))) {
                out.append(Anchors.MERGE_KEY);
            } else {
                key(item.key);
            }
            out.append(':');
            value(item.value, level, item.line);
        }
        for (Comment c : pendingHead) {
            comment(level, c);
        }
    }

    private void value(Node value, int level, List<Comment> line) {
        if (value instanceof Node.Anchored a) {
            out.append(" &").append(a.anchor());
            if (isBlockCollection(a.node())) {
                value(a.node(), level, line);
            } else {
                out.append(' ');
                scalarAfterIndicator(a.node(), aligned(level), level, line);
                out.append('\n');
            }
        } else if (value instanceof Node.Mapping m && !m.entries().isEmpty()) {
            lineComments(line);
            out.append('\n');
            mapping(m, aligned(level), false);
        } else if (value instanceof Node.Sequence s && hasNonComment(s)) {
            lineComments(line);
            out.append('\n');
            sequence(s, aligned(level), false);
        } else {
            out.append(' ');
            scalarAfterIndicator(value, aligned(level), level, line);
            out.append('\n');
        }
    }

    private void sequence(Node.Sequence sequence, int level, boolean inlineFirst) {
        List<Comment> pendingHead = new ArrayList<>();
        List<Comment> pendingLine = new ArrayList<>();
        boolean first = true;
        for (Node item : sequence.items()) {
            if (item instanceof Comment c) {
                (c.inline() ? pendingLine : pendingHead).add(c);
                continue;
            }
            for (Comment c : pendingHead) {
                comment(level, c);
            }
            pendingHead = new ArrayList<>();
            if (!(first && inlineFirst)) {
                out.append(" ".repeat(level));
            }
            first = false;
            out.append('-');
            if (item instanceof Node.Anchored a && isBlockCollection(a.node())) {
                // "- &a key: v" would anchor the key, so the collection starts on the next line
                out.append(" &").append(a.anchor()).append('\n');
                if (a.node() instanceof Node.Mapping m) {
                    mapping(m, level + 2, false);
                } else {
                    sequence((Node.Sequence) a.node(), level + 2, false);
                }
            } else if (item instanceof Node.Mapping m && !m.entries().isEmpty()) {
                out.append(' ');
                mapping(m, level + 2, true);
            } else if (item instanceof Node.Sequence s && hasNonComment(s)) {
                out.append(' ');
                sequence(s, level + 2, true);
            } else {
                out.append(' ');
                // go-yaml indents an item's block content only past "- ", not by the indent
                scalarAfterIndicator(item, level + 2, level, pendingLine);
                pendingLine = new ArrayList<>();
                out.append('\n');
            }
        }
        pendingHead.addAll(pendingLine);
        for (Comment c : pendingHead) {
            comment(level, c);
        }
    }

    /** A mapping or sequence written in block style (empty ones are written as {} or []). */
    private static boolean isBlockCollection(Node node) {
        return (node instanceof Node.Mapping m && !m.entries().isEmpty())
                || (node instanceof Node.Sequence s && hasNonComment(s));
    }

    private static boolean hasNonComment(Node.Sequence s) {
        for (Node item : s.items()) {
            if (!(item instanceof Comment)) {
                return true;
            }
        }
        return false;
    }

    private int aligned(int level) {
        return indent * ((level + indent) / indent);
    }

    private void comment(int level, Comment c) {
        out.append(" ".repeat(level)).append('#').append(c.text()).append('\n');
    }

    private void lineComments(List<Comment> line) {
        for (Comment c : line) {
            out.append(" #").append(c.text());
        }
    }

    private void key(String key) {
        string(key, 0, 0, true, List.of());
    }

    /**
     * A scalar (or empty collection) written after {@code ": "} or {@code "- "}.
     *
     * @param blockIndent the column of a block scalar's content lines
     * @param parentColumn the column of the parent collection (its keys, or its dashes), from which
     *     a reader counts a block scalar's indentation indicator
     * @param line the value's line comments: after the scalar, or after a block scalar's header
     */
    private void scalarAfterIndicator(Node value, int blockIndent, int parentColumn, List<Comment> line) {
        if (value instanceof Node.Anchored a) {
            out.append('&').append(a.anchor()).append(' ');
            scalarAfterIndicator(a.node(), blockIndent, parentColumn, line);
            return;
        }
        if (value instanceof Node.Str s) {
            string(s.value(), blockIndent, parentColumn, false, line);
            return;
        }
        if (value instanceof Comment c) {
            string(c.text(), blockIndent, parentColumn, false, line);
            return;
        }
        if (value instanceof Node.Alias a) {
            out.append('*').append(a.anchor());
        } else if (value instanceof Node.Int i) {
            out.append(i.value());
        } else if (value instanceof Node.Flt f) {
            out.append(yamlFloat(f.value()));
        } else if (value instanceof Node.Bool b) {
            out.append(b.value());
        } else if (value instanceof Node.Time t) {
            out.append(t.value().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else if (value instanceof Node.Bytes b) {
            out.append("!!binary ").append(Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof Node.Mapping) {
            out.append("{}");
        } else if (value instanceof Node.Sequence) {
            out.append("[]");
        } else {
            out.append("null");
        }
        lineComments(line);
    }

    static String yamlFloat(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        return ScalarFormats.goFloatG(value, false);
    }

    private void string(String s, int blockIndent, int parentColumn, boolean simpleKey, List<Comment> line) {
        switch (YamlScalarStyle.choose(s, simpleKey)) {
            case PLAIN -> out.append(s);
            case SINGLE_QUOTED -> out.append('\'').append(s.replace("'", "''")).append('\'');
            case DOUBLE_QUOTED -> doubleQuoted(s);
            case LITERAL -> {
                literal(s, blockIndent, parentColumn, line);
                return;
            }
        }
        lineComments(line);
    }

    /**
     * A literal block scalar. Text that starts with a space or a line break needs an indentation
     * indicator; YAML (1.2, 8.1.1.1) counts it from the parent collection's column. go-yaml v3.0.4
     * (sops 3.13) always writes its indent there, but puts an item's content only 2 columns past
     * the dash, and a value in a mapping held by a list item on the next multiple of the indent, so
     * in a list its indicator disagrees with its content and no reader (go-yaml included) can read
     * the file back (go-yaml/yaml#643, yaml/go-yaml#76 and #399, open). We keep go-yaml's content
     * columns and write the indicator that matches them: the same bytes wherever go-yaml's output
     * is valid, one digit different where it is not.
     */
    private void literal(String s, int blockIndent, int parentColumn, List<Comment> line) {
        out.append('|');
        if (s.charAt(0) == ' ' || YamlScalarStyle.isBreak(s.charAt(0))) {
            out.append(blockIndent - parentColumn);
        }
        int last = s.length() - 1;
        if (!YamlScalarStyle.isBreak(s.charAt(last))) {
            out.append('-');
        } else if (last == 0 || YamlScalarStyle.isBreak(s.charAt(last - 1))) {
            out.append('+');
        }
        // after the content a comment would be text of the value; go-yaml puts it on the header
        lineComments(line);
        out.append('\n');
        String pad = " ".repeat(blockIndent);
        boolean lineStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.append('\n');
                lineStart = true;
            } else {
                if (lineStart) {
                    out.append(pad);
                    lineStart = false;
                }
                out.append(c);
            }
        }
        if (!lineStart) {
            // the value did not end with a line break ("|-"): the line still needs ending
            return;
        }
        // the value's final break was written; remove it, the caller ends the line
        out.setLength(out.length() - 1);
    }

    private void doubleQuoted(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (!YamlScalarStyle.isPrintable(c) || c == 0xFEFF || YamlScalarStyle.isBreak(c) || c == '"' || c == '\\') {
                out.append('\\');
                switch (c) {
                    case 0 -> out.append('0');
                    case 7 -> out.append('a');
                    case 8 -> out.append('b');
                    case 9 -> out.append('t');
                    case 0xA -> out.append('n');
                    case 0xB -> out.append('v');
                    case 0xC -> out.append('f');
                    case 0xD -> out.append('r');
                    case 0x1B -> out.append('e');
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case 0x85 -> out.append('N');
                    case 0xA0 -> out.append('_');
                    case 0x2028 -> out.append('L');
                    case 0x2029 -> out.append('P');
                    default -> {
                        if (c <= 0xFF) {
                            out.append('x').append(String.format("%02X", c));
                        } else if (c <= 0xFFFF) {
                            out.append('u').append(String.format("%04X", c));
                        } else {
                            out.append('U').append(String.format("%08X", c));
                        }
                    }
                }
            } else {
                out.appendCodePoint(c);
            }
        }
        out.append('"');
    }
}
