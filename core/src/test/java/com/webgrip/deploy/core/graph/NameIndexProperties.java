package com.webgrip.deploy.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The open-addressing name index agrees with a HashMap. */
class NameIndexProperties {

    @Property(tries = 300)
    void findsWhatAHashMapFinds(
            @ForAll @Size(max = 200) List<@StringLength(max = 3) String> names,
            @ForAll @Size(max = 50) List<@StringLength(max = 3) String> probes) {
        NameIndex index = new NameIndex(names.size());
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            // copies, so that equal names are found by equals and not only by reference
            String name = new String(names.get(i));
            Integer first = expected.putIfAbsent(name, i);
            assertThat(index.putIfAbsent(name, i)).isEqualTo(first == null ? -1 : first);
        }
        for (String probe : probes) {
            assertThat(index.find(new String(probe))).isEqualTo(expected.getOrDefault(probe, -1));
        }
        expected.forEach((name, position) -> assertThat(index.find(name)).isEqualTo(position));
    }

    @Test
    void tellsApartNamesWithTheSameHash() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        NameIndex index = new NameIndex(2);

        assertThat(index.putIfAbsent("Aa", 0)).isEqualTo(-1);
        assertThat(index.find("BB")).isEqualTo(-1);
        assertThat(index.putIfAbsent("BB", 1)).isEqualTo(-1);
        assertThat(index.find("Aa")).isZero();
        assertThat(index.find("BB")).isEqualTo(1);
        assertThat(index.putIfAbsent("BB", 1)).isEqualTo(1);
    }
}
