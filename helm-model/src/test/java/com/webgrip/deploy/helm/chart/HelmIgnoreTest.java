package com.webgrip.deploy.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.helm.HelmInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Helm 3.21's .helmignore rules (the cases of helm/helm pkg/ignore/rules_test.go, plus parsing details). */
class HelmIgnoreTest {
    private static HelmIgnore rules(String text) throws HelmInputException {
        return HelmIgnore.parse(text.getBytes(StandardCharsets.UTF_8), ".helmignore");
    }

    @ParameterizedTest(name = "{0} ignores {1} (folder {2}): {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "helm.txt|helm.txt|false|true",
                "helm.*|helm.txt|false|true",
                "helm.*|rudder.txt|false|false",
                "*.txt|tiller.txt|false|true",
                "*.txt|cargo/a.txt|false|true",
                "cargo/*.txt|cargo/a.txt|false|true",
                "cargo/*.*|cargo/a.txt|false|true",
                "cargo/*.txt|mast/a.txt|false|false",
                "ru[c-e]?er.txt|rudder.txt|false|true",
                "templates/.?*|templates/.dotfile|false|true",
                ".*|.|true|false",
                ".*|./|true|false",
                ".*|.joonix|false|true",
                ".*|helm.txt|false|false",
                ".*|''|true|false",
                "cargo/|cargo|true|true",
                "cargo/|cargo/|true|true",
                "cargo/|mast/|true|false",
                "helm.txt/|helm.txt|false|false",
                "!helm.txt|helm.txt|false|false",
                "!helm.txt|tiller.txt|false|true",
                "!*.txt|cargo|true|true",
                "!cargo/|mast/|true|true",
                "!cargo/|cargo/a.txt|false|true",
                "/a.txt|a.txt|false|true",
                "/a.txt|cargo/a.txt|false|false",
                "/cargo/a.txt|cargo/a.txt|false|true",
                "*.txt|templates/a.txt|false|true",
                "docs|a/b/docs|true|true",
                "a/*|a/b/c|false|false"
            })
    void decidesAsHelmDoes(String rule, String path, boolean folder, boolean ignored) throws HelmInputException {
        assertThat(rules(rule).ignores(path, folder)).isEqualTo(ignored);
    }

    @Test
    void appliesHelmsDefaultRuleAfterTheFilesRules() throws HelmInputException {
        HelmIgnore defaults = HelmIgnore.defaults();
        assertThat(defaults.ignores("templates/.hidden.yaml", false)).isTrue();
        assertThat(defaults.ignores("templates/.git", true)).isTrue();
        assertThat(defaults.ignores("templates/sub/.hidden.yaml", false)).isFalse();
        assertThat(defaults.ignores("charts/sub/templates/.hidden.yaml", false)).isFalse();
        assertThat(defaults.ignores(".hidden", false)).isFalse();
        // What a negated rule matches goes on to the next rules, the default included; what it does not match is out.
        assertThat(rules("!templates/*").ignores("templates/.hidden.yaml", false))
                .isTrue();
        assertThat(rules("!templates/*").ignores("templates/a.yaml", false)).isFalse();
        assertThat(rules("!templates/*").ignores("values.yaml", false)).isTrue();
        assertThat(rules("other.txt").ignores("templates/.hidden.yaml", false)).isTrue();
    }

    @Test
    void skipsCommentsAndBlankLinesAndTrimsSpacesBomAndCarriageReturns() throws HelmInputException {
        HelmIgnore r = HelmIgnore.parse(
                "\uFEFF#ignore\r\n\r\n\t#ignore\n  foo  \r\n\u00A0bar/*\u3000\n# *.txt\n"
                        .getBytes(StandardCharsets.UTF_8),
                ".helmignore");
        assertThat(r.ignores("x/foo", false)).isTrue();
        assertThat(r.ignores("bar/a", false)).isTrue();
        assertThat(r.ignores("a.txt", false)).isFalse();
        assertThat(r.ignores("#ignore", false)).isFalse();
    }

    @Test
    void anInlineHashIsPartOfThePattern() throws HelmInputException {
        assertThat(rules("foo* # any foo").ignores("foo", false)).isFalse();
        assertThat(rules("foo* # any foo").ignores("foo1 # any foo", false)).isTrue();
    }

    @Test
    void refusesDoubleStarsAndMalformedPatternsNamingTheLine() {
        assertThatThrownBy(() -> rules("ok\n\nfoo/**/bar\n")).isInstanceOfSatisfying(HelmInputException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.problem()).isEqualTo("double-star (**) syntax is not supported");
            assertThat(e.source()).isEqualTo(".helmignore");
        });
        assertThatThrownBy(() -> rules("[z-")).isInstanceOfSatisfying(HelmInputException.class, e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.problem()).isEqualTo("syntax error in pattern");
        });
    }

    @Test
    void aRuleThatOnlyBreaksOnceTrimmedMatchesNothing() throws HelmInputException {
        // "a\/" parses, but its pattern without the trailing slash ends in a lone backslash.
        assertThat(rules("a\\/").ignores("a", true)).isFalse();
        // A negated rule that cannot match ignores everything, as in Helm.
        assertThat(rules("!a\\/").ignores("a", true)).isTrue();
    }

    @Test
    void baseNameIsGos() {
        assertThat(HelmIgnore.baseName("a/b")).isEqualTo("b");
        assertThat(HelmIgnore.baseName("cargo/")).isEqualTo("cargo");
        assertThat(HelmIgnore.baseName("")).isEqualTo(".");
        assertThat(HelmIgnore.baseName("//")).isEqualTo("/");
    }
}
