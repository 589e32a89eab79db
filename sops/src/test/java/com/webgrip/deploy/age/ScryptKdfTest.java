package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

class ScryptKdfTest {

    @Test
    void matchesTheRfc7914TestVector() {
        byte[] key = ScryptKdf.derive(
                "password".getBytes(StandardCharsets.US_ASCII),
                "NaCl".getBytes(StandardCharsets.US_ASCII),
                10,
                8,
                16,
                64);
        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    }

    @Property(tries = 40)
    void agreesWithBouncyCastle(
            @ForAll @Size(max = 40) byte[] password,
            @ForAll @Size(max = 48) byte[] salt,
            @ForAll @IntRange(min = 1, max = 7) int logN,
            @ForAll @IntRange(min = 1, max = 4) int r,
            @ForAll @IntRange(min = 1, max = 2) int p) {
        assertThat(ScryptKdf.derive(password, salt, logN, r, p, 32))
                .isEqualTo(SCrypt.generate(password, salt, 1 << logN, r, p, 32));
    }

    @Test
    void refusesParametersWhoseTableCannotBeIndexed() {
        assertThatThrownBy(() -> ScryptKdf.derive(new byte[1], new byte[1], 23, 8, 1, 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logN 23");
    }
}
