package com.webgrip.deploy.sops.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Node;
import com.webgrip.deploy.sops.tree.TreeConversions;
import java.util.List;

/**
 * TOML, which sops 3.13 does not have: read and written with Jackson's TOML dataformat (key order
 * kept; comments are not kept by that parser). Metadata is a nested {@code sops} table, as in
 * JSON. Files written here are read by this library only.
 */
final class TomlStore implements Store {
    private final StoreOptions options;
    private final TomlMapper mapper = new TomlMapper();

    TomlStore(StoreOptions options) {
        this.options = options;
    }

    @Override
    public Format format() {
        return Format.TOML;
    }

    @Override
    public MetadataLayout metadataLayout() {
        return MetadataLayout.NESTED;
    }

    @Override
    public List<Node.Mapping> loadPlain(byte[] content, String source) throws SopsFormatException {
        if (content.length > options.maxInputBytes()) {
            throw new SopsFormatException(
                    source + ": the input has " + content.length + " bytes; the limit is " + options.maxInputBytes());
        }
        try {
            JsonNode tree = mapper.readTree(content);
            Node node = TreeConversions.fromJson(tree);
            return List.of(node instanceof Node.Mapping m ? m : Node.Mapping.EMPTY);
        } catch (JacksonException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new SopsFormatException(source + ": malformed TOML" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new SopsFormatException(source + ": could not read TOML: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] emitPlain(List<Node.Mapping> documents) throws SopsFormatException {
        if (documents.size() != 1) {
            throw new SopsFormatException("TOML holds exactly one document; found " + documents.size());
        }
        return emitValue(documents.get(0));
    }

    @Override
    public byte[] emitValue(Node value) throws SopsFormatException {
        try {
            return mapper.writeValueAsBytes(TreeConversions.toJsonValue(value));
        } catch (JacksonException e) {
            throw new SopsFormatException("could not write TOML: " + e.getOriginalMessage());
        }
    }
}
