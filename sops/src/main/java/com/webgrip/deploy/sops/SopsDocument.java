package com.webgrip.deploy.sops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.Store;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import com.webgrip.deploy.sops.tree.Anchors;
import com.webgrip.deploy.sops.tree.Node;
import com.webgrip.deploy.sops.tree.TreeConversions;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A decrypted SOPS file: its documents in clear (comments, order and value types kept) and the
 * metadata it was encrypted with. Immutable. It holds plaintext secrets: do not log it; its
 * {@code toString} shows only the shape.
 */
public final class SopsDocument {
    private final List<Node.Mapping> documents;
    private final Metadata metadata;
    private final Format format;

    SopsDocument(List<Node.Mapping> documents, Metadata metadata, Format format) {
        this.documents = List.copyOf(documents);
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * Every document (YAML may have several; other formats have one), as read: in keep-anchors mode
     * with its {@link Node.Anchored} and {@link Node.Alias} nodes (see {@link #resolved()}).
     */
    public List<Node.Mapping> documents() {
        return documents;
    }

    /** The first document as read, the one Helm values and most callers want. */
    public Node.Mapping first() {
        return documents.isEmpty() ? Node.Mapping.EMPTY : documents.get(0);
    }

    /**
     * Every document with its aliases resolved and merge keys applied (see {@link Anchors}); the
     * documents themselves when they hold no anchor (always, unless read in keep-anchors mode).
     *
     * @throws SopsFormatException if the aliases expand beyond the default node limit
     */
    public List<Node.Mapping> resolved() throws SopsFormatException {
        try {
            return Anchors.resolve(documents);
        } catch (IllegalArgumentException e) {
            throw new SopsFormatException(e.getMessage());
        }
    }

    private Node.Mapping resolvedFirst() throws SopsFormatException {
        List<Node.Mapping> resolved = resolved();
        return resolved.isEmpty() ? Node.Mapping.EMPTY : resolved.get(0);
    }

    /** The file's metadata (keys, rule, MAC, last modified). */
    public Metadata metadata() {
        return metadata;
    }

    /** The format the file was read as. */
    public Format format() {
        return format;
    }

    /** The first document as plain values: an unmodifiable map in document order. */
    public Map<String, Object> toJava() {
        return TreeConversions.toJava(first());
    }

    /** The first document as a Jackson object, in document order. */
    public ObjectNode toJson() {
        return TreeConversions.toJson(first());
    }

    /** The plaintext file in its own format (anchors kept if it was read keeping them). */
    public byte[] emit() throws SopsException {
        return emit(format, StoreOptions.defaults().withKeepAnchors(Anchors.present(documents)));
    }

    /** The plaintext file in another format; anchors are kept only by YAML with keep-anchors on. */
    public byte[] emit(Format outputFormat, StoreOptions options) throws SopsException {
        Store store = Stores.forFormat(outputFormat, options);
        return store.emitPlain(documents);
    }

    /**
     * The value at a path in {@code --extract} syntax, e.g. {@code ["app"]["db"]["password"]} or
     * {@code ["list"][0]}, in the first document.
     *
     * @throws SopsPathException if the path is malformed or absent
     */
    public Node extract(String path) throws SopsException {
        return TreePath.parse(path).get(resolvedFirst());
    }

    @Override
    public String toString() {
        return "SopsDocument[" + format + ", " + documents.size() + " document(s), "
                + metadata.allKeys().size() + " master key(s)]";
    }
}
