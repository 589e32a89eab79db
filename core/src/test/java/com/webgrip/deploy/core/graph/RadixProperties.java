package com.webgrip.deploy.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The index sort agrees with a stable comparison sort, on both of its paths. */
class RadixProperties {

    private static int[] stableSortByKey(int[] keys) {
        return IntStream.range(0, keys.length)
                .boxed()
                .sorted(Comparator.comparingInt(i -> keys[i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    @Property(tries = 200)
    void keysInANarrowRangeAreCountingSortedStably(
            @ForAll @Size(max = 300) List<@IntRange(min = 1_000, max = 1_040) Integer> keys) {
        int[] array = keys.stream().mapToInt(Integer::intValue).toArray();

        assertThat(Radix.sortIndexesByKey(array)).containsExactly(stableSortByKey(array));
    }

    @Property(tries = 200)
    void keysInAWideRangeAreRadixSortedStably(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> keys) {
        int[] array = keys.stream().mapToInt(Integer::intValue).toArray();

        assertThat(Radix.sortIndexesByKey(array)).containsExactly(stableSortByKey(array));
    }
}
