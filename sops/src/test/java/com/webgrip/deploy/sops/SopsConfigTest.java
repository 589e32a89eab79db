package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .sops.yaml: lookup, creation rules, key groups, warnings and strict mode. */
class SopsConfigTest {
    @TempDir
    Path dir;

    private static final String CONFIG = """
            creation_rules:
              - path_regex: secrets/prod/.*\\.yaml$
                encrypted_regex: ^(data|stringData)$
                key_groups:
                  - age: [age1aaa, age1bbb, age1aaa]
                    merge:
                      - pgp: [FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4]
                  - age: [age1ccc]
                shamir_threshold: 2
              - path_regex: \\.env$
                age: age1ddd, age1eee
                mac_only_encrypted: true
              - age: age1fff
            stores:
              yaml:
                indent: 2
            """;

    private SopsConfig config(String text, boolean strict) throws Exception {
        Path file = dir.resolve(".sops.yaml");
        Files.writeString(file, text);
        return SopsConfig.load(file, strict);
    }

    @Test
    void theFirstMatchingRuleWinsOnThePathRelativeToTheConfigFolder() throws Exception {
        SopsConfig config = config(CONFIG, true);

        CreationRule prod = config.ruleFor(dir.resolve("secrets/prod/db.yaml"));
        assertThat(prod.keyGroups()).hasSize(2);
        assertThat(prod.keyGroups().get(0))
                .containsExactly(
                        KeyRecipient.pgp("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4"),
                        KeyRecipient.age("age1aaa"),
                        KeyRecipient.age("age1bbb"));
        assertThat(prod.shamirThreshold()).isEqualTo(2);
        assertThat(prod.rule())
                .isEqualTo(EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_REGEX, "^(data|stringData)$"));

        CreationRule env = config.ruleFor(dir.resolve("app/.env"));
        assertThat(env.keyGroups()).containsExactly(List.of(KeyRecipient.age("age1ddd"), KeyRecipient.age("age1eee")));
        assertThat(env.macOnlyEncrypted()).isTrue();

        assertThat(config.ruleFor(dir.resolve("other.json")).keyGroups())
                .containsExactly(List.of(KeyRecipient.age("age1fff")));
        assertThat(config.storeOptions().yamlIndent()).isEqualTo(2);
    }

    @Test
    void noMatchingRuleIsATypedError() throws Exception {
        SopsConfig config = config("creation_rules:\n  - path_regex: ^only$\n    age: age1x\n", false);

        assertThatThrownBy(() -> config.ruleFor(dir.resolve("else.yaml")))
                .isInstanceOf(SopsConfigException.class)
                .hasMessageContaining("no matching creation rules found");
    }

    @Test
    void unknownKeysAreWarningsOrStrictErrors() throws Exception {
        String text = "creation_rules:\n  - path_regexp: x\n    age: age1x\ndestination_rules: []\n";

        assertThat(config(text, false).warnings())
                .anyMatch(w -> w.contains("path_regexp"))
                .anyMatch(w -> w.contains("destination_rules"));
        assertThatThrownBy(() -> config(text, true))
                .isInstanceOf(SopsConfigException.class)
                .hasMessageContaining("path_regexp");
    }

    @Test
    void twoEncryptionRulesInOneCreationRuleAreRefused() {
        assertThatThrownBy(() -> config(
                        "creation_rules:\n  - encrypted_regex: a\n    unencrypted_suffix: _u\n    age: age1x\n", false))
                .isInstanceOf(SopsConfigException.class)
                .hasMessageContaining("at most one");
    }

    @Test
    void findWalksUpFromTheFolderAndIgnoresDotSopsYml() throws Exception {
        Files.writeString(dir.resolve(".sops.yaml"), "creation_rules: []\n");
        Path deep = Files.createDirectories(dir.resolve("a/b/c"));
        Files.writeString(dir.resolve("a/.sops.yml"), "creation_rules: []\n");
        List<String> ignored = new ArrayList<>();

        assertThat(SopsConfig.find(deep, ignored))
                .contains(dir.resolve(".sops.yaml").toAbsolutePath());
        assertThat(ignored).singleElement().asString().contains(".sops.yml");
    }

    @Test
    void readsTheConfigFilesOfTheSopsRepositories() throws Exception {
        for (String file : List.of(
                "sops-main-pgp/.sops.yaml", "sops-main-pgp/functional-tests/.sops.yaml", "npm-sops-age/.sops.yaml")) {
            SopsConfig config = SopsConfig.parse(
                    Files.readString(Fixtures.path(file)).getBytes(StandardCharsets.UTF_8), Fixtures.path(file), false);
            assertThat(config.creationRules()).as(file).isNotEmpty();
        }
    }

    @Test
    void aCatastrophicPathRegexStillAnswersInsteadOfHanging() throws Exception {
        // java.util.regex backtracks about 2^n times here; RE2 answers in linear time
        SopsConfig config = config("creation_rules:\n  - path_regex: (.*a){20}$\n    age: age1aaa\n", true);
        Path target = dir.resolve("a".repeat(64) + "!.yaml");

        assertThatThrownBy(() -> config.ruleFor(target))
                .isInstanceOf(SopsConfigException.class)
                .hasMessageContaining("no matching creation rules found");
    }

    @Test
    void aPathRegexRe2RefusesIsATypedErrorNamingTheRule() {
        assertThatThrownBy(() -> config("creation_rules:\n  - path_regex: (?<!x)prod\n    age: age1aaa\n", true))
                .isInstanceOf(SopsConfigException.class)
                .hasMessageContaining("creation_rules[0].path_regex")
                .hasMessageContaining("not valid RE2");
    }
}
