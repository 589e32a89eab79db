package com.webgrip.deploy.sops.tree;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of a SOPS document tree: the value kinds sops knows (str, int, float, bool, time,
 * bytes, comment), null, ordered mappings and sequences.
 *
 * <p>Every node is immutable. A {@link Mapping} keeps the order of its items, and comments are
 * items of their own (in mappings and sequences), as in sops's {@code TreeBranch}.
 */
public sealed interface Node
        permits Node.Str,
                Node.Int,
                Node.Flt,
                Node.Bool,
                Node.Time,
                Node.Bytes,
                Node.Null,
                Comment,
                Node.Mapping,
                Node.Sequence,
                Node.Anchored,
                Node.Alias {

    /** A text value ({@code type:str}). */
    record Str(String value) implements Node {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        /** The length only: a decrypted tree holds secrets, and trees get logged. */
        @Override
        public String toString() {
            return "Str[" + value.length() + " chars]";
        }
    }

    /** A 64-bit integer ({@code type:int}; Go's {@code int} on 64-bit platforms). */
    record Int(long value) implements Node {
        /** The kind only: the value may be a secret. */
        @Override
        public String toString() {
            return "Int[hidden]";
        }
    }

    /** A double ({@code type:float}). */
    record Flt(double value) implements Node {
        /** The kind only: the value may be a secret. */
        @Override
        public String toString() {
            return "Flt[hidden]";
        }
    }

    /** A boolean ({@code type:bool}). */
    record Bool(boolean value) implements Node {
        /** The kind only: the value may be a secret. */
        @Override
        public String toString() {
            return "Bool[hidden]";
        }
    }

    /** A point in time ({@code type:time}). */
    record Time(OffsetDateTime value) implements Node {
        public Time {
            Objects.requireNonNull(value, "value");
        }

        /** The kind only: the value may be a secret. */
        @Override
        public String toString() {
            return "Time[hidden]";
        }
    }

    /** Raw bytes ({@code type:bytes}); the array is copied on the way in and out. */
    record Bytes(byte[] value) implements Node {
        public Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes[" + value.length + " bytes]";
        }
    }

    /** The null value; never encrypted and never part of the MAC. */
    record Null() implements Node {
        /** The one null node. */
        public static final Null INSTANCE = new Null();
    }

    /** An item of a mapping: a key with its value, or a comment. */
    sealed interface MapItem permits Entry, Comment {}

    /** A key and its value. */
    record Entry(String key, Node value) implements MapItem {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** An ordered mapping; keys are unique, comments are items of their own. */
    record Mapping(List<MapItem> items) implements Node {
        /** The empty mapping. */
        public static final Mapping EMPTY = new Mapping(List.of());

        public Mapping {
            items = List.copyOf(items);
        }

        /** The value of a key, if present. */
        public Optional<Node> get(String key) {
            for (MapItem item : items) {
                if (item instanceof Entry entry && entry.key().equals(key)) {
                    return Optional.of(entry.value());
                }
            }
            return Optional.empty();
        }

        /** The entries without the comments, in order. */
        public List<Entry> entries() {
            List<Entry> entries = new ArrayList<>(items.size());
            for (MapItem item : items) {
                if (item instanceof Entry entry) {
                    entries.add(entry);
                }
            }
            return entries;
        }

        /** A copy with the key set to the value: replaced in place, or appended at the end. */
        public Mapping with(String key, Node value) {
            List<MapItem> copy = new ArrayList<>(items);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i) instanceof Entry entry && entry.key().equals(key)) {
                    copy.set(i, new Entry(key, value));
                    return new Mapping(copy);
                }
            }
            copy.add(new Entry(key, value));
            return new Mapping(copy);
        }

        /** A copy without the key (and its value); the same mapping when the key is absent. */
        public Mapping without(String key) {
            List<MapItem> copy = new ArrayList<>(items);
            copy.removeIf(item -> item instanceof Entry entry && entry.key().equals(key));
            return copy.size() == items.size() ? this : new Mapping(copy);
        }
    }

    /** An ordered list; comments are items of their own. */
    record Sequence(List<Node> items) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A value defined with a YAML anchor ({@code &name value}); only the YAML store's keep-anchors
     * mode produces it (see {@link Anchors}). The value is a mapping, a sequence or a scalar.
     */
    record Anchored(String anchor, Node node) implements Node {
        public Anchored {
            Anchors.checkName(anchor);
            Objects.requireNonNull(node, "node");
            if (node instanceof Anchored || node instanceof Alias || node instanceof Comment) {
                throw new IllegalArgumentException("an anchor holds a mapping, a sequence or a scalar; found a "
                        + node.getClass().getSimpleName());
            }
        }
    }

    /**
     * A YAML alias ({@code *name}): the value of the last anchor of that name before it in the
     * document. Only the YAML store's keep-anchors mode produces it (see {@link Anchors}).
     */
    record Alias(String anchor) implements Node {
        public Alias {
            Anchors.checkName(anchor);
        }
    }

    /** A text node. */
    static Str str(String value) {
        return new Str(value);
    }
}
