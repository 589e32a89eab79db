package com.webgrip.deploy.helm.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
        "1.2.3,1.2.3",
        "v1.2.3,1.2.3",
        "1.2,1.2.0",
        "1,1.0.0",
        "v0.0.0,0.0.0",
        "01.02.03,1.2.3",
        "1.2.3-rc.1+build.5,1.2.3-rc.1+build.5",
        "1.2-beta,1.2.0-beta",
        "18446744073709551615.0.0,18446744073709551615.0.0"
    })
    void coercesAsHelmDoes(String text, String normalized) {
        Version v = Version.parse(text);
        assertThat(v.toString()).isEqualTo(normalized);
        assertThat(v.original()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a.b.c",
                "1.2.3.4",
                "1.2.3-",
                "1.2.3-01",
                "1.2.3-a..b",
                "1.2.3+",
                "v",
                "1.2.3 ",
                "18446744073709551616.0.0",
                "^1.2.3"
            })
    void rejectsWhatHelmRejects(String text) {
        assertThatThrownBy(() -> Version.parse(text)).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void strictParsingWantsThreeNumbersWithoutLeadingZerosOrV() {
        assertThat(Version.parseStrict("1.2.3-rc.1+b").toString()).isEqualTo("1.2.3-rc.1+b");
        assertThatThrownBy(() -> Version.parseStrict("v1.2.3")).isInstanceOf(InvalidVersionException.class);
        assertThatThrownBy(() -> Version.parseStrict("1.2")).isInstanceOf(InvalidVersionException.class);
        assertThatThrownBy(() -> Version.parseStrict("01.2.3")).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void precedenceFollowsTheSemVerSpecExample() {
        String[] ordered = {
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "2.0.0",
            "2.1.0",
            "2.1.1"
        };
        for (int i = 0; i + 1 < ordered.length; i++) {
            assertThat(Version.parse(ordered[i])).isLessThan(Version.parse(ordered[i + 1]));
        }
    }

    @Test
    void buildMetadataIsIgnoredForPrecedenceButNotForEquality() {
        Version a = Version.parse("1.0.0+a");
        Version b = Version.parse("1.0.0+b");
        assertThat(a.compareTo(b)).isZero();
        assertThat(a).isNotEqualTo(b);
        assertThat(Version.parse("v1.0.0")).isEqualTo(Version.parse("1.0.0"));
    }

    @Provide
    Arbitrary<Version> versions() {
        Arbitrary<Long> n = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(0, 3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(Long.MIN_VALUE, Long.MAX_VALUE)));
        Arbitrary<String> identifier = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 12).map(String::valueOf),
                Arbitraries.strings().withChars("ab-").ofMinLength(1).ofMaxLength(3));
        Arbitrary<String> pre = identifier.list().ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> meta = Arbitraries.of("", "b1", "x.y");
        return Combinators.combine(n, n, n, pre, meta).as(Version::of);
    }

    @Property(tries = 500)
    void compareIsAntisymmetric(@ForAll("versions") Version a, @ForAll("versions") Version b) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    }

    @Property(tries = 500)
    void compareIsTransitive(
            @ForAll("versions") Version a, @ForAll("versions") Version b, @ForAll("versions") Version c) {
        if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
            assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
        }
    }

    @Property(tries = 300)
    void aPrereleaseComesBeforeItsRelease(@ForAll("versions") Version v) {
        Version release = Version.of(v.major(), v.minor(), v.patch(), "", "");
        if (v.isPrerelease()) {
            assertThat(v).isLessThan(release);
        } else {
            assertThat(v.compareTo(release)).isZero();
        }
    }

    @Property(tries = 300)
    void parsingTheNormalizedFormGivesTheSameVersion(@ForAll("versions") Version v) {
        assertThat(Version.parse(v.toString())).isEqualTo(v);
        assertThat(Version.parseStrict(v.toString())).isEqualTo(v);
    }
}
