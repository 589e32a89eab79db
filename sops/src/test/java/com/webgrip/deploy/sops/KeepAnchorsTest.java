package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in YAML mode that keeps anchors, aliases and merge keys through encryption. */
class KeepAnchorsTest {
    private static final AgeSecretKey KEY = AgeKeys.generateX25519(new SecureRandom());
    private static final StoreOptions KEEP = StoreOptions.defaults().withKeepAnchors(true);

    /** Written as our YAML writer writes it, so that a round trip must give the same text. */
    private static final String PLAIN = """
            # shared settings
            defaults: &defaults
                password: hunter2 # the db password
                timeout: 30
            hosts: &hosts
                - a.example
                - b.example
            token: &tok s3cret
            production:
                <<: *defaults
                host: prod.example
                replicas: *hosts
            staging:
                <<:
                    - *defaults
                timeout: 5
            tokens:
                - *tok
                - &other x
                - *other
            """;

    private static String encrypt(String plain, StoreOptions options, EncryptionRule rule) throws SopsException {
        byte[] out = Sops.encryptor()
                .recipients(KeyRecipient.age(KEY.publicKey().encoded()))
                .storeOptions(options)
                .rule(rule)
                .build()
                .encrypt(plain.getBytes(StandardCharsets.UTF_8), Format.YAML, "values.yaml");
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String encrypt(String plain) throws SopsException {
        return encrypt(plain, KEEP, EncryptionRule.DEFAULT);
    }

    private static SopsDocument decrypt(String encrypted, StoreOptions options) throws SopsException {
        return Sops.decryptor()
                .credentials(Credentials.builder().ageIdentity(KEY).build())
                .storeOptions(options)
                .build()
                .decrypt(encrypted.getBytes(StandardCharsets.UTF_8), Format.YAML, "values.yaml");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The first line of the text that starts with the prefix. */
    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static String body(String encrypted) {
        return encrypted.substring(0, encrypted.indexOf("\nsops:\n") + 1);
    }

    @Test
    void decryptingWhatWasEncryptedKeepingAnchorsGivesTheSameYamlText() throws Exception {
        SopsDocument document = decrypt(encrypt(PLAIN), KEEP);

        assertThat(text(document.emit())).isEqualTo(PLAIN);
        assertThat(text(document.emit(Format.YAML, KEEP))).isEqualTo(PLAIN);
    }

    @Test
    void theEncryptedFileKeepsAnchorsAndAliasesAndHasCiphertextOnlyUnderAnchors() throws Exception {
        String body = body(encrypt(PLAIN));

        assertThat(body)
                .contains("defaults: &defaults\n")
                .contains("hosts: &hosts\n")
                .contains("token: &tok ENC[")
                .contains("    <<: *defaults\n")
                .contains("    replicas: *hosts\n")
                .contains("    - *tok\n")
                .contains("    - &other ENC[")
                .contains("    - *other\n");
        // the leaves: password (+ its comment), timeout, 2 hosts, token, host, timeout 5, x, and the head comment
        assertThat(body.split("ENC\\[", -1)).hasSize(11);
        assertThat(body.lines().filter(line -> line.contains("*"))).noneMatch(line -> line.contains("ENC["));
    }

    @Test
    void plainValuesResolveAliasesAndApplyMergeKeys() throws Exception {
        SopsDocument document = decrypt(encrypt(PLAIN), KEEP);

        Map<String, Object> values = document.toJava();
        assertThat(values.get("production"))
                .isEqualTo(Map.of(
                        "password",
                        "hunter2",
                        "timeout",
                        30L,
                        "host",
                        "prod.example",
                        "replicas",
                        List.of("a.example", "b.example")));
        assertThat(values.get("staging")).isEqualTo(Map.of("password", "hunter2", "timeout", 5L));
        assertThat(values.get("tokens")).isEqualTo(List.of("s3cret", "x", "x"));
        assertThat(document.toJson().at("/production/password").asText()).isEqualTo("hunter2");
        assertThat(document.extract("[\"production\"][\"replicas\"][1]")).isEqualTo(new Node.Str("b.example"));
    }

    @Test
    void otherOutputFormatsGetTheResolvedValues() throws Exception {
        SopsDocument document = decrypt(encrypt(PLAIN), KEEP);

        String json = text(document.emit(Format.JSON, KEEP));
        assertThat(json).contains("\"replicas\": [").doesNotContain("*hosts").doesNotContain("<<");
        String expandedYaml = text(document.emit(Format.YAML, StoreOptions.defaults()));
        assertThat(expandedYaml).doesNotContain("&").doesNotContain("*").contains("    password: hunter2");
    }

    @Test
    void anEditedValueUnderAnAnchorFailsToDecryptNamingTheAnchorsPath() throws Exception {
        String encrypted = encrypt(PLAIN);
        String timeout = line(encrypted, "    timeout: ENC[");
        int data = timeout.indexOf("data:") + "data:".length();
        char flipped = timeout.charAt(data) == 'A' ? 'B' : 'A';
        String tampered =
                encrypted.replace(timeout, timeout.substring(0, data) + flipped + timeout.substring(data + 1));

        assertThatThrownBy(() -> decrypt(tampered, KEEP))
                .isInstanceOf(SopsDecryptionException.class)
                .hasMessageContaining("defaults:timeout:");
    }

    @Test
    void aDroppedValueUnderAnAnchorFailsTheMac() throws Exception {
        String encrypted = encrypt(PLAIN);
        String timeout = line(encrypted, "    timeout: ENC[");

        assertThatThrownBy(() -> decrypt(encrypted.replace(timeout + "\n", ""), KEEP))
                .isInstanceOf(SopsMacMismatchException.class);
    }

    @Test
    void aRePointedMovedAddedOrDroppedAliasFailsTheMac() throws Exception {
        String encrypted = encrypt(PLAIN);
        List<String> tampered = List.of(
                encrypted.replace("    replicas: *hosts\n", "    replicas: *defaults\n"),
                encrypted.replace("    replicas: *hosts\n", "    nodes: *hosts\n"),
                encrypted.replace("    replicas: *hosts\n", "    replicas: *hosts\n    more: *hosts\n"),
                encrypted.replace("    replicas: *hosts\n", ""),
                encrypted.replace("    - *other\n", "    - *tok\n"),
                encrypted.replace("    <<: *defaults\n    host:", "    host:"));

        for (String file : tampered) {
            assertThatThrownBy(() -> decrypt(file, KEEP)).isInstanceOf(SopsMacMismatchException.class);
        }
    }

    @Test
    void refusesAnAliasThatWouldShowInClearAValueTheRuleEncryptsThere() {
        String plain = """
                defaults: &defaults
                    password: hunter2
                secret:
                    db: *defaults
                """;
        EncryptionRule rule = EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_REGEX, "^secret$");

        assertThatThrownBy(() -> encrypt(plain, KEEP, rule))
                .isInstanceOf(SopsException.class)
                .hasMessageContaining("*defaults")
                .hasMessageContaining("\"defaults:password:\"")
                .hasMessageContaining("\"secret:db:password:\"")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesAMergeKeyThatWouldShowInClearAValueTheRuleEncryptsThere() {
        String plain = """
                defaults: &defaults
                    password: hunter2
                secret:
                    <<: *defaults
                """;
        EncryptionRule rule = EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_REGEX, "^secret$");

        assertThatThrownBy(() -> encrypt(plain, KEEP, rule))
                .isInstanceOf(SopsException.class)
                .hasMessageContaining("\"secret:password:\"");
    }

    @Test
    void acceptsAnAliasInAClearPathOfAValueEncryptedAtItsAnchor() throws Exception {
        String plain = """
                secret: &s
                    password: hunter2
                public:
                    db: *s
                """;
        EncryptionRule rule = EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_REGEX, "^secret$");

        String encrypted = encrypt(plain, KEEP, rule);

        assertThat(encrypted).contains("    db: *s\n").doesNotContain("hunter2");
        assertThat(decrypt(encrypted, KEEP).toJava().get("public"))
                .isEqualTo(Map.of("db", Map.of("password", "hunter2")));
    }

    @Test
    void theDefaultModeExpandsAnchorsAsSopsDoes() throws Exception {
        String encrypted = encrypt(PLAIN, StoreOptions.defaults(), EncryptionRule.DEFAULT);

        assertThat(body(encrypted)).doesNotContain("&").doesNotContain("*");
        String decrypted = text(decrypt(encrypted, StoreOptions.defaults()).emit());
        assertThat(decrypted).contains("    <<:\n        password: hunter2");
    }

    @Test
    void aKeepAnchorsFileReadInTheDefaultModeFailsWithAHint() throws Exception {
        String encrypted = encrypt(PLAIN);

        assertThatThrownBy(() -> decrypt(encrypted, StoreOptions.defaults()))
                .isInstanceOf(SopsDecryptionException.class)
                .hasMessageContaining("decrypt it keeping anchors too");
    }

    @Test
    void settingAValueUnderAnAnchorKeepsTheAnchorAndTheOtherCiphertexts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("values.yaml");
        String encrypted = encrypt(PLAIN);
        Files.writeString(file, encrypted);
        SopsFiles files = files();

        files.set(file, Format.YAML, "[\"defaults\"][\"timeout\"]", new Node.Int(60));

        String after = Files.readString(file);
        assertThat(after).contains("defaults: &defaults\n").contains("    <<: *defaults\n");
        String password = line(encrypted, "    password: ENC[");
        assertThat(after).contains(password);
        Map<String, Object> values = decrypt(after, KEEP).toJava();
        assertThat(values.get("production"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("timeout", 60L);
    }

    @Test
    void aPathThroughAnAliasIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, encrypt(PLAIN));

        assertThatThrownBy(() -> files().set(file, Format.YAML, "[\"production\"][\"replicas\"][0]", new Node.Str("c")))
                .isInstanceOf(SopsPathException.class)
                .hasMessageContaining("goes through the alias *hosts");
    }

    @Test
    void removingAnAnchorThatAliasesUseIsRefusedAndLeavesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("values.yaml");
        String encrypted = encrypt(PLAIN);
        Files.writeString(file, encrypted);

        assertThatThrownBy(() -> files().unset(file, Format.YAML, "[\"hosts\"]", false))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("alias *hosts has no anchor &hosts before it");
        assertThat(Files.readString(file)).isEqualTo(encrypted);
    }

    @Test
    void environmentValuesResolveAliases(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, encrypt("""
                token: &t s3cret
                copy: *t
                """));

        assertThat(files().environment(file, Format.YAML)).containsEntry("copy", "s3cret");
    }

    private static SopsFiles files() {
        return SopsFiles.builder()
                .credentials(Credentials.builder().ageIdentity(KEY).build())
                .storeOptions(KEEP)
                .build();
    }
}
