package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files written by real sops with PGP master keys open with BouncyCastle and the armored test key. */
class PgpFixturesTest {
    private final SopsDecryptor decryptor = Fixtures.pgpDecryptor();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sops-main-pgp/example.yaml",
                "sops-main-pgp/example.json",
                "sops-main-pgp/example.ini",
                "sops-main-pgp/example.txt",
                "sops-main-pgp/examples/all_in_one/config/secret.enc.json",
                "sops-main-pgp/examples/per_file/config.enc/static_github.json",
                "sops-main-pgp/functional-tests/res/format.enc.yaml",
                "sops-main-pgp/functional-tests/res/format.enc.json",
                "sops-main-pgp/functional-tests/res/format.enc.env",
                "sops-main-pgp/functional-tests/res/format.enc.ini",
                "sops-main-pgp/functional-tests/res/format-2.enc.ini",
                "sops-main-pgp/functional-tests/res/comments.enc.yaml",
                "sops-main-pgp/functional-tests/res/comments_unencrypted_comments.yaml",
                "sops-main-pgp/functional-tests/res/multiple_keys.yaml"
            })
    void decryptsARealSopsFileWithItsMacVerified(String fixture) throws Exception {
        SopsDocument document = decryptor.decrypt(Fixtures.path(fixture));

        assertThat(document.documents()).isNotEmpty();
        assertThat(new String(document.emit(), StandardCharsets.UTF_8)).doesNotContain("ENC[AES256_GCM");
    }

    @Test
    void formatFixturesDecryptToWhatSopsFunctionalTestsExpect() throws Exception {
        String prefix = "sops-main-pgp/functional-tests/res/";
        assertThat(plain(prefix + "format.enc.yaml")).isEqualTo("foo: bar\n");
        assertThat(plain(prefix + "format.enc.json")).isEqualTo("{\n\t\"foo\": \"bar\"\n}\n");
        assertThat(plain(prefix + "format.enc.env")).isEqualTo("foo = bar\n");
        assertThat(plain(prefix + "format.enc.ini")).isEqualTo("[foo]\nbar = baz\n");
        assertThat(plain(prefix + "format-2.enc.ini")).isEqualTo("[foo]\nbar = baz\n");
    }

    @Test
    void commentsFixtureDecryptsToThePlaintextFile() throws Exception {
        String expected =
                new String(Fixtures.bytes("sops-main-pgp/functional-tests/res/comments.yaml"), StandardCharsets.UTF_8);
        assertThat(plain("sops-main-pgp/functional-tests/res/comments.enc.yaml"))
                .isEqualTo(expected + "\n");
    }

    @Test
    void keepsCommentsThatWereWrittenInClear() throws Exception {
        SopsDocument document = decryptor.decrypt(
                Fixtures.path("sops-main-pgp/functional-tests/res/comments_unencrypted_comments.yaml"));

        assertThat(document.first().items())
                .contains(Comment.of(" first comment in file"), Comment.of(" this-is-a-comment"));
        assertThat(document.toJava()).isEqualTo(Map.of("lorem", "ipsum", "dolor", "sit"));
    }

    @Test
    void exampleYamlHasTheReadmeValuesAndTypes() throws Exception {
        SopsDocument document = decryptor.decrypt(Fixtures.path("sops-main-pgp/example.yaml"));
        Map<String, Object> values = document.toJava();

        assertThat(values.get("myapp1")).isEqualTo("t00m4nys3cr3tzupdated");
        assertThat(values.get("number")).isEqualTo(1.234568E9);
        assertThat(values.get("somebooleans")).isEqualTo(List.of(true, false));
        assertThat(document.extract("[\"app2\"][\"db\"][\"user\"]")).isEqualTo(new Node.Str("eve"));
        assertThat(document.extract("[\"an_array\"][1]")).isEqualTo(new Node.Str("secretuser2"));
    }

    @Test
    void refusesAFileWithoutMacUnlessMacCheckingIsOff() throws Exception {
        var file = Fixtures.path("sops-main-pgp/functional-tests/res/no_mac.yaml");

        assertThatThrownBy(() -> decryptor.decrypt(file))
                .isInstanceOf(SopsMacMismatchException.class)
                .hasMessageContaining("no MAC");
        SopsDocument document = Sops.decryptor()
                .credentials(
                        Credentials.builder().pgpKeys(Fixtures.pgpTestKey()).build())
                .ignoreMac(true)
                .build()
                .decrypt(file);
        assertThat(document.first().entries()).isNotEmpty();
    }

    private String plain(String fixture) throws Exception {
        return new String(decryptor.decrypt(Fixtures.path(fixture)).emit(), StandardCharsets.UTF_8);
    }
}
