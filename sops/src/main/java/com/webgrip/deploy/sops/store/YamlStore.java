package com.webgrip.deploy.sops.store;

import com.webgrip.deploy.sops.SopsFormatException;
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
    public byte[] emitPlain(List<Node.Mapping> documents) {
        return new YamlWriter(options.yamlIndent()).write(documents).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] emitValue(Node value) {
        return new YamlWriter(options.yamlIndent()).writeValue(value).getBytes(StandardCharsets.UTF_8);
    }
}
