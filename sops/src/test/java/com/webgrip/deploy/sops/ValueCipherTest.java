package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written ENC[…] splitter agrees with sops's greedy regular expression. */
class ValueCipherTest {
    private static final Pattern SOPS = Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]");

    @Property(tries = 2000)
    void splitsEncValuesExactlyAsSopsRegexDoes(@ForAll("encLike") String text) {
        Matcher m = SOPS.matcher(text);
        String[] parts = ValueCipher.split(text);
        if (m.find()) {
            assertThat(parts).containsExactly(m.group(1), m.group(2), m.group(3), m.group(4));
        } else {
            assertThat(parts).isNull();
        }
    }

    @Provide
    Arbitrary<String> encLike() {
        Arbitrary<String> piece = Arbitraries.of(",iv:", ",tag:", ",type:", "]", "A", "b=", ",", ":", "[");
        return piece.list().ofMaxSize(12).map(list -> "ENC[AES256_GCM,data:" + String.join("", list));
    }
}
