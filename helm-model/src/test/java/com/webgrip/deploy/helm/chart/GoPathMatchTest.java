package com.webgrip.deploy.helm.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known answers of Go's {@code filepath.Match} on Unix (the cases of Go's own match tests). */
class GoPathMatchTest {
    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("abc", "abc", true),
                Arguments.of("*", "abc", true),
                Arguments.of("*c", "abc", true),
                Arguments.of("a*", "a", true),
                Arguments.of("a*", "abc", true),
                Arguments.of("a*", "ab/c", false),
                Arguments.of("a*/b", "abc/b", true),
                Arguments.of("a*/b", "a/c/b", false),
                Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/f", true),
                Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
                Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false),
                Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
                Arguments.of("a*b?c*x", "abxbbxdbxebxczzx", true),
                Arguments.of("a*b?c*x", "abxbbxdbxebxczzy", false),
                Arguments.of("ab[c]", "abc", true),
                Arguments.of("ab[b-d]", "abc", true),
                Arguments.of("ab[e-g]", "abc", false),
                Arguments.of("ab[^c]", "abc", false),
                Arguments.of("ab[^b-d]", "abc", false),
                Arguments.of("ab[^e-g]", "abc", true),
                Arguments.of("a\\*b", "a*b", true),
                Arguments.of("a\\*b", "ab", false),
                Arguments.of("a?b", "a☺b", true),
                Arguments.of("a[^a]b", "a☺b", true),
                Arguments.of("a???b", "a☺b", false),
                Arguments.of("a[^a][^a][^a]b", "a☺b", false),
                Arguments.of("[a-ζ]*", "α", true),
                Arguments.of("*[a-ζ]", "A", false),
                Arguments.of("a?b", "a/b", false),
                Arguments.of("a*b", "a/b", false),
                Arguments.of("[\\]a]", "]", true),
                Arguments.of("[\\-]", "-", true),
                Arguments.of("[x\\-]", "x", true),
                Arguments.of("[x\\-]", "-", true),
                Arguments.of("[x\\-]", "z", false),
                Arguments.of("[\\-x]", "x", true),
                Arguments.of("[\\-x]", "-", true),
                Arguments.of("[\\-x]", "a", false),
                Arguments.of("*x", "xxx", true),
                Arguments.of("[!a]x", "!x", true),
                Arguments.of("[!a]x", "bx", false),
                Arguments.of("a]b", "a]b", true),
                Arguments.of("", "", true),
                Arguments.of("", "a", false),
                // Matching stops before the malformed chunk: no error (Helm accepts this rule).
                Arguments.of("x*[", "abc", false));
    }

    @ParameterizedTest(name = "Match({0}, {1}) = {2}")
    @MethodSource
    void matches(String pattern, String name, boolean expected) throws Exception {
        assertThat(GoPathMatch.matches(pattern, name)).isEqualTo(expected);
    }

    static Stream<Arguments> badPatterns() {
        return Stream.of(
                Arguments.of("[]a]", "]"),
                Arguments.of("[-]", "-"),
                Arguments.of("[x-]", "x"),
                Arguments.of("[x-]", "z"),
                Arguments.of("[-x]", "a"),
                Arguments.of("\\", "a"),
                Arguments.of("[a-b-c]", "a"),
                Arguments.of("[", "a"),
                Arguments.of("[^", "a"),
                Arguments.of("[^bc", "a"),
                Arguments.of("a[", "a"),
                Arguments.of("a[", "ab"),
                Arguments.of("a[", "x"),
                Arguments.of("a/b[", "x"),
                // The chunk being matched is read to its end even after a mismatch.
                Arguments.of("*x\\", "abc"));
    }

    @ParameterizedTest(name = "Match({0}, {1}) is a bad pattern")
    @MethodSource
    void badPatterns(String pattern, String name) {
        assertThatThrownBy(() -> GoPathMatch.matches(pattern, name))
                .isInstanceOf(GoPathMatch.BadPatternException.class)
                .hasMessage("syntax error in pattern");
    }
}
