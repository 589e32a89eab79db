package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * sops's binary store: the whole plaintext file is one value {@code data} (encrypted as one
 * {@code str}, authenticated data {@code data:}), and the encrypted file is the JSON store's
 * {@code {"data": "ENC[…]", "sops": {…}}}.
 */
final class BinaryStore implements Store {
    private final JsonStore json;

    private final StoreOptions options;

    BinaryStore(StoreOptions options) {
        this.options = options;
        this.json = new JsonStore(options);
    }

    @Override
    public Format format() {
        return Format.BINARY;
    }

    @Override
    public MetadataLayout metadataLayout() {
        return MetadataLayout.NESTED;
    }

    @Override
    public List<Node.Mapping> loadPlain(byte[] content, String source) throws SopsFormatException {
        InputLimit.check(content, source, options);
        String text = new String(content, StandardCharsets.UTF_8);
        Node data = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), content)
                ? new Node.Str(text)
                : new Node.Bytes(content);
        return List.of(new Node.Mapping(List.of(new Node.Entry("data", data))));
    }

    @Override
    public List<Node.Mapping> loadEncrypted(byte[] content, String source) throws SopsFormatException {
        return json.loadPlain(content, source);
    }

    @Override
    public byte[] emitPlain(List<Node.Mapping> plain) throws SopsFormatException {
        List<Node.Mapping> documents = Stores.resolved(plain, options);
        Node data = documents.isEmpty() ? null : documents.get(0).get("data").orElse(null);
        if (data instanceof Node.Str s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof Node.Bytes b) {
            return b.value();
        }
        throw new SopsFormatException("binary data has no string \"data\" entry; expected {\"data\": \"...\"}");
    }

    @Override
    public byte[] emitEncrypted(List<Node.Mapping> documents) throws SopsFormatException {
        return json.emitPlain(documents);
    }

    @Override
    public byte[] emitValue(Node value) throws SopsFormatException {
        throw new SopsFormatException("binary files cannot be extracted from; decrypt the whole file");
    }
}
