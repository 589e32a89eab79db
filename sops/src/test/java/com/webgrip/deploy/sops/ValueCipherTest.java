package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written ENC[…] splitter agrees with sops's greedy regular expression, and the base64
 * decoding by index agrees with {@link Base64#getDecoder()}.
 */
class ValueCipherTest {
    private static final Pattern SOPS = Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]");

    @Property(tries = 2000)
    void splitsEncValuesExactlyAsSopsRegexDoes(@ForAll("encLike") String text) {
        Matcher m = SOPS.matcher(text);
        String[] parts = EncText.split(text);
        if (m.find()) {
            assertThat(parts).containsExactly(m.group(1), m.group(2), m.group(3), m.group(4));
        } else {
            assertThat(parts).isNull();
        }
    }

    @Property(tries = 3000)
    void decodesBase64ExactlyAsTheJdkDecoderDoes(@ForAll("base64Like") String text) {
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            expected = null;
        }
        String framed = "x" + text + "y";
        byte[] out = new byte[text.length()];

        int length = EncText.decode(framed, 1, framed.length() - 1, out, 0);

        if (expected == null) {
            assertThat(length).isEqualTo(-1);
        } else {
            assertThat(Arrays.copyOf(out, length)).isEqualTo(expected);
            assertThat(EncText.decodedLength(framed, 1, framed.length() - 1)).isEqualTo(expected.length);
        }
    }

    @org.junit.jupiter.api.Test
    void refusesMorePaddingThanBase64AllowsAsTheJdkDecoderDoes() {
        for (String text : new String[] {"====", "A===", "AA===", "AAA====", "AAAA===="}) {
            String framed = "x" + text + "y";
            assertThat(EncText.decode(framed, 1, framed.length() - 1, new byte[8], 0))
                    .as(text)
                    .isEqualTo(-1);
        }
    }

    @Provide
    Arbitrary<String> base64Like() {
        Arbitrary<String> valid = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(40)
                .map(bytes -> Base64.getEncoder().encodeToString(bytes));
        Arbitrary<String> noisy =
                Arbitraries.strings().withChars("AZaz09+/=-_ \n.").ofMaxLength(12);
        Arbitrary<String> unpadded = valid.map(s -> s.replace("=", ""));
        return Arbitraries.oneOf(valid, noisy, unpadded);
    }

    @Provide
    Arbitrary<String> encLike() {
        Arbitrary<String> piece = Arbitraries.of(",iv:", ",tag:", ",type:", "]", "A", "b=", ",", ":", "[");
        return piece.list().ofMaxSize(12).map(list -> "ENC[AES256_GCM,data:" + String.join("", list));
    }
}
