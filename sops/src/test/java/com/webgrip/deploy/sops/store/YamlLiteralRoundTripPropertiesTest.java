package com.webgrip.deploy.sops.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Multi-line text (leading spaces and line breaks, trailing breaks, so every indicator and chomping
 * the writer knows) placed at random depths in mappings, lists, mappings in lists and lists in
 * lists: the YAML written reads back as the same tree.
 */
class YamlLiteralRoundTripPropertiesTest {
    /** How the text is wrapped, innermost first. */
    enum Nesting {
        MAPPING_VALUE,
        SEQUENCE_ITEM,
        MAPPING_IN_SEQUENCE,
        SEQUENCE_IN_SEQUENCE,
        LAST_OF_TWO_ITEMS,
        FIRST_OF_TWO_KEYS
    }

    @Property(tries = 200)
    void multiLineTextInAnyNestingReadsBackAsWritten(
            @ForAll("multiLineTexts") String text, @ForAll("nestings") List<Nesting> nestings)
            throws SopsFormatException {
        roundTrips(StoreOptions.defaults(), tree(text, nestings));
    }

    @Property(tries = 100)
    void multiLineTextInAnyNestingReadsBackWithAnyIndent(
            @ForAll("multiLineTexts") String text,
            @ForAll("nestings") List<Nesting> nestings,
            @ForAll @IntRange(min = 2, max = 9) int indent)
            throws SopsFormatException {
        roundTrips(StoreOptions.defaults().withYamlIndent(indent), tree(text, nestings));
    }

    private static void roundTrips(StoreOptions options, Node.Mapping tree) throws SopsFormatException {
        Store store = Stores.forFormat(Format.YAML, options);
        byte[] written = store.emitPlain(List.of(tree));

        List<Node.Mapping> readBack;
        try {
            readBack = store.loadPlain(written, "literal.yaml");
        } catch (SopsFormatException e) {
            throw new AssertionError(e.getMessage() + " in:\n" + new String(written, StandardCharsets.UTF_8), e);
        }
        assertThat(readBack).containsExactly(tree);
    }

    private static Node.Mapping tree(String text, List<Nesting> nestings) {
        Node node = new Node.Str(text);
        for (Nesting nesting : nestings) {
            node = switch (nesting) {
                case MAPPING_VALUE -> map("k", node);
                case SEQUENCE_ITEM -> new Node.Sequence(List.of(node));
                case MAPPING_IN_SEQUENCE -> new Node.Sequence(List.of(map("k", node)));
                case SEQUENCE_IN_SEQUENCE -> new Node.Sequence(List.of(new Node.Sequence(List.of(node))));
                case LAST_OF_TWO_ITEMS -> new Node.Sequence(List.of(new Node.Int(1), node));
                case FIRST_OF_TWO_KEYS ->
                    new Node.Mapping(List.of(new Node.Entry("a", node), new Node.Entry("b", new Node.Str("after"))));
            };
        }
        // the document is a mapping; a key after the text ends its block where a reader must stop
        return new Node.Mapping(List.of(new Node.Entry("doc", node), new Node.Entry("end", new Node.Int(0))));
    }

    private static Node.Mapping map(String key, Node value) {
        return new Node.Mapping(List.of(new Node.Entry(key, value)));
    }

    @Provide
    Arbitrary<List<Nesting>> nestings() {
        return Arbitraries.of(Nesting.class).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> multiLineTexts() {
        Arbitrary<String> leading = Arbitraries.of("", " ", "   ", "\n", "\n ", "\n\n  ", "\n\n");
        // no space before a break or at the end, which would make the writer quote the text instead
        Arbitrary<String> words = Arbitraries.strings()
                .withChars("abz:#-'")
                .ofMinLength(1)
                .ofMaxLength(4)
                .list()
                .ofMaxSize(3)
                .map(w -> String.join(" ", w));
        Arbitrary<String> line = Combinators.combine(Arbitraries.of("", " ", "  ", "     "), words)
                .as((indent, text) -> text.isEmpty() ? "" : indent + text);
        Arbitrary<List<String>> lines = line.list().ofMinSize(2).ofMaxSize(5);
        Arbitrary<String> trailing = Arbitraries.of("", "\n", "\n\n", "\n\n\n");
        return Combinators.combine(leading, lines, trailing)
                .as((lead, body, trail) -> lead + String.join("\n", body) + trail);
    }
}
