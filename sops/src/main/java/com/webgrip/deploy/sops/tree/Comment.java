package com.webgrip.deploy.sops.tree;

import java.util.Objects;

/**
 * A comment line: the text after {@code #} (or {@code ;} in INI), kept as an item of the mapping
 * or sequence it appears in. Comments are encrypted like values ({@code type:comment}) but are
 * never part of the MAC.
 *
 * @param text the comment text without the comment marker; a leading space is kept
 * @param inline whether the comment stood at the end of a value's line (YAML)
 */
public record Comment(String text, boolean inline) implements Node, Node.MapItem {
    public Comment {
        Objects.requireNonNull(text, "text");
    }

    /** A comment on a line of its own. */
    public static Comment of(String text) {
        return new Comment(text, false);
    }

    /** The length only: an encrypted comment's text is a secret once decrypted. */
    @Override
    public String toString() {
        return "Comment[" + text.length() + " chars" + (inline ? ", inline" : "") + "]";
    }
}
