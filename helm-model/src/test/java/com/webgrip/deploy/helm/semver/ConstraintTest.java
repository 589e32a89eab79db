package com.webgrip.deploy.helm.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Constraint tables from Masterminds/semver's documented behaviour (its README's range equivalences and the cases
 * of its constraints_test.go), which is what Helm's dependency and kubeVersion checks follow.
 */
class ConstraintTest {

    @ParameterizedTest(name = "''{0}'' matches {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "=2.0.0|1.2.3|false",
                "=2.0.0|2.0.0|true",
                "=2.0|2.0.1|true",
                "4.1|4.1.0|true",
                "!=4.1.0|4.1.0|false",
                "!=4.1.0|4.1.1|true",
                "!=4.1|4.1.0|false",
                "!=4.1|4.1.1|false",
                "!=4.1|5.1.0-alpha.1|false",
                "!=4.1-alpha|4.1.0|true",
                "!=4.1|5.1.0|true",
                "<11|0.1.0|true",
                "<11|11.1.0|false",
                "<1.1|1.1.1|false",
                "<=11|11.2.3|true",
                "<=11|12.2.3|false",
                "<=1.1|1.1.1|true",
                "<=1.1|1.2.3|false",
                ">1.1|4.1.0|true",
                ">1.1|1.1.0|false",
                ">0|0|false",
                ">0|1|true",
                ">0|0.0.1-alpha|false",
                ">0-0|0.0.1-alpha|false",
                ">0.0.0-0|0.0.0-alpha|true",
                ">1.2.3-alpha.1|1.2.3-alpha.2|true",
                ">1.2.3-alpha.1|1.3.3-alpha.2|true",
                ">11|11.1.0|false",
                ">11.1|11.1.1|false",
                ">11.1|11.2.1|true",
                ">=11|11.1.2|true",
                ">=11.1|11.0.2|false",
                ">=0|0.0.1-alpha|false",
                ">=0-0|0.0.1-alpha|true",
                ">=0.0.0-0|3.4.5-beta.1|true",
                "<0|0.0.0-alpha|false",
                "<0-z|0.0.0-alpha|true",
                ">=0|0|true",
                "=0|1|false",
                "*|4.5.6|true",
                "*|1.2.3-alpha.1|false",
                "*-0|1.2.3-alpha.1|true",
                "2.*|2.1.1|true",
                "2.*|3.4.5|false",
                "2.1.*|2.2.1|false",
                "2|2.1.1|true",
                "2.1|2.2.1|false",
                "~1.2.3|1.2.4|true",
                "~1.2.3|1.3.4|false",
                "~1|1.2.4|true",
                "~1|2.3.4|false",
                "~0.2.3|0.2.5|true",
                "~0.2.3|0.3.5|false",
                "~1.2.3-beta.2|1.2.3-beta.4|true",
                "~1.2.3-beta.2|1.2.4-beta.2|true",
                "~1.2.3-beta.2|1.3.4-beta.2|false",
                "^1.2.3|1.8.9|true",
                "^1.2.3|2.8.9|false",
                "^1.2.3|1.2.1|false",
                "^1.2|1.8.9|true",
                "^2.3|2.9.0|true",
                "^2.x|2.0.1|true",
                "^0.2.3|0.2.5|true",
                "^0.2.3|0.3.0|false",
                "^0.2|0.2.9|true",
                "^0.0.3|0.0.3|true",
                "^0.0.3|0.0.4|false",
                "^0.0|0.0.5|true",
                "^0.0|0.1.0|false",
                "^0|0.9.9|true",
                "^0|1.0.0|false",
                "^1.2.3-alpha|1.2.3-beta|true",
                "^1.2.3-alpha|1.2.4|true",
                "~>1.2|1.2.9|true",
                "=>1.2|1.2.0|true",
                "=<1.2|1.2.9|true"
            })
    void matchesAsMastermindsSemverDoes(String constraint, String version, boolean expected) {
        assertThat(Constraint.parse(constraint).matches(Version.parse(version))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.2 - 1.4.5|>= 1.2, <= 1.4.5",
                "2.3.4 - 4.5|>= 2.3.4, <= 4.5",
                "1.2.x|>= 1.2.0, < 1.3.0",
                "*|>= 0.0.0",
                ">= 1.2.x|>= 1.2.0",
                "<= 2.x|< 3",
                "~1.2.3|>= 1.2.3, < 1.3.0",
                "~1|>= 1, < 2",
                "~2.3|>= 2.3, < 2.4",
                "~1.x|>= 1, < 2",
                "^1.2.3|>= 1.2.3, < 2.0.0",
                "^1.2.x|>= 1.2.0, < 2.0.0",
                "^2.3|>= 2.3, < 3",
                "^2.x|>= 2.0.0, < 3",
                "^0.2.3|>= 0.2.3, < 0.3.0",
                "^0.2|>= 0.2.0, < 0.3.0",
                "^0.0.3|>= 0.0.3, < 0.0.4",
                "^0.0|>= 0.0.0, < 0.1.0",
                "^0|>= 0.0.0, < 1.0.0"
            })
    void readmeRangesEqualTheirExpansionOnEveryVersionOfAGrid(String range, String expansion) {
        Constraint a = Constraint.parse(range);
        Constraint b = Constraint.parse(expansion);
        for (int major = 0; major <= 5; major++) {
            for (int minor = 0; minor <= 5; minor++) {
                for (int patch = 0; patch <= 5; patch++) {
                    Version v = Version.of(major, minor, patch, "", "");
                    assertThat(a.matches(v)).as("%s on %s", range, v).isEqualTo(b.matches(v));
                }
            }
        }
    }

    @Test
    void orGroupsAndCommaOrSpaceAnd() {
        Constraint c = Constraint.parse(">= 1.2, < 2.0 || >= 3.0.0 <3.1");
        assertThat(c.matches(Version.parse("1.5.0"))).isTrue();
        assertThat(c.matches(Version.parse("2.5.0"))).isFalse();
        assertThat(c.matches(Version.parse("3.0.7"))).isTrue();
        assertThat(c.matches(Version.parse("3.1.0"))).isFalse();
    }

    @Test
    void aPrereleaseMatchesOnlyAGroupThatNamesOne() {
        Constraint c = Constraint.parse(">=1.2.0-0 <2 || >=3");
        assertThat(c.matches(Version.parse("1.5.0-rc.1"))).isTrue();
        assertThat(c.matches(Version.parse("3.1.0-rc.1"))).isFalse();
        assertThat(Constraint.parse(">=1.25.0-0").matches(Version.parse("1.29.3-eks-123")))
                .isTrue();
        assertThat(Constraint.parse(">=1.25.0").matches(Version.parse("1.29.3-eks-123")))
                .isFalse();
    }

    @Test
    void highestMatchPicksTheHighestSatisfyingVersion() {
        List<Version> versions = List.of("1.2.0", "1.9.0", "2.0.0", "1.10.0-beta", "1.10.0").stream()
                .map(Version::parse)
                .toList();
        assertThat(Constraint.parse("^1.2").highestMatch(versions)).contains(Version.parse("1.10.0"));
        assertThat(Constraint.parse("~1.9").highestMatch(versions)).contains(Version.parse("1.9.0"));
        assertThat(Constraint.parse(">5").highestMatch(versions)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "foo", ">1.2.3.4", "1.2 -", "=>>1", ">1 <2 ||", "1.2.3-01"})
    void rejectsWhatMastermindsRejects(String text) {
        assertThatThrownBy(() -> Constraint.parse(text)).isInstanceOf(InvalidVersionException.class);
    }
}
