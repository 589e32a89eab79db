package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.Identity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files written by real sops with age master keys open with the age package's identities. */
class AgeFixturesTest {

    static SopsDecryptor decryptorFor(String keysFile) throws Exception {
        List<Identity> identities = AgeKeys.readIdentitiesFile(Fixtures.path(keysFile));
        return Sops.decryptor()
                .credentials(Credentials.builder().ageIdentities(identities).build())
                .build();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sops-pr1031-age/example.yaml",
                "sops-pr1031-age/example.json",
                "sops-pr1031-age/example.ini",
                "sops-pr1031-age/example.txt"
            })
    void decryptsTheSopsRepositoryAgeExamplesWithTheirMacVerified(String fixture) throws Exception {
        SopsDocument document = decryptorFor("keys/age-keys.txt").decrypt(Fixtures.path(fixture));

        assertThat(new String(document.emit(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("ENC[AES256_GCM")
                .isNotBlank();
    }

    @Test
    void decryptsTheSopsAgeYamlFixtureToItsPlaintext() throws Exception {
        SopsDocument document =
                decryptorFor("npm-sops-age/key.txt").decrypt(Fixtures.path("npm-sops-age/tests/data/secret.enc.yaml"));
        ObjectNode expected =
                (ObjectNode) new ObjectMapper().readTree(Fixtures.bytes("npm-sops-age/tests/data/secret.json"));
        // the YAML fixture holds the same data as secret.json without its "0word" key
        expected.remove("0word");

        assertThat(document.toJson().toString()).isEqualTo(expected.toString());
    }

    @Test
    void decryptsTheSopsAgeJsonFixtureWithItsPre3132FloatTypedInteger() throws Exception {
        SopsDocument document =
                decryptorFor("npm-sops-age/key.txt").decrypt(Fixtures.path("npm-sops-age/tests/data/secret.enc.json"));
        ObjectNode expected =
                (ObjectNode) new ObjectMapper().readTree(Fixtures.bytes("npm-sops-age/tests/data/secret.json"));
        // sops 3.9.2 read every JSON number as float64, so "int": 7 was encrypted as type:float
        expected.put("int", 7.0);

        assertThat(document.toJson()).isEqualTo(expected);
        assertThat(new String(document.emit(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"int\": 7,");
    }

    @Test
    void decryptsTheSopsAgeDotenvFixture() throws Exception {
        SopsDocument document =
                decryptorFor("npm-sops-age/key.txt").decrypt(Fixtures.path("npm-sops-age/tests/data/secret.enc.env"));

        assertThat(document.toJava()).isEqualTo(Map.of("secret", "this is a secret", "another_secret", "7"));
    }

    @Test
    void theWrongKeyListsTheFileRecipientsAndTheIdentitiesTried() throws Exception {
        SopsDecryptor wrong = decryptorFor("npm-sops-age/key.txt");

        assertThatThrownBy(() -> wrong.decrypt(Fixtures.path("sops-pr1031-age/example.yaml")))
                .isInstanceOf(SopsNoKeyException.class)
                .hasMessageContaining("age:age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw")
                .hasMessageContaining("age:X25519:age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr")
                .hasMessageNotContaining("AGE-SECRET-KEY");
    }
}
