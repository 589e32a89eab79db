package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** sops's YAML store: multi-document, comments kept, metadata nested under {@code sops}. */
final class YamlStore implements Store {
    private final StoreOptions options;

    YamlStore(StoreOptions options) {
        this.options = options;
    }

    @Override
    public Format format() {
        return Format.YAML;
    }

    @Override
    public MetadataLayout metadataLayout() {
        return MetadataLayout.NESTED;
    }

    @Override
    public List<Node.Mapping> loadPlain(byte[] content, String source) throws SopsFormatException {
        return new YamlReader(options).read(content, source);
    }

    @Override
    public boolean keepsAnchors() {
        return options.keepAnchors();
    }

    @Override
    public byte[] emitPlain(List<Node.Mapping> documents) throws SopsFormatException {
        List<Node.Mapping> written = documents;
        if (options.keepAnchors()) {
            for (Node.Mapping document : documents) {
                refuseCommentAfterAnchor(document);
            }
        } else {
            written = Stores.resolved(documents, options);
        }
        return new YamlWriter(options.yamlIndent()).write(written).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] emitValue(Node value) throws SopsFormatException {
        // a value on its own has no document to hold its anchors
        Node written = Stores.resolved(value, options);
        return new YamlWriter(options.yamlIndent()).writeValue(written).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * SnakeYAML (2.5 to 2.7, with comments read) cannot parse a comment between an anchor and the
     * block collection it anchors ({@code key: &a}, a comment line, then the items), though YAML
     * allows it; such a file could not be read back, so it is not written. Files we read never
     * hold such a tree (their reading would have failed); only a tree built in code can.
     */
    private static void refuseCommentAfterAnchor(Node node) throws SopsFormatException {
        if (node instanceof Node.Anchored a) {
            List<?> items = a.node() instanceof Node.Mapping m
                    ? m.items()
                    : a.node() instanceof Node.Sequence s ? s.items() : List.of();
            if (headCommentBeforeFirstItem(items)) {
                throw new SopsFormatException("the value anchored &" + a.anchor() + " starts with a comment, which"
                        + " the YAML reader cannot read back after an anchor; move the comment before its key or"
                        + " after the first item");
            }
            refuseCommentAfterAnchor(a.node());
        } else if (node instanceof Node.Mapping m) {
            for (Node.Entry entry : m.entries()) {
                refuseCommentAfterAnchor(entry.value());
            }
        } else if (node instanceof Node.Sequence s) {
            for (Node item : s.items()) {
                refuseCommentAfterAnchor(item);
            }
        }
    }

    /** Whether a comment line (not a line comment of the first item) comes before the first item. */
    private static boolean headCommentBeforeFirstItem(List<?> items) {
        for (Object item : items) {
            if (!(item instanceof Comment c)) {
                return false;
            }
            if (!c.inline()) {
                return items.stream().anyMatch(i -> !(i instanceof Comment));
            }
        }
        return false;
    }
}
