package com.webgrip.deploy.helm.values;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.helm.HelmInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What we write as YAML or JSON, Helm's reading rules read back to the same tree. */
class ValuesYamlTest {
    private static final String[] TRICKY = {
        "\u2028",
        "a\u2029b",
        " \u2028 ",
        "yes",
        "on",
        "y",
        "N",
        "~",
        "null",
        "0x1F",
        "017",
        "1_000",
        "1e3",
        ".5",
        "-",
        "- a",
        "a: b",
        "#c",
        "a #b",
        "",
        " lead",
        "trail ",
        "2024-01-02",
        "<<",
        "x\ny",
        "tab\t",
        "quote\"",
        "back\\slash",
        "ünï",
        "emoji 🚀",
        "[a]",
        "{b}",
        "*ref",
        "&anchor",
        "!tag",
        "|",
        ">",
        "%",
        "@",
        "`",
        "true",
        "del\u007f",
        "nel\u0085",
        "bom\ufeff"
    };

    @Provide
    Arbitrary<Map<String, Object>> trees() {
        return map(3);
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.of(TRICKY), Arbitraries.strings().ofMaxLength(6).filter(ValuesYamlTest::wellFormed));
    }

    /** Strings a YAML or JSON file can carry: no unpaired surrogate. */
    private static boolean wellFormed(String s) {
        return s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                strings().map(s -> (Object) s),
                Arbitraries.longs().between(-(1L << 53), 1L << 53).map(l -> (Object) l),
                Arbitraries.doubles()
                        .between(-1e6, 1e6)
                        .ofScale(3)
                        .filter(d -> d != Math.rint(d))
                        .map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.oneOf(
                scalar,
                value(depth - 1).list().ofMaxSize(3).map(l -> (Object) new ArrayList<>(l)),
                map(depth - 1).map(m -> (Object) m));
    }

    private static Arbitrary<Map<String, Object>> map(int depth) {
        return Arbitraries.maps(strings(), value(depth)).ofMaxSize(4).map(LinkedHashMap::new);
    }

    private static Values readBack(String text, String name) {
        try {
            return Values.parse(text, name);
        } catch (HelmInputException e) {
            throw new AssertionError(e.getMessage() + " in:\n" + text.replace("\n", "\u23CE\n"), e);
        }
    }

    @Property(tries = 300)
    void yamlWeWriteReadsBackToTheSameTree(@ForAll("trees") Map<String, Object> tree) throws HelmInputException {
        Values values = Values.of(tree);
        assertThat(readBack(values.toYaml(), "written.yaml").asMap())
                .as(values.toYaml())
                .isEqualTo(values.asMap());
    }

    @Example
    void jsonWeWriteEscapesDelWhichYamlReadersRefuse() throws HelmInputException {
        Values values = Values.of(Map.of("a\u007fb", "c\u007f"));

        assertThat(values.toJson()).isEqualTo("{\"a\\u007Fb\":\"c\\u007F\"}");
        assertThat(readBack(values.toJson(), "written.json")).isEqualTo(values);
    }

    @Example
    void yamlWeWriteQuotesCharactersYamlReadersRefuseRaw() throws HelmInputException {
        Values values = Values.of(Map.of("del\u007f", "nel\u0085", "bom\ufeff", "x"));

        assertThat(readBack(values.toYaml(), "written.yaml")).isEqualTo(values);
    }

    @Property(tries = 300)
    void jsonWeWriteReadsBackToTheSameTree(@ForAll("trees") Map<String, Object> tree) throws HelmInputException {
        Values values = Values.of(tree);
        assertThat(readBack(values.toJson(), "written.json").asMap()).isEqualTo(values.asMap());
    }
}
