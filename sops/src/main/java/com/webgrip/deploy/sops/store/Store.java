package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Node;
import java.util.List;

/**
 * Reads and writes one file format as sops does. A store knows only trees: the SOPS metadata
 * travels as an ordinary entry ({@code sops} in YAML, JSON and TOML, the {@code [sops]} section in
 * INI, {@code sops_}-prefixed keys in dotenv), placed and read by the caller according to
 * {@link #metadataLayout()}.
 */
public interface Store {

    /** How a format carries the metadata. */
    enum MetadataLayout {
        /** A nested {@code sops} mapping in every document. */
        NESTED,
        /** A {@code sops} section whose keys are flattened ({@code age__list_0__map_enc}). */
        FLATTENED_SECTION,
        /** Top-level keys prefixed {@code sops_} and flattened. */
        FLATTENED_PREFIXED
    }

    /** The format of this store. */
    Format format();

    /** How this format carries the metadata. */
    MetadataLayout metadataLayout();

    /** Whether the metadata strings escape newlines as {@code \n} (INI, for sops compatibility). */
    default boolean escapesMetadataNewlines() {
        return false;
    }

    /**
     * Whether this store writes anchors and aliases as such (YAML in keep-anchors mode); every other
     * store resolves them when it writes (see {@link StoreOptions#withKeepAnchors}).
     */
    default boolean keepsAnchors() {
        return false;
    }

    /**
     * Parses a plaintext file into its documents (one for every format but YAML).
     *
     * @param source the file name for messages
     */
    List<Node.Mapping> loadPlain(byte[] content, String source) throws SopsFormatException;

    /** Parses an encrypted file (for binary: the JSON envelope) into its documents. */
    default List<Node.Mapping> loadEncrypted(byte[] content, String source) throws SopsFormatException {
        return loadPlain(content, source);
    }

    /** Writes plaintext documents. */
    byte[] emitPlain(List<Node.Mapping> documents) throws SopsFormatException;

    /** Writes encrypted documents (the metadata already placed in them). */
    default byte[] emitEncrypted(List<Node.Mapping> documents) throws SopsFormatException {
        return emitPlain(documents);
    }

    /** Writes one value, as {@code sops decrypt --extract} prints a non-string result. */
    byte[] emitValue(Node value) throws SopsFormatException;
}
