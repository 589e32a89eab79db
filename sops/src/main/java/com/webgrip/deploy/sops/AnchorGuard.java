package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What encryption remembers of each anchor (keep-anchors mode): the anchored plaintext and, for
 * every leaf under it in walk order, whether the rule encrypted it and at which path. An alias is
 * checked against it: the rule decides by path, so a value that the rule leaves in clear at its
 * anchor may be one it would encrypt at an alias. Writing such a file would show a value in clear
 * where the rule promises ciphertext; encryption refuses it instead.
 */
final class AnchorGuard {
    /** One leaf of an anchored value: the rule's decision and the leaf's path (its AAD). */
    record Leaf(boolean encrypted, String aad) {}

    /** An anchor met in the current document. */
    record Anchor(Node value, List<Leaf> leaves) {}

    private final String source;
    private final Map<String, Anchor> anchors = new HashMap<>();
    private final List<List<Leaf>> open = new ArrayList<>();
    private int replaying;

    AnchorGuard(String source) {
        this.source = source;
    }

    /** A new document: anchors do not reach across documents. */
    void startDocument() {
        anchors.clear();
    }

    boolean replaying() {
        return replaying > 0;
    }

    /** The walk enters an anchored value (not while replaying). */
    void openAnchor() {
        open.add(new ArrayList<>());
    }

    /** The walk leaves an anchored value: later aliases of the name refer to it. */
    void closeAnchor(String name, Node value) {
        anchors.put(name, new Anchor(value, open.remove(open.size() - 1)));
    }

    /** A leaf encrypted or left in clear by the walk: recorded for every anchor that holds it. */
    void leaf(boolean encrypted, String aad) {
        if (!open.isEmpty()) {
            Leaf leaf = new Leaf(encrypted, aad);
            for (List<Leaf> leaves : open) {
                leaves.add(leaf);
            }
        }
    }

    /** The anchor an alias refers to; a typed error when there is none before it. */
    Anchor anchor(Node.Alias alias, String where) throws SopsFormatException {
        Anchor anchor = anchors.get(alias.anchor());
        if (anchor == null) {
            throw new SopsFormatException(source + ": the alias *" + alias.anchor() + " at " + where
                    + " has no anchor &" + alias.anchor() + " before it in its document");
        }
        return anchor;
    }

    /** A checker for the leaves of one anchor replayed at an alias, in walk order. */
    Replay replay(Node.Alias alias, Anchor anchor) {
        replaying++;
        return new Replay(alias, anchor);
    }

    /** Compares the rule's decisions at an alias with those at its anchor. */
    final class Replay {
        private final Node.Alias alias;
        private final Anchor anchor;
        private int next;

        private Replay(Node.Alias alias, Anchor anchor) {
            this.alias = alias;
            this.anchor = anchor;
        }

        /** One leaf met at the alias, with the rule's decision there. */
        void leaf(boolean encryptedHere, String aadHere) throws SopsException {
            Leaf atAnchor = anchor.leaves().get(next++);
            if (encryptedHere && !atAnchor.encrypted()) {
                throw new SopsException(source + ": the alias *" + alias.anchor() + " puts the value at "
                        + ValueCipher.display(atAnchor.aad()) + " (under its anchor &" + alias.anchor()
                        + ", left in clear by the rule) at " + ValueCipher.display(aadHere)
                        + ", which the rule encrypts; it would be readable there. Anchor the value under a path"
                        + " the rule encrypts, or write it out instead of the alias");
            }
        }

        void done() {
            replaying--;
        }
    }
}
