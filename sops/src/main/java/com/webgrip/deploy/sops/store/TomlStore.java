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
 * JSON. Files written here are read by this library only. Decimal integers of 19 digits are refused
 * (see {@link #refuseLongIntegers(String, String)}).
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
        refuseLongIntegers(new String(content, java.nio.charset.StandardCharsets.UTF_8), source);
        try {
            JsonNode tree = mapper.readTree(content);
            Node node = TreeConversions.fromJson(tree);
            return List.of(node instanceof Node.Mapping m ? m : Node.Mapping.EMPTY);
        } catch (JacksonException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            // Jackson's own message quotes the offending token, which may be a plaintext value
            throw new SopsFormatException(source + ": malformed TOML" + where + "; expected a TOML key = value there");
        } catch (java.io.IOException e) {
            throw new SopsFormatException(source + ": could not read TOML: " + e.getMessage(), e);
        }
    }

    /**
     * Jackson's TOML parser (2.21) misreads decimal integers of 19 digits (it keeps the last ten),
     * so such literals are refused rather than silently changed.
     */
    private static void refuseLongIntegers(String text, String source) throws SopsFormatException {
        String code = STRING_LITERAL.matcher(text).replaceAll("\"\"");
        java.util.regex.Matcher m = LONG_INTEGER.matcher(code);
        if (m.find()) {
            throw new SopsFormatException(source + ": the TOML integer at line " + lineOf(code, m.start())
                    + " has 19 or more digits, which the TOML parser misreads; quote it as a string");
        }
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static final java.util.regex.Pattern STRING_LITERAL = java.util.regex.Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:\\\\.|[^\"\\\\\n])*\"|'[^'\n]*'|#[^\n]*");
    private static final java.util.regex.Pattern LONG_INTEGER =
            java.util.regex.Pattern.compile("(?<![\\w.])[+-]?[0-9](?:_?[0-9]){18,}(?![\\w.:-])");

    private static void refuseLongIntegers(Node node) throws SopsFormatException {
        if (node instanceof Node.Int i
                && (i.value() >= 1_000_000_000_000_000_000L || i.value() <= -1_000_000_000_000_000_000L)) {
            throw new SopsFormatException(
                    "an integer value" + " has 19 digits, which the TOML parser misreads; TOML files cannot hold it");
        } else if (node instanceof Node.Mapping m) {
            for (Node.Entry e : m.entries()) {
                refuseLongIntegers(e.value());
            }
        } else if (node instanceof Node.Sequence s) {
            for (Node item : s.items()) {
                refuseLongIntegers(item);
            }
        }
    }

    @Override
    public byte[] emitPlain(List<Node.Mapping> plain) throws SopsFormatException {
        List<Node.Mapping> documents = Stores.resolved(plain, options);
        if (documents.size() != 1) {
            throw new SopsFormatException("TOML holds exactly one document; found " + documents.size());
        }
        return emitValue(documents.get(0));
    }

    @Override
    public byte[] emitValue(Node plain) throws SopsFormatException {
        Node value = Stores.resolved(plain, options);
        refuseLongIntegers(value);
        try {
            return mapper.writeValueAsBytes(TreeConversions.toJsonValue(value));
        } catch (JacksonException e) {
            throw new SopsFormatException(
                    "could not write TOML: " + e.getClass().getSimpleName());
        }
    }
}
