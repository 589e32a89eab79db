package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile or broken input gives clear typed errors, never a parser's stack trace. */
class BadInputTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void loadYaml(String text, StoreOptions options) throws SopsException {
        Stores.forFormat(Format.YAML, options).loadPlain(utf8(text), "bad.yaml");
    }

    @Test
    void rejectsABillionLaughsAliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(("*a" + (i - 1) + ", ").repeat(8))
                    .append("*a")
                    .append(i - 1)
                    .append("]\n");
        }
        assertThatThrownBy(() -> loadYaml(yaml.toString(), StoreOptions.defaults()))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("alias");
    }

    @Test
    void rejectsAnAliasChainThatExpandsPastTheNodeLimit() {
        // 2 aliases per level stay under the alias count, yet double the size at every level
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i < 30; i++) {
            yaml.append("l")
                    .append(i)
                    .append(": &l")
                    .append(i)
                    .append(" [*l")
                    .append(i - 1)
                    .append(", *l")
                    .append(i - 1)
                    .append("]\n");
        }
        StoreOptions options = StoreOptions.defaults().withLimits(1 << 20, 100, 256, 100_000);
        assertThatThrownBy(() -> loadYaml(yaml.toString(), options))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("expands to more than 100000 nodes");
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String yaml = "a: ".repeat(1) + "[".repeat(300) + "]".repeat(300) + "\n";
        assertThatThrownBy(() -> loadYaml(yaml, StoreOptions.defaults()))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("bad.yaml");
        String json = "{\"a\": " + "[".repeat(300) + "]".repeat(300) + "}";
        assertThatThrownBy(() ->
                        Stores.forFormat(Format.JSON, StoreOptions.defaults()).loadPlain(utf8(json), "bad.json"))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("bad.json");
    }

    @Test
    void rejectsARecursiveAlias() {
        assertThatThrownBy(() -> loadYaml("a: &a\n  b: *a\n", StoreOptions.defaults()))
                .isInstanceOf(SopsFormatException.class);
    }

    @Test
    void rejectsInputLargerThanTheLimit() {
        StoreOptions small = StoreOptions.defaults().withLimits(1024, 100, 256, 1000);
        String big = "a: " + "x".repeat(2000) + "\n";
        assertThatThrownBy(() -> loadYaml(big, small))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("limit is 1024");
    }

    @Test
    void namesTheLineOfMalformedYamlAndJson() {
        assertThatThrownBy(() -> loadYaml("a: 1\nb: [unclosed\n", StoreOptions.defaults()))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageMatching("(?s)bad.yaml: malformed YAML at line \\d+, column \\d+: .*");
        assertThatThrownBy(() -> Stores.forFormat(Format.JSON, StoreOptions.defaults())
                        .loadPlain(utf8("{\"a\": 1,\n \"b\": }"), "bad.json"))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("bad.json: malformed JSON at line 2");
    }

    @Test
    void rejectsDuplicateKeysAndNonMappingDocuments() {
        assertThatThrownBy(() -> loadYaml("a: 1\na: 2\n", StoreOptions.defaults()))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("line 2: duplicate key \"a\"");
        assertThatThrownBy(() -> loadYaml("- a\n- b\n", StoreOptions.defaults()))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("must be a mapping");
        assertThatThrownBy(() -> loadYaml("1: x\n", StoreOptions.defaults()))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("not a string");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sops-main-pgp/example.yaml",
                "sops-main-pgp/example.json",
                "sops-main-pgp/example.ini",
                "sops-main-pgp/functional-tests/res/format.enc.env"
            })
    void aTruncatedFileIsATypedError(String fixture) {
        byte[] whole = Fixtures.bytes(fixture);
        SopsDecryptor decryptor = Fixtures.pgpDecryptor();
        Format format = Format.forPath(Fixtures.path(fixture));
        for (int cut : new int[] {whole.length / 5, whole.length / 2, whole.length * 4 / 5, whole.length - 40}) {
            byte[] truncated = java.util.Arrays.copyOf(whole, cut);
            Throwable thrown = catchThrowable(() -> decryptor.decrypt(truncated, format, fixture));
            assertThat(thrown).as("cut at %d", cut).isInstanceOf(SopsException.class);
            assertThat(thrown.getMessage()).as("cut at %d", cut).contains(fixture);
        }
    }

    @Test
    void anUnencryptedFileIsReportedAsSuch() {
        assertThatThrownBy(() -> Fixtures.pgpDecryptor().decrypt(utf8("a: 1\n"), Format.YAML, "plain.yaml"))
                .isInstanceOf(SopsMetadataNotFoundException.class)
                .hasMessageContaining("plain.yaml: sops metadata not found");
    }

    @Test
    void malformedJsonAndTomlErrorsNameThePlaceButQuoteNoValue() {
        Throwable json = catchThrowable(() -> Stores.forFormat(Format.JSON, StoreOptions.defaults())
                .loadPlain(utf8("{\"password\": hunter2}"), "bad.json"));
        Throwable toml = catchThrowable(() -> Stores.forFormat(Format.TOML, StoreOptions.defaults())
                .loadPlain(utf8("ok = 1\npassword = hunter2\n"), "bad.toml"));
        Throwable longInt = catchThrowable(() -> Stores.forFormat(Format.TOML, StoreOptions.defaults())
                .loadPlain(utf8("a = 1\npin = 1234567890123456789012\n"), "bad.toml"));
        Throwable emit = catchThrowable(() -> Stores.forFormat(Format.TOML, StoreOptions.defaults())
                .emitValue(new com.webgrip.deploy.sops.tree.Node.Int(1234567890123456789L)));

        assertThat(json)
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("bad.json: malformed JSON at line 1");
        assertThat(toml).isInstanceOf(SopsFormatException.class).hasMessageContaining("bad.toml: malformed TOML");
        assertThat(longInt).isInstanceOf(SopsFormatException.class).hasMessageContaining("integer at line 2");
        assertThat(emit).isInstanceOf(SopsFormatException.class);
        for (Throwable t : new Throwable[] {json, toml, longInt, emit}) {
            assertThat(t.getMessage()).doesNotContain("hunter2", "1234567890");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DOTENV", "INI", "BINARY"})
    void everyStoreRefusesInputAboveTheLimitBeforeParsing(String format) {
        StoreOptions small = StoreOptions.defaults().withLimits(64, 10, 10, 100);
        byte[] big = utf8("a=" + "x".repeat(100) + "\n");

        assertThatThrownBy(() -> Stores.forFormat(Format.valueOf(format), small).loadPlain(big, "big"))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("the limit is 64");
    }

    @Test
    void filesAreReadOnlyUpToTheLimit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file =
                java.nio.file.Files.writeString(dir.resolve("big.env"), "a=" + "x".repeat(100) + "\n");
        StoreOptions small = StoreOptions.defaults().withLimits(64, 10, 10, 100);

        assertThatThrownBy(() -> Sops.decryptor().storeOptions(small).build().decrypt(file))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("more than 64 bytes");
    }
}
