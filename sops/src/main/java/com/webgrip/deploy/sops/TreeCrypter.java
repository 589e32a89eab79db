package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Anchors;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Walks the documents as sops does ({@code walkBranch}): depth first in document order, every leaf
 * with its path of map keys and the stack of comments before it, to encrypt or decrypt the leaves
 * the rule selects, and to compute the MAC: SHA-512 over the plaintext bytes of every non-comment,
 * non-null leaf (only the encrypted ones with {@code mac_only_encrypted}, after a SHA-256 of
 * "sops"), upper-case hex.
 *
 * <p>Decryption runs in three passes so that the values can be decrypted on several cores: a walk
 * that applies the rule and lists the values to decrypt, the decryption of that list
 * ({@link LeafDecryption}), and a walk that rebuilds the tree in document order, feeds the MAC and
 * reports the first failure in document order, as a single pass would.
 *
 * <p>Keep-anchors trees: the leaves under an anchor are walked once, at the anchor's path; an alias
 * is not encrypted, and the MAC takes it in document order as the bytes {@code NUL '*' path NUL name
 * NUL} (path as the AAD of a value at the alias), so that a re-pointed, moved, added or dropped
 * alias fails the MAC. Files without aliases get exactly sops's MAC. Encryption checks every alias
 * against its anchor ({@link AnchorGuard}): a value the rule leaves in clear at the anchor but would
 * encrypt at the alias is refused. A merge key's aliases are checked where their entries are merged (the mapping
 * that holds the {@code <<}), as if every merged key were visible there.
 */
final class TreeCrypter {
    /** SHA-256("sops"): what sops feeds the MAC first when {@code mac_only_encrypted} is set. */
    private static final byte[] MAC_ONLY_ENCRYPTED_INIT =
            HexFormat.of().parseHex("8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69");

    private final EncryptionRule rule;
    private final boolean macOnlyEncrypted;
    private final String source;
    private final MessageDigest mac;
    /** Whether a walk builds the new tree; the decryption's first walk only looks. */
    private boolean build = true;
    /** Encryption only: the anchors met, to check aliases against them; null when decrypting. */
    private AnchorGuard guard;

    /** The walked documents and the MAC over their values. */
    record Result(List<Node.Mapping> documents, String mac) {}

    /**
     * What happens to each leaf of a walk; returns the leaf to put in the new tree. The leaf's
     * authenticated data is {@link #aad}{@code (prefix, key)}, built only by the visitors that need it.
     */
    private interface LeafVisitor {
        Node leaf(Node leaf, String prefix, String key, List<String> path, List<List<String>> stack)
                throws SopsException;
    }

    /**
     * sops's AAD, the path joined with colons plus a trailing colon: {@code prefix + key + ":"} for
     * a value under a key, the collection's own path for a list item or a comment ({@code ":"} at
     * the top).
     */
    static String aad(String prefix, String key) {
        if (key != null) {
            return prefix + key + ":";
        }
        return prefix.isEmpty() ? ":" : prefix;
    }

    private TreeCrypter(Metadata metadata, String source) {
        this.rule = metadata.rule();
        this.macOnlyEncrypted = metadata.macOnlyEncrypted();
        this.source = source;
        try {
            this.mac = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from this JDK", e);
        }
        if (macOnlyEncrypted) {
            mac.update(MAC_ONLY_ENCRYPTED_INIT);
        }
    }

    static Result encrypt(List<Node.Mapping> documents, ValueCipher cipher, Metadata metadata, String source)
            throws SopsException {
        TreeCrypter crypter = new TreeCrypter(metadata, source);
        crypter.guard = new AnchorGuard(source);
        return crypter.result(crypter.walk(
                documents,
                (leaf, prefix, key, path, stack) -> crypter.encryptLeaf(leaf, aad(prefix, key), path, stack, cipher)));
    }

    /**
     * Decrypts the documents.
     *
     * @param keepIvs whether to fill the cipher's IV stash (for writing the file back)
     * @param parallel whether large documents may be decrypted on several threads
     */
    static Result decrypt(
            List<Node.Mapping> documents,
            ValueCipher cipher,
            Metadata metadata,
            String source,
            boolean keepIvs,
            boolean parallel)
            throws SopsException {
        TreeCrypter crypter = new TreeCrypter(metadata, source);
        LeafDecryption jobs = new LeafDecryption(source, keepIvs);
        BitSet selected = new BitSet();
        int[] ordinal = {0};
        crypter.build = false;
        crypter.walk(documents, (leaf, prefix, key, path, stack) -> {
            boolean isComment = leaf instanceof Comment;
            if (crypter.rule.shouldEncrypt(path, stack, isComment)) {
                selected.set(ordinal[0]);
                String aad = aad(prefix, key);
                if (isComment) {
                    jobs.add(((Comment) leaf).text(), aad);
                } else if (leaf instanceof Node.Str s) {
                    jobs.add(s.value(), aad);
                } else {
                    jobs.fail(new SopsFormatException(source + ": the value at " + ValueCipher.display(aad)
                            + " should be encrypted, but is a " + kind(leaf)
                            + " in clear; expected an ENC[...] string"));
                }
            }
            ordinal[0]++;
            return null;
        });
        jobs.run(cipher, parallel);
        crypter.build = true;
        int[] next = {0, 0};
        List<Node.Mapping> decrypted = crypter.walk(documents, (leaf, prefix, key, path, stack) -> {
            boolean encrypted = selected.get(next[0]++);
            Node out = leaf;
            if (encrypted) {
                int job = next[1]++;
                SopsException failure = jobs.failure(job);
                if (leaf instanceof Comment c) {
                    // sops keeps a comment that does not decrypt: files from before comments were encrypted
                    out = failure == null ? ValueCipher.comment(c, jobs.value(job)) : c;
                } else if (failure != null) {
                    throw failure;
                } else {
                    out = jobs.value(job);
                }
                if (keepIvs && failure == null) {
                    cipher.remember(jobs.opened(job));
                }
            }
            crypter.hash(out, encrypted);
            return out;
        });
        return crypter.result(decrypted);
    }

    private Node encryptLeaf(Node in, String aad, List<String> path, List<List<String>> stack, ValueCipher cipher)
            throws SopsException {
        boolean isComment = in instanceof Comment;
        boolean encrypted = rule.shouldEncrypt(path, stack, isComment);
        guard.leaf(encrypted, aad);
        hash(in, encrypted);
        if (!encrypted) {
            return in;
        }
        String enc = cipher.encrypt(in, aad);
        if (isComment) {
            if (rule.kind() == EncryptionRule.Kind.UNENCRYPTED_COMMENT_REGEX && GoRegex.find(rule.value(), enc)) {
                throw new SopsException("an encrypted comment at " + ValueCipher.display(aad)
                        + " matches unencrypted_comment_regex; choose a regex that cannot match ENC[...] text");
            }
            return new Comment(enc, ((Comment) in).inline());
        }
        return new Node.Str(enc);
    }

    /** Feeds a (plaintext) leaf to the MAC: every non-comment, or only the encrypted ones. */
    private void hash(Node plain, boolean encrypted) {
        if (!(plain instanceof Comment) && (!macOnlyEncrypted || encrypted)) {
            mac.update(PlainValues.macBytes(plain));
        }
    }

    /** Feeds an alias to the MAC (see the class comment); only walks that build do, once per alias. */
    private void hashAlias(String aad, Node.Alias alias) {
        mac.update((byte) 0);
        mac.update((byte) '*');
        mac.update(aad.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(alias.anchor().getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
    }

    /** A merge key's aliases, hashed as the decryption walk meets them (value, or items, of {@code <<}). */
    private void hashMerge(Node.Entry entry, String prefix) {
        for (Node.Alias alias : Anchors.mergeAliases(entry)) {
            hashAlias(aad(prefix, Anchors.MERGE_KEY), alias);
        }
    }

    private Result result(List<Node.Mapping> documents) {
        return new Result(documents, HexFormat.of().withUpperCase().formatHex(mac.digest()));
    }

    /** Walks every document; returns the new documents, or null when not building. */
    private List<Node.Mapping> walk(List<Node.Mapping> documents, LeafVisitor visitor) throws SopsException {
        List<Node.Mapping> out = new ArrayList<>(documents.size());
        for (Node.Mapping document : documents) {
            if (guard != null) {
                guard.startDocument();
            }
            out.add(mapping(document, "", new ArrayList<>(), new ArrayList<>(), visitor));
        }
        return build ? out : null;
    }

    /**
     * Walks a mapping whose path joins to {@code prefix} ({@code "a:b:"}; empty at the top). The
     * authenticated data of a leaf under key {@code k} is {@code prefix + k + ":"}; a comment of
     * the mapping itself gets the mapping's own path, {@code ":"} at the top.
     */
    private Node.Mapping mapping(
            Node.Mapping in, String prefix, List<String> path, List<List<String>> stack, LeafVisitor visitor)
            throws SopsException {
        List<List<String>> levels = new ArrayList<>(stack);
        List<String> current = new ArrayList<>();
        levels.add(current);
        List<Node.MapItem> items = build ? new ArrayList<>(in.items().size()) : null;
        for (Node.MapItem item : in.items()) {
            if (item instanceof Comment c) {
                current.add(c.text());
                Node leaf = visitor.leaf(c, prefix, null, path, levels);
                if (build) {
                    items.add((Comment) leaf);
                }
                continue;
            }
            Node.Entry entry = (Node.Entry) item;
            if (guard != null && Anchors.isMerge(entry)) {
                checkMerge(entry, prefix, path, stack);
                if (build) {
                    hashMerge(entry, prefix);
                    items.add(entry);
                }
                current.clear();
                continue;
            }
            boolean valueIsComment = entry.value() instanceof Comment;
            if (valueIsComment) {
                current.add(((Comment) entry.value()).text());
            }
            path.add(entry.key());
            Node value = value(entry.value(), prefix, entry.key(), path, levels, visitor);
            if (build) {
                items.add(new Node.Entry(entry.key(), value));
            }
            path.remove(path.size() - 1);
            if (!valueIsComment) {
                current.clear();
            }
        }
        return build ? new Node.Mapping(items) : null;
    }

    private Node sequence(
            Node.Sequence in, String prefix, List<String> path, List<List<String>> stack, LeafVisitor visitor)
            throws SopsException {
        List<List<String>> levels = new ArrayList<>(stack);
        List<String> current = new ArrayList<>();
        levels.add(current);
        List<Node> items = build ? new ArrayList<>(in.items().size()) : null;
        for (Node item : in.items()) {
            boolean isComment = item instanceof Comment;
            if (isComment) {
                current.add(((Comment) item).text());
            }
            Node value = value(item, prefix, null, path, levels, visitor);
            if (build) {
                items.add(value);
            }
            if (!isComment) {
                current.clear();
            }
        }
        return build ? new Node.Sequence(items) : null;
    }

    /** A value under {@code key} of a mapping with this prefix, or (key null) an item of a list. */
    private Node value(
            Node value, String prefix, String key, List<String> path, List<List<String>> stack, LeafVisitor visitor)
            throws SopsException {
        if (value instanceof Node.Anchored a) {
            boolean record = guard != null && !guard.replaying();
            if (record) {
                guard.openAnchor();
            }
            Node inner = value(a.node(), prefix, key, path, stack, visitor);
            if (record) {
                guard.closeAnchor(a.anchor(), a.node());
            }
            return build ? new Node.Anchored(a.anchor(), inner) : null;
        }
        if (value instanceof Node.Alias alias) {
            if (guard != null) {
                checkAlias(alias, prefix, key, path, stack, false);
            }
            if (build) {
                hashAlias(aad(prefix, key), alias);
            }
            return value;
        }
        if (value instanceof Node.Mapping m) {
            return mapping(m, key == null ? prefix : prefix + key + ":", path, stack, visitor);
        }
        if (value instanceof Node.Sequence s) {
            return sequence(s, key == null ? prefix : prefix + key + ":", path, stack, visitor);
        }
        if (value instanceof Node.Null) {
            return value;
        }
        return visitor.leaf(value, prefix, key, path, stack);
    }

    private void checkMerge(Node.Entry entry, String prefix, List<String> path, List<List<String>> stack)
            throws SopsException {
        for (Node.Alias alias : Anchors.mergeAliases(entry)) {
            checkAlias(alias, prefix, null, path, stack, true);
        }
    }

    /**
     * Walks the anchor's plaintext again at the alias (for a merge: in the mapping that holds the
     * merge key) and compares the rule's decisions there with those at the anchor.
     */
    private void checkAlias(
            Node.Alias alias, String prefix, String key, List<String> path, List<List<String>> stack, boolean merged)
            throws SopsException {
        String where = ValueCipher.display(merged ? aad(prefix, Anchors.MERGE_KEY) : aad(prefix, key));
        AnchorGuard.Anchor anchor = guard.anchor(alias, where);
        if (merged && !(anchor.value() instanceof Node.Mapping)) {
            throw new SopsFormatException(source + ": the merge key at " + where + " names *" + alias.anchor()
                    + ", which is not a mapping; a merge key takes aliases of mappings");
        }
        AnchorGuard.Replay replay = guard.replay(alias, anchor);
        boolean building = build;
        build = false;
        try {
            LeafVisitor check = (leaf, p, k, leafPath, leafStack) -> {
                replay.leaf(rule.shouldEncrypt(leafPath, leafStack, leaf instanceof Comment), aad(p, k));
                return null;
            };
            if (merged) {
                mapping((Node.Mapping) anchor.value(), prefix, path, stack, check);
            } else {
                value(anchor.value(), prefix, key, path, stack, check);
            }
        } finally {
            build = building;
            replay.done();
        }
    }

    private static String kind(Node node) {
        return node.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
