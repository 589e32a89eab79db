package com.webgrip.deploy.sops;

import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import com.webgrip.deploy.sops.tree.ScalarFormats;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Walks the documents as sops does ({@code walkBranch}): depth first in document order, every leaf
 * with its path of map keys and the stack of comments before it, to encrypt or decrypt the leaves
 * the rule selects, and to compute the MAC: SHA-512 over the plaintext bytes of every non-comment,
 * non-null leaf (only the encrypted ones with {@code mac_only_encrypted}, after a SHA-256 of
 * "sops"), upper-case hex.
 */
final class TreeCrypter {
    /** SHA-256("sops"): what sops feeds the MAC first when {@code mac_only_encrypted} is set. */
    private static final byte[] MAC_ONLY_ENCRYPTED_INIT =
            HexFormat.of().parseHex("8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69");

    private final ValueCipher cipher;
    private final EncryptionRule rule;
    private final boolean macOnlyEncrypted;
    private final String source;
    private final boolean encrypting;
    private final MessageDigest mac;

    /** The walked documents and the MAC over their values. */
    record Result(List<Node.Mapping> documents, String mac) {}

    private TreeCrypter(ValueCipher cipher, Metadata metadata, String source, boolean encrypting) {
        this.cipher = cipher;
        this.rule = metadata.rule();
        this.macOnlyEncrypted = metadata.macOnlyEncrypted();
        this.source = source;
        this.encrypting = encrypting;
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
        return new TreeCrypter(cipher, metadata, source, true).walk(documents);
    }

    static Result decrypt(List<Node.Mapping> documents, ValueCipher cipher, Metadata metadata, String source)
            throws SopsException {
        return new TreeCrypter(cipher, metadata, source, false).walk(documents);
    }

    private Result walk(List<Node.Mapping> documents) throws SopsException {
        List<Node.Mapping> out = new ArrayList<>(documents.size());
        for (Node.Mapping document : documents) {
            out.add(mapping(document, new ArrayList<>(), new ArrayList<>()));
        }
        return new Result(out, HexFormat.of().withUpperCase().formatHex(mac.digest()));
    }

    private Node.Mapping mapping(Node.Mapping in, List<String> path, List<List<String>> stack) throws SopsException {
        List<List<String>> levels = new ArrayList<>(stack);
        List<String> current = new ArrayList<>();
        levels.add(current);
        List<Node.MapItem> items = new ArrayList<>(in.items().size());
        for (Node.MapItem item : in.items()) {
            if (item instanceof Comment c) {
                current.add(c.text());
                items.add((Comment) leaf(c, path, levels));
                continue;
            }
            Node.Entry entry = (Node.Entry) item;
            boolean valueIsComment = entry.value() instanceof Comment;
            if (valueIsComment) {
                current.add(((Comment) entry.value()).text());
            }
            path.add(entry.key());
            items.add(new Node.Entry(entry.key(), value(entry.value(), path, levels)));
            path.remove(path.size() - 1);
            if (!valueIsComment) {
                current.clear();
            }
        }
        return new Node.Mapping(items);
    }

    private Node sequence(Node.Sequence in, List<String> path, List<List<String>> stack) throws SopsException {
        List<List<String>> levels = new ArrayList<>(stack);
        List<String> current = new ArrayList<>();
        levels.add(current);
        List<Node> items = new ArrayList<>(in.items().size());
        for (Node item : in.items()) {
            boolean isComment = item instanceof Comment;
            if (isComment) {
                current.add(((Comment) item).text());
            }
            items.add(value(item, path, levels));
            if (!isComment) {
                current.clear();
            }
        }
        return new Node.Sequence(items);
    }

    private Node value(Node value, List<String> path, List<List<String>> stack) throws SopsException {
        if (value instanceof Node.Mapping m) {
            return mapping(m, path, stack);
        }
        if (value instanceof Node.Sequence s) {
            return sequence(s, path, stack);
        }
        if (value instanceof Node.Null) {
            return value;
        }
        return leaf(value, path, stack);
    }

    private Node leaf(Node in, List<String> path, List<List<String>> stack) throws SopsException {
        boolean isComment = in instanceof Comment;
        boolean encrypted = rule.shouldEncrypt(path, stack, isComment);
        String aad = String.join(":", path) + ":";
        if (encrypting) {
            if (!isComment && (!macOnlyEncrypted || encrypted)) {
                mac.update(bytes(in));
            }
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
        Node out = in;
        if (encrypted) {
            if (isComment) {
                Comment c = (Comment) in;
                try {
                    Node plain = cipher.decrypt(c.text(), aad, source);
                    out = new Comment(plain instanceof Comment pc ? pc.text() : c.text(), c.inline());
                } catch (SopsException e) {
                    // sops keeps a comment that does not decrypt: files from before comments were encrypted
                    out = c;
                }
            } else if (in instanceof Node.Str s) {
                out = cipher.decrypt(s.value(), aad, source);
            } else {
                throw new SopsFormatException(source + ": the value at " + ValueCipher.display(aad)
                        + " should be encrypted, but is a " + kind(in) + " in clear; expected an ENC[...] string");
            }
        }
        if (!isComment && (!macOnlyEncrypted || encrypted)) {
            mac.update(bytes(out));
        }
        return out;
    }

    private static String kind(Node node) {
        return node.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** sops's {@code ToBytes}: the text fed to the MAC. */
    static byte[] bytes(Node value) {
        if (value instanceof Node.Str s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        } else if (value instanceof Node.Bytes b) {
            return b.value();
        } else if (value instanceof Node.Int i) {
            return Long.toString(i.value()).getBytes(StandardCharsets.US_ASCII);
        } else if (value instanceof Node.Flt f) {
            return ScalarFormats.goFloatF(f.value()).getBytes(StandardCharsets.US_ASCII);
        } else if (value instanceof Node.Bool b) {
            return ScalarFormats.pythonBool(b.value()).getBytes(StandardCharsets.US_ASCII);
        } else if (value instanceof Node.Time t) {
            return t.value().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).getBytes(StandardCharsets.US_ASCII);
        } else if (value instanceof Comment c) {
            return c.text().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }
}
