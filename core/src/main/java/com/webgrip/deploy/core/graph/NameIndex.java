package com.webgrip.deploy.core.graph;

/**
 * Chart names to their positions, in one flat int table with open addressing (linear probing, at most half full)
 * and no object per name. Each slot packs a position (plus one, so that 0 marks an empty slot) in its low bits and
 * the high bits of the name's hash above them, so a probe that meets another name almost never has to look at the
 * stored string.
 *
 * <p>Resolving a million needs is the hot loop of building a large graph, and it waits on memory: the need's string
 * (for its hash), the table slot and the stored name (to confirm the match). {@link #findAll} therefore resolves
 * needs in batches, one simple loop per step, so that the processor can have many of those loads in flight at once
 * instead of one probe loop's worth. {@code HashMap<String, Integer>} needed a node, a boxed position and its table:
 * three dependent loads per lookup and 200,000 objects to collect for 100,000 charts.
 */
final class NameIndex {
    private final String[] names;
    private final int[] table;
    private final int mask;
    private final int shift;
    private final int positionBits;
    private final int positionMask;

    /** An index for up to {@code capacity} names, at positions {@code 0..capacity-1}. */
    NameIndex(int capacity) {
        int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        this.names = new String[capacity];
        this.table = new int[slots];
        this.mask = slots - 1;
        this.shift = Integer.numberOfLeadingZeros(mask);
        this.positionBits = 32 - Integer.numberOfLeadingZeros(capacity);
        this.positionMask = positionBits == 32 ? -1 : (1 << positionBits) - 1;
    }

    /**
     * Adds a name at a position, unless the name is there already.
     *
     * @return -1 when added, else the position the name already has
     */
    int putIfAbsent(String name, int position) {
        int hash = name.hashCode();
        int tag = tag(hash);
        for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                table[slot] = tag | (position + 1);
                names[position] = name;
                return -1;
            }
            if ((entry & ~positionMask) == tag && same(names[(entry & positionMask) - 1], name)) {
                return (entry & positionMask) - 1;
            }
        }
    }

    /** The position of a name, or -1. */
    int find(String name) {
        int hash = name.hashCode();
        int tag = tag(hash);
        for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if ((entry & ~positionMask) == tag && same(names[(entry & positionMask) - 1], name)) {
                return (entry & positionMask) - 1;
            }
        }
    }

    /**
     * Resolves {@code keys[0..count)}, whose hash codes are in {@code hashes}, into {@code positions[0..count)} (-1
     * for a name that is not here), the same as {@link #find} on each.
     */
    void findAll(String[] keys, int[] hashes, int count, int[] positions) {
        for (int k = 0; k < count; k++) {
            int hash = hashes[k];
            int tag = tag(hash);
            int slot = slot(hash);
            int entry = table[slot];
            while (entry != 0 && (entry & ~positionMask) != tag) {
                slot = (slot + 1) & mask;
                entry = table[slot];
            }
            positions[k] = (entry & positionMask) - 1;
        }
        for (int k = 0; k < count; k++) {
            int position = positions[k];
            if (position >= 0 && !same(names[position], keys[k])) {
                positions[k] = find(keys[k]); // the tags agreed, the names do not: probe on
            }
        }
    }

    /** Fibonacci hashing spreads names that differ only in their last characters over the whole table. */
    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    private int tag(int hash) {
        return positionBits == 32 ? 0 : hash & ~positionMask;
    }

    // Reference equality first: a need is often the very string its chart is named with.
    @SuppressWarnings("ReferenceEquality")
    private static boolean same(String stored, String name) {
        return stored == name || stored.equals(name);
    }
}
