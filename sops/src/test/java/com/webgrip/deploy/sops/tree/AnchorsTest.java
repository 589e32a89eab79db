package com.webgrip.deploy.sops.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolution of anchors, aliases and merge keys, as YAML readers resolve them. */
class AnchorsTest {
    private static Node.Entry entry(String key, Node value) {
        return new Node.Entry(key, value);
    }

    private static Node.Mapping map(Node.MapItem... items) {
        return new Node.Mapping(List.of(items));
    }

    private static Node.Int i(long value) {
        return new Node.Int(value);
    }

    private static final Node.Mapping A = map(entry("k", i(1)), entry("a", i(1)));
    private static final Node.Mapping B = map(entry("k", i(2)), entry("b", i(2)));

    @Test
    void aMappingsOwnKeysWinOverMergedOnesAndAnEarlierMergeWinsOverALaterOne() {
        Node.Mapping document = map(
                entry("a", new Node.Anchored("a", A)),
                entry("b", new Node.Anchored("b", B)),
                entry("own", map(entry("<<", new Node.Alias("a")), entry("k", i(9)))),
                entry("both", map(entry("<<", new Node.Sequence(List.of(new Node.Alias("a"), new Node.Alias("b")))))));

        Map<String, Object> values = TreeConversions.toJava(document);

        assertThat(values.get("own")).isEqualTo(Map.of("a", 1L, "k", 9L));
        assertThat(values.get("both")).isEqualTo(Map.of("k", 1L, "a", 1L, "b", 2L));
    }

    @Test
    void mergedEntriesTakeThePlaceOfTheMergeKey() {
        Node.Mapping document = map(
                entry("a", new Node.Anchored("a", A)),
                entry("m", map(entry("first", i(0)), entry("<<", new Node.Alias("a")), entry("last", i(3)))));

        Node.Mapping resolved = Anchors.resolve(document, 100);

        assertThat(((Node.Mapping) resolved.get("m").orElseThrow())
                        .entries().stream().map(Node.Entry::key))
                .containsExactly("first", "k", "a", "last");
    }

    @Test
    void aMergeKeyWithoutAliasesIsAnOrdinaryKeyAsSopsReadsIt() {
        Node.Mapping document = map(entry("a", new Node.Anchored("a", A)), entry("<<", map(entry("x", i(1)))));

        assertThat(TreeConversions.toJava(document)).containsKey("<<");
    }

    @Test
    void refusesAnAliasWithoutAnAnchorBeforeIt() {
        Node.Mapping document = map(entry("copy", new Node.Alias("a")), entry("a", new Node.Anchored("a", A)));

        assertThatThrownBy(() -> Anchors.resolve(document, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alias *a has no anchor &a before it");
    }

    @Test
    void refusesAnAliasInsideTheValueItRefersTo() {
        Node.Mapping document = map(entry("a", new Node.Anchored("a", map(entry("self", new Node.Alias("a"))))));

        assertThatThrownBy(() -> Anchors.resolve(document, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recursive alias");
    }

    @Test
    void refusesToMergeAValueThatIsNotAMapping() {
        Node.Mapping document =
                map(entry("n", new Node.Anchored("n", i(1))), entry("m", map(entry("<<", new Node.Alias("n")))));

        assertThatThrownBy(() -> Anchors.resolve(document, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an alias of a mapping");
    }

    @Test
    void countsEveryAliasAsTheNodesItExpandsTo() {
        // 1 document + 11 (the anchored list) + 1 (the list of aliases) + 10 x 11 (the aliases) = 123
        Node.Sequence ten = new Node.Sequence(java.util.Collections.nCopies(10, i(0)));
        Node.Sequence tenAliases = new Node.Sequence(java.util.Collections.nCopies(10, new Node.Alias("t")));
        Node.Mapping document = map(entry("t", new Node.Anchored("t", ten)), entry("x", tenAliases));

        assertThat(Anchors.resolve(document, 123).get("x")).isPresent();
        assertThatThrownBy(() -> Anchors.resolve(document, 122))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 122 nodes");
    }

    @Test
    void anchorsDoNotReachAcrossDocuments() {
        List<Node.Mapping> documents =
                List.of(map(entry("a", new Node.Anchored("a", A))), map(entry("copy", new Node.Alias("a"))));

        assertThatThrownBy(() -> Anchors.resolve(documents)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTreeWithoutAnchorsIsReturnedAsItIs() {
        List<Node.Mapping> documents = List.of(A, B);

        assertThat(Anchors.resolve(documents)).isSameAs(documents);
    }

    @Test
    void anAnchorNameMustBeAYamlAnchorName() {
        assertThatThrownBy(() -> new Node.Alias("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Node.Alias("a,b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Node.Anchored("", i(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Node.Anchored("x", new Node.Alias("y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Node.Alias("défaut-1.x").anchor()).isEqualTo("défaut-1.x");
    }

    @Test
    void anAliasOnItsOwnCannotBeConverted() {
        assertThatThrownBy(() -> TreeConversions.toJavaValue(new Node.Alias("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TreeConversions.toJavaValue(new Node.Anchored("a", i(5)))).isEqualTo(5L);
    }

    @Test
    void anAnchorRedefinedInsideItsNamesakeIsTheOneAliasesNameAfterIt() {
        Node.Mapping document = map(entry(
                "a",
                new Node.Anchored(
                        "x", map(entry("b", new Node.Anchored("x", i(1))), entry("c", new Node.Alias("x"))))));

        assertThat(TreeConversions.toJava(document).get("a")).isEqualTo(Map.of("b", 1L, "c", 1L));
    }
}
