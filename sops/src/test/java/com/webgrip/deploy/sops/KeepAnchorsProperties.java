package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.Store;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import com.webgrip.deploy.sops.tree.Anchors;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Random trees with anchors and aliases placed at random: the keep-anchors YAML is valid YAML that
 * any reader expands to the resolved tree, encryption round trips, and it never leaves in clear a
 * value that sops's (expanding) mode would encrypt.
 */
class KeepAnchorsProperties {
    private static final AgeSecretKey KEY = AgeKeys.generateX25519(new SecureRandom());
    private static final StoreOptions KEEP = StoreOptions.defaults().withKeepAnchors(true);
    private final RoundTripProperties trees = new RoundTripProperties();

    @Provide
    Arbitrary<Node.Mapping> anchoredTrees() {
        return net.jqwik.api.Combinators.combine(
                        trees.nestedTrees(),
                        Arbitraries.integers().between(0, 9).list().ofSize(64))
                .as((tree, choices) -> (Node.Mapping) new Anchorizer(choices).node(tree));
    }

    @Provide
    Arbitrary<EncryptionRule> rules() {
        return trees.rules();
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void keepAnchorsYamlIsReadByTheExpandingReaderAsTheResolvedTree(@ForAll("anchoredTrees") Node.Mapping tree)
            throws Exception {
        byte[] yaml = Stores.forFormat(Format.YAML, KEEP).emitPlain(List.of(tree));

        List<Node.Mapping> keptBack;
        try {
            keptBack = Stores.forFormat(Format.YAML, KEEP).loadPlain(yaml, "kept.yaml");
        } catch (SopsFormatException e) {
            throw new AssertionError(
                    e.getMessage() + " in:\n" + new String(yaml, java.nio.charset.StandardCharsets.UTF_8), e);
        }
        List<Node.Mapping> expanded =
                Stores.forFormat(Format.YAML, StoreOptions.defaults()).loadPlain(yaml, "kept.yaml");

        // values and structure exactly; comment lines may shift next to anchors (SnakeYAML's placement, noted)
        assertThat(withoutComments(keptBack.get(0))).isEqualTo(withoutComments(tree));
        assertThat(Anchors.present(expanded)).isFalse();
        // comments aside: SnakeYAML gives every alias the anchored node itself, comments included
        assertThat(withoutComments(expanded.get(0))).isEqualTo(withoutComments(Anchors.resolve(tree, 10_000_000)));
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void keepAnchorsEncryptionRoundTripsOrRefusesAnAliasThatWouldShowAValueInClear(
            @ForAll("anchoredTrees") Node.Mapping tree, @ForAll("rules") EncryptionRule rule) throws Exception {
        byte[] encrypted;
        try {
            encrypted = encryptor(rule, KEEP).encrypt(List.of(tree), Format.YAML, "kept.yaml");
        } catch (SopsException e) {
            assertThat(e.getMessage()).contains("which the rule encrypts; it would be readable there");
            return;
        }
        SopsDocument decrypted = Sops.decryptor()
                .credentials(Credentials.builder().ageIdentity(KEY).build())
                .storeOptions(KEEP)
                .build()
                .decrypt(encrypted, Format.YAML, "kept.yaml");
        assertThat(withoutComments(decrypted.documents().get(0))).isEqualTo(withoutComments(tree));

        // every value that sops's expanding mode encrypts is encrypted in the kept file, resolved
        byte[] expandedFile = encryptor(rule, StoreOptions.defaults()).encrypt(List.of(tree), Format.YAML, "x.yaml");
        Node.Mapping keptResolved = Anchors.resolve(body(encrypted, KEEP), 10_000_000);
        Node.Mapping expanded = body(expandedFile, StoreOptions.defaults());
        assertEncryptedWhereverExpandedIs(withoutComments(expanded), withoutComments(keptResolved));
    }

    private static SopsEncryptor encryptor(EncryptionRule rule, StoreOptions options) {
        return Sops.encryptor()
                .recipients(KeyRecipient.age(KEY.publicKey().encoded()))
                .rule(rule)
                .storeOptions(options)
                .build();
    }

    private static Node.Mapping body(byte[] file, StoreOptions options) throws SopsException {
        Store store = Stores.forFormat(Format.YAML, options);
        return store.loadEncrypted(file, "file.yaml").get(0).without("sops");
    }

    private static void assertEncryptedWhereverExpandedIs(Node expanded, Node kept) {
        if (expanded instanceof Node.Mapping e && kept instanceof Node.Mapping k) {
            assertThat(k.items()).hasSameSizeAs(e.items());
            for (int i = 0; i < e.items().size(); i++) {
                Node.MapItem ei = e.items().get(i);
                Node.MapItem ki = k.items().get(i);
                if (ei instanceof Node.Entry ee && ki instanceof Node.Entry ke) {
                    assertThat(ke.key()).isEqualTo(ee.key());
                    assertEncryptedWhereverExpandedIs(ee.value(), ke.value());
                } else {
                    assertEncryptedWhereverExpandedIs((Comment) ei, (Comment) ki);
                }
            }
        } else if (expanded instanceof Node.Sequence e && kept instanceof Node.Sequence k) {
            assertThat(k.items()).hasSameSizeAs(e.items());
            for (int i = 0; i < e.items().size(); i++) {
                assertEncryptedWhereverExpandedIs(e.items().get(i), k.items().get(i));
            }
        } else if (isEncrypted(expanded)) {
            assertThat(isEncrypted(kept))
                    .as("a value encrypted by sops's mode is encrypted")
                    .isTrue();
        }
    }

    private static Node withoutComments(Node node) {
        if (node instanceof Node.Anchored a) {
            return new Node.Anchored(a.anchor(), withoutComments(a.node()));
        }
        if (node instanceof Node.Mapping m) {
            List<Node.MapItem> items = new ArrayList<>();
            for (Node.Entry e : m.entries()) {
                items.add(new Node.Entry(e.key(), withoutComments(e.value())));
            }
            return new Node.Mapping(items);
        }
        if (node instanceof Node.Sequence s) {
            List<Node> items = new ArrayList<>();
            for (Node item : s.items()) {
                if (!(item instanceof Comment)) {
                    items.add(withoutComments(item));
                }
            }
            return new Node.Sequence(items);
        }
        return node;
    }

    private static boolean isEncrypted(Node node) {
        String text = node instanceof Node.Str s ? s.value() : node instanceof Comment c ? c.text() : "";
        return text.startsWith("ENC[AES256_GCM,");
    }

    /** Wraps values in anchors and replaces later values by aliases of finished anchors, by the choices. */
    private static final class Anchorizer {
        private final List<Integer> choices;
        private final List<String> finished = new ArrayList<>();
        private int next;

        Anchorizer(List<Integer> choices) {
            this.choices = choices;
        }

        private int choice() {
            return choices.get(next++ % choices.size());
        }

        Node node(Node node) {
            if (node instanceof Node.Mapping m) {
                List<Node.MapItem> items = new ArrayList<>();
                for (Node.MapItem item : m.items()) {
                    items.add(item instanceof Node.Entry e ? new Node.Entry(e.key(), value(e.value())) : item);
                }
                return new Node.Mapping(items);
            }
            if (node instanceof Node.Sequence s) {
                List<Node> items = new ArrayList<>();
                for (Node item : s.items()) {
                    items.add(item instanceof Comment ? item : value(item));
                }
                return new Node.Sequence(items);
            }
            return node;
        }

        /** The YAML reader cannot read a comment right after an anchor: the store refuses such trees (tested apart). */
        private static boolean startsWithComment(Node value) {
            // conservative: any comment first, line comment or not
            List<?> items = value instanceof Node.Mapping m
                    ? m.items()
                    : value instanceof Node.Sequence s ? s.items() : List.of();
            return !items.isEmpty() && items.get(0) instanceof Comment;
        }

        private Node value(Node value) {
            int choice = choice();
            if (choice <= 1 && !finished.isEmpty()) {
                return new Node.Alias(finished.get(choice() % finished.size()));
            }
            if (choice <= 4 && !startsWithComment(value)) {
                String name = "a" + next;
                Node.Anchored anchored = new Node.Anchored(name, node(value));
                finished.add(name);
                return anchored;
            }
            return node(value);
        }
    }
}
