package com.webgrip.deploy.core.graph;

/**
 * A stable sort of indexes by non-negative int keys in linear time: one counting pass when the keys span a range
 * not much larger than their number (order numbers usually do), else an LSD radix sort in two 16-bit passes.
 */
final class Radix {
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;
    private static final int MASK = BUCKETS - 1;

    private Radix() {}

    /** The indexes {@code 0..keys.length-1} ordered by their key; equal keys keep index order. */
    static int[] sortIndexesByKey(int[] keys) {
        int n = keys.length;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int key : keys) {
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        if (n == 0) {
            return new int[0];
        }
        long range = (long) max - min + 1;
        if (range <= Math.max(BUCKETS, 4L * n)) {
            return countingSort(keys, min, (int) range);
        }
        return radixSort(keys);
    }

    private static int[] countingSort(int[] keys, int min, int range) {
        int[] start = new int[range + 1];
        for (int key : keys) {
            start[key - min + 1]++;
        }
        for (int b = 0; b < range; b++) {
            start[b + 1] += start[b];
        }
        int[] sorted = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[start[keys[i] - min]++] = i;
        }
        return sorted;
    }

    private static int[] radixSort(int[] keys) {
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
