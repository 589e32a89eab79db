package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import com.webgrip.deploy.sops.tree.ScalarFormats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * sops's dotenv store: one {@code KEY=value} per line, split at the first {@code =} with no
 * trimming and no quoting, {@code \n} in values standing for a newline, {@code #} lines as
 * comments; metadata as flattened {@code sops_} keys.
 */
final class DotenvStore implements Store {
    private final StoreOptions options;

    DotenvStore(StoreOptions options) {
        this.options = options;
    }

    @Override
    public Format format() {
        return Format.DOTENV;
    }

    @Override
    public MetadataLayout metadataLayout() {
        return MetadataLayout.FLATTENED_PREFIXED;
    }

    @Override
    public List<Node.Mapping> loadPlain(byte[] content, String source) throws SopsFormatException {
        InputLimit.check(content, source, options);
        String text = new String(content, StandardCharsets.UTF_8);
        List<Node.MapItem> items = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                items.add(Comment.of(line.substring(1)));
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new SopsFormatException(source + ": line " + (i + 1) + " has no '='; expected KEY=value");
            }
            items.add(new Node.Entry(
                    line.substring(0, eq), new Node.Str(line.substring(eq + 1).replace("\\n", "\n"))));
        }
        return List.of(new Node.Mapping(items));
    }

    @Override
    public byte[] emitPlain(List<Node.Mapping> plain) throws SopsFormatException {
        List<Node.Mapping> documents = Stores.resolved(plain, options);
        if (documents.size() != 1) {
            throw new SopsFormatException("dotenv holds exactly one document; found " + documents.size());
        }
        StringBuilder out = new StringBuilder();
        for (Node.MapItem item : documents.get(0).items()) {
            if (item instanceof Comment c) {
                out.append('#').append(c.text()).append('\n');
                continue;
            }
            Node.Entry entry = (Node.Entry) item;
            if (entry.value() instanceof Node.Mapping || entry.value() instanceof Node.Sequence) {
                throw new SopsFormatException("dotenv cannot hold the nested value at \"" + entry.key()
                        + "\"; expected a string, number or bool");
            }
            out.append(entry.key())
                    .append('=')
                    .append(valueText(entry.value()).replace("\n", "\\n"))
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] emitValue(Node plain) throws SopsFormatException {
        Node value = Stores.resolved(plain, options);
        if (value instanceof Node.Mapping m) {
            return emitPlain(List.of(m));
        }
        return valueText(value).getBytes(StandardCharsets.UTF_8);
    }

    /** sops's {@code ValToString}: floats as %G with at least one decimal, bools lower case. */
    static String valueText(Node value) {
        if (value instanceof Node.Str s) {
            return s.value();
        } else if (value instanceof Node.Flt f) {
            String g = ScalarFormats.goFloatG(f.value(), true);
            if (g.indexOf('.') < 0 && g.indexOf('E') < 0 && !Double.isNaN(f.value()) && !Double.isInfinite(f.value())) {
                g = ScalarFormats.goFloatF(f.value()) + ".0";
            }
            return g;
        } else if (value instanceof Node.Int i) {
            return Long.toString(i.value());
        } else if (value instanceof Node.Bool b) {
            return Boolean.toString(b.value());
        } else if (value instanceof Node.Time t) {
            return t.value().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else if (value instanceof Node.Bytes b) {
            return new String(b.value(), StandardCharsets.UTF_8);
        } else if (value instanceof Comment c) {
            return c.text();
        }
        return "<nil>";
    }
}
