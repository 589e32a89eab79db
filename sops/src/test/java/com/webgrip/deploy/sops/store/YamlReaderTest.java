package com.webgrip.deploy.sops.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The event-driven fast path of the YAML reader gives exactly what the full (composing) path
 * gives, documents or error, and hands input with anchors back to the full path.
 */
class YamlReaderTest {
    private final YamlReader reader = new YamlReader(StoreOptions.defaults());

    @Property(tries = 300)
    void fastPathReadsWhatTheFullPathReads(@ForAll("yamlTexts") String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        assertThat(YamlEventReader.applies(content)).isTrue();

        Object fast = outcome(content, true);
        Object full = outcome(content, false);

        assertThat(fast).isEqualTo(full);
    }

    @Example
    void fastPathHandsAnchorsAndAliasesToTheFullPath() throws SopsFormatException {
        byte[] content =
                "base: &b\n    x: 1\nprod: *b\nmerged:\n    <<: *b\n    y: 2\n".getBytes(StandardCharsets.UTF_8);

        List<Node.Mapping> read = reader.read(content, "anchors.yaml", true);

        assertThat(read).isEqualTo(reader.read(content, "anchors.yaml", false));
        assertThat(read.get(0).get("prod")).contains(new Node.Mapping(List.of(new Node.Entry("x", new Node.Int(1)))));
    }

    @Example
    void readsACommentAtTheEndOfADocumentOnce() throws SopsFormatException {
        byte[] content = "a: 1\nb: x\n# the end\n".getBytes(StandardCharsets.UTF_8);

        Node.Mapping document = reader.read(content, "trailing.yaml").get(0);

        assertThat(document.items())
                .containsExactly(
                        new Node.Entry("a", new Node.Int(1)),
                        new Node.Entry("b", new Node.Str("x")),
                        Comment.of(" the end"));
    }

    @Example
    void aCommentOnTheDashLineOfALaterListItemStaysInThatItem() throws SopsFormatException {
        byte[] content = "list:\n    - a: 1\n    -   # about b\n      b: 2\n".getBytes(StandardCharsets.UTF_8);

        Node.Sequence list = (Node.Sequence)
                reader.read(content, "dash.yaml").get(0).get("list").orElseThrow();

        assertThat(list.items())
                .containsExactly(
                        new Node.Mapping(List.of(new Node.Entry("a", new Node.Int(1)))),
                        new Node.Mapping(List.of(Comment.of(" about b"), new Node.Entry("b", new Node.Int(2)))));
    }

    @Example
    void aParserCrashOnValidYamlIsATypedErrorNamingTheKnownCause() {
        byte[] content = "l:\n    - |- # note\n      x\n".getBytes(StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(content, "crash.yaml"))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("crash.yaml: the YAML parser failed")
                .hasMessageContaining("move it to a line of its own");
    }

    @Example
    void keepsACommentAtTheEndOfAMappingInAListInThatMapping() throws SopsFormatException {
        byte[] content =
                "list:\n    - a: x\n      # end of the first item\n    - b: y\n".getBytes(StandardCharsets.UTF_8);

        Node.Mapping document = reader.read(content, "comments.yaml").get(0);

        Node.Sequence list = (Node.Sequence) document.get("list").orElseThrow();
        assertThat(list.items())
                .containsExactly(
                        new Node.Mapping(
                                List.of(new Node.Entry("a", new Node.Str("x")), Comment.of(" end of the first item"))),
                        new Node.Mapping(List.of(new Node.Entry("b", new Node.Str("y")))));
    }

    private Object outcome(byte[] content, boolean fastPath) {
        try {
            return reader.read(content, "t.yaml", fastPath);
        } catch (SopsFormatException e) {
            return "error: " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<String> yamlTexts() {
        Arbitrary<String> written =
                trees().list().ofMinSize(1).ofMaxSize(3).map(documents -> new YamlWriter(4).write(documents));
        Arbitrary<String> lines = Arbitraries.of(
                        "a: 1\n",
                        "b: 'quoted'\n",
                        "c: \"dq \\t\"\n",
                        "d: !!str 12\n",
                        "e: !!int 0x1F\n",
                        "f: !!float 3\n",
                        "g: !!binary aGVsbG8=\n",
                        "h: !env VALUE\n",
                        "i: {x: 1, y: [1, 2]}\n",
                        "j: [a, 'b', \"c\"]\n",
                        "k: |\n    line one\n    line two\n",
                        "l: >-\n    folded\n    text\n",
                        "m:\n    - 1\n    - n: 2\n",
                        "    nested: true\n",
                        "1: numeric key\n",
                        "? [complex]\n: key\n",
                        "a: duplicate\n",
                        "---\n",
                        "- top level list\n",
                        "null\n",
                        "o: ~\n",
                        "p: 2001-12-14\n",
                        "q: !!bool yes\n",
                        "r: 'unterminated\n",
                        "s: [unclosed\n",
                        "t: yes\n",
                        "u: .inf\n",
                        "v: 1_000\n",
                        "w: \"\\u00e9\"\n")
                .list()
                .ofMaxSize(8)
                .map(list -> String.join("", list));
        return Arbitraries.oneOf(written, lines);
    }

    private Arbitrary<Node.Mapping> trees() {
        Arbitrary<String> keys =
                Arbitraries.strings().withChars("abc_-: 'x\"é").ofMinLength(1).ofMaxLength(5);
        Arbitrary<Node> scalars = Arbitraries.oneOf(
                Arbitraries.strings()
                        .withChars("abc019 :-'\"\n\té€{}[],&*!|>%@`")
                        .ofMaxLength(16)
                        .map(Node.Str::new),
                Arbitraries.of("true", "null", "0x1F", "1e3", "~", "- x", "a: b", " pad ", "")
                        .map(Node.Str::new),
                Arbitraries.longs().map(Node.Int::new),
                Arbitraries.of(true, false).map(Node.Bool::new),
                Arbitraries.just(Node.Null.INSTANCE));
        Arbitrary<Node> values = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalars),
                net.jqwik.api.Tuple.of(1, scalars.list().ofMaxSize(3).map(items -> (Node) new Node.Sequence(items))),
                net.jqwik.api.Tuple.of(
                        1,
                        Combinators.combine(keys, scalars)
                                .as(Node.Entry::new)
                                .list()
                                .ofMaxSize(3)
                                .uniqueElements(Node.Entry::key)
                                .map(entries -> (Node) new Node.Mapping(List.copyOf(entries)))));
        return Combinators.combine(keys, values)
                .as(Node.Entry::new)
                .list()
                .ofMaxSize(6)
                .uniqueElements(Node.Entry::key)
                .map(entries -> new Node.Mapping(List.copyOf(entries)));
    }
}
