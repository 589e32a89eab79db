package com.webgrip.deploy.sops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Anchors;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML store with anchors kept: what it reads, what it writes, what it refuses. */
class YamlKeepAnchorsTest {
    private static final StoreOptions KEEP = StoreOptions.defaults().withKeepAnchors(true);
    private final Store keeping = Stores.forFormat(Format.YAML, KEEP);

    private List<Node.Mapping> read(String yaml) throws SopsFormatException {
        return keeping.loadPlain(yaml.getBytes(StandardCharsets.UTF_8), "anchors.yaml");
    }

    private String write(List<Node.Mapping> documents) throws SopsFormatException {
        return new String(keeping.emitPlain(documents), StandardCharsets.UTF_8);
    }

    @Test
    void readsTheFirstUseAsAnAnchorAndEveryLaterUseAsAnAlias() throws SopsFormatException {
        Node.Mapping document = read("base: &b\n    x: 1\nprod: *b\nmerged:\n    <<: *b\n    y: 2\n")
                .get(0);

        Node.Mapping x = new Node.Mapping(List.of(new Node.Entry("x", new Node.Int(1))));
        assertThat(document.get("base")).contains(new Node.Anchored("b", x));
        assertThat(document.get("prod")).contains(new Node.Alias("b"));
        assertThat(document.get("merged"))
                .contains(new Node.Mapping(
                        List.of(new Node.Entry("<<", new Node.Alias("b")), new Node.Entry("y", new Node.Int(2)))));
    }

    @Test
    void writesBackTheTextItRead() throws SopsFormatException {
        String yaml = """
                base: &b
                    x: 1 # one
                    text: &t |
                        two
                        lines
                list:
                    - &item
                      name: a
                    - *item
                    - &nested
                      - 1
                      - 2
                    - *nested
                    - &empty {}
                    - *t
                copy: *b
                merged:
                    <<:
                        - *b
                        - *item
                    x: 3
                ---
                other: &b again
                same: *b
                """;

        assertThat(write(read(yaml))).isEqualTo(yaml);
    }

    @Test
    void anAliasAfterARedefinedAnchorTakesTheLaterValue() throws SopsFormatException {
        Node.Mapping document =
                Anchors.resolve(read("a: &x 1\nb: *x\nc: &x 2\nd: *x\n"), 100).get(0);

        assertThat(document.get("b")).contains(new Node.Int(1));
        assertThat(document.get("d")).contains(new Node.Int(2));
    }

    @Test
    void anAliasWithoutAnAnchorIsAFormatErrorWithItsLine() {
        assertThatThrownBy(() -> read("a: 1\nb: *missing\n"))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("anchors.yaml")
                .hasMessageContaining("line 2")
                .hasMessageContaining("missing");
    }

    @Test
    void aRecursiveAliasIsRefused() {
        assertThatThrownBy(() -> read("a: &x\n    b: *x\n"))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("recursive alias");
    }

    @Test
    void anAliasBombIsRefusedThoughItsAliasesAreNotExpanded() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 8; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            yaml.append("]\n");
        }
        Store bounded = Stores.forFormat(Format.YAML, KEEP.withLimits(1 << 20, 100, 64, 1_000_000));

        assertThatThrownBy(() -> bounded.loadPlain(yaml.toString().getBytes(StandardCharsets.UTF_8), "bomb.yaml"))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("more than 1000000 nodes");
    }

    @Test
    void anchorsOnKeysAreReadAsTheKeysText() throws SopsFormatException {
        Node.Mapping document = read("&k name: 1\nother:\n    *k : 2\n").get(0);

        assertThat(document.get("name")).contains(new Node.Int(1));
        assertThat(((Node.Mapping) document.get("other").orElseThrow()).get("name"))
                .contains(new Node.Int(2));
    }

    @Test
    void theDefaultModeAndTheOtherFormatsWriteTheResolvedValues() throws SopsFormatException {
        List<Node.Mapping> documents = read("base: &b\n    x: 1\nmerged:\n    <<: *b\n    z: 2\n");

        String expanded = new String(
                Stores.forFormat(Format.YAML, StoreOptions.defaults()).emitPlain(documents), StandardCharsets.UTF_8);
        String json = new String(
                Stores.forFormat(Format.JSON, StoreOptions.defaults()).emitPlain(documents), StandardCharsets.UTF_8);

        assertThat(expanded).isEqualTo("base:\n    x: 1\nmerged:\n    x: 1\n    z: 2\n");
        assertThat(json)
                .isEqualTo(
                        "{\n\t\"base\": {\n\t\t\"x\": 1\n\t},\n\t\"merged\": {\n\t\t\"x\": 1,\n\t\t\"z\": 2\n\t}\n}\n");
    }

    @Test
    void theDefaultModeReadsAnchorsExpandedAsSopsDoes() throws SopsFormatException {
        Store expanding = Stores.forFormat(Format.YAML, StoreOptions.defaults());

        List<Node.Mapping> documents =
                expanding.loadPlain("base: &b\n    x: 1\ncopy: *b\n".getBytes(StandardCharsets.UTF_8), "a.yaml");

        assertThat(Anchors.present(documents)).isFalse();
        assertThat(documents.get(0).get("copy")).isEqualTo(documents.get(0).get("base"));
    }

    @Test
    void refusesToWriteACommentRightAfterAnAnchorWhichCouldNotBeReadBack() {
        Node.Mapping anchored = new Node.Mapping(
                List.of(com.webgrip.deploy.sops.tree.Comment.of(" first"), new Node.Entry("k", new Node.Int(1))));
        List<Node.Mapping> documents =
                List.of(new Node.Mapping(List.of(new Node.Entry("m", new Node.Anchored("a", anchored)))));

        assertThatThrownBy(() -> write(documents))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("&a starts with a comment");
        assertThatThrownBy(() -> read("m: &a\n    # first\n    k: 1\n")).isInstanceOf(SopsFormatException.class);
    }

    @Test
    void anAnchorRedefinedInsideAnAnchorOfTheSameNameIsTheOneLaterAliasesName() throws SopsFormatException {
        List<Node.Mapping> documents = read("a: &x\n    b: &x 1\n    c: *x\nd: *x\n");

        Node.Mapping resolved = Anchors.resolve(documents, 100).get(0);
        assertThat(((Node.Mapping) resolved.get("a").orElseThrow()).get("c")).contains(new Node.Int(1));
        assertThat(resolved.get("d")).contains(new Node.Int(1));
    }

    @Test
    void commentLinesBelowAnAnchoredScalarAreNotItsLineComment() throws SopsFormatException {
        String yaml = "m:\n    k: &v v # on the line\n    # below\n    z: *v\n";

        Node.Mapping m = (Node.Mapping) read(yaml).get(0).get("m").orElseThrow();

        assertThat(m.items())
                .containsExactly(
                        new com.webgrip.deploy.sops.tree.Comment(" on the line", true),
                        new Node.Entry("k", new Node.Anchored("v", new Node.Str("v"))),
                        com.webgrip.deploy.sops.tree.Comment.of(" below"),
                        new Node.Entry("z", new Node.Alias("v")));
        assertThat(write(read(yaml))).isEqualTo(yaml);
    }

    @Test
    void aCommentAfterAnAliasStaysAfterTheAlias() throws SopsFormatException {
        String yaml = "a: &a\n    x: 1\nl:\n    - *a\n    # after the alias\n    - 2\n";

        List<Node.Mapping> documents = read(yaml);

        assertThat(write(documents)).isEqualTo(yaml);
        assertThat(((Node.Mapping) ((Node.Anchored) documents.get(0).get("a").orElseThrow()).node()).items())
                .hasSize(1);
    }
}
