package com.webgrip.deploy.core.graph;

/** A stable LSD radix sort of indexes by non-negative int keys: two 16-bit passes, linear time. */
final class Radix {
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;
    private static final int MASK = BUCKETS - 1;

    private Radix() {}

    /** The indexes {@code 0..keys.length-1} ordered by their key; equal keys keep index order. */
    static int[] sortIndexesByKey(int[] keys) {
        int n = keys.length;
        int[] from = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = i;
        }
        int[] to = new int[n];
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < 32; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[((keys[i] >>> shift) & MASK) + 1]++;
            }
            for (int b = 0; b < BUCKETS; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int index = from[i];
                to[count[(keys[index] >>> shift) & MASK]++] = index;
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }
}
