package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File operations: set, unset, edit, rotate, updatekeys, filestatus, exec-env; atomic and all-or-nothing. */
class SopsFilesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final AgeSecretKey alice = AgeKeys.generateX25519(RANDOM);
    private final AgeSecretKey bob = AgeKeys.generateX25519(RANDOM);

    @TempDir
    Path dir;

    private Path encrypted(String plaintext) throws Exception {
        Path file = dir.resolve("secrets.yaml");
        byte[] bytes = Sops.encryptor()
                .recipients(KeyRecipient.age(alice.publicKey().encoded()))
                .build()
                .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), Format.YAML, "secrets.yaml");
        Files.write(file, bytes);
        return file;
    }

    private SopsFiles files(AgeSecretKey... keys) {
        Credentials.Builder credentials = Credentials.builder();
        for (AgeSecretKey key : keys) {
            credentials.ageIdentity(key);
        }
        return SopsFiles.builder().credentials(credentials.build()).build();
    }

    private Map<String, Object> values(Path file, AgeSecretKey key) throws Exception {
        return Sops.decryptor()
                .credentials(Credentials.builder().ageIdentity(key).build())
                .build()
                .decryptValues(file);
    }

    private static String line(Path file, String prefix) throws Exception {
        return Files.readAllLines(file).stream()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void setAddsAValueAndKeepsTheCiphertextOfUnchangedValues() throws Exception {
        Path file = encrypted("db:\n    user: admin\n    password: hunter2\n");
        String before = line(file, "    user: ");

        files(alice).set(file, Format.YAML, "[\"db\"][\"port\"]", new Node.Int(5432));

        assertThat(values(file, alice))
                .isEqualTo(Map.of("db", Map.of("user", "admin", "password", "hunter2", "port", 5432L)));
        assertThat(line(file, "    user: ")).isEqualTo(before);
    }

    @Test
    void unsetRemovesAValueAndRefusesAMissingPathUnlessIdempotent() throws Exception {
        Path file = encrypted("a: 1\nb: 2\n");

        files(alice).unset(file, Format.YAML, "[\"a\"]", false);

        assertThat(values(file, alice)).isEqualTo(Map.of("b", 2L));
        assertThatThrownBy(() -> files(alice).unset(file, Format.YAML, "[\"a\"]", false))
                .isInstanceOf(SopsPathException.class);
        assertThat(files(alice).unset(file, Format.YAML, "[\"a\"]", true)).isFalse();
    }

    @Test
    void aFailedOperationLeavesTheFileAsItWas() throws Exception {
        Path file = encrypted("a: 1\n");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> files(bob).set(file, Format.YAML, "[\"b\"]", new Node.Str("x")))
                .isInstanceOf(SopsNoKeyException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void rotateChangesEveryCiphertextAndTheRecipients() throws Exception {
        Path file = encrypted("a: secret\n");
        String before = line(file, "a: ");

        files(alice)
                .rotate(
                        file,
                        Format.YAML,
                        List.of(KeyRecipient.age(bob.publicKey().encoded())),
                        List.of(KeyRecipient.age(alice.publicKey().encoded())));

        assertThat(line(file, "a: ")).isNotEqualTo(before);
        assertThat(values(file, bob)).isEqualTo(Map.of("a", "secret"));
        assertThatThrownBy(() -> values(file, alice)).isInstanceOf(SopsNoKeyException.class);
    }

    @Test
    void updateKeysRewrapsTheSameDataKeyWithoutTouchingValues() throws Exception {
        Path file = encrypted("a: secret\n");
        String value = line(file, "a: ");
        String mac = line(file, "    mac: ");
        CreationRule rule = new CreationRule(
                "",
                List.of(List.of(
                        KeyRecipient.age(alice.publicKey().encoded()),
                        KeyRecipient.age(bob.publicKey().encoded()))),
                0,
                EncryptionRule.DEFAULT,
                false);

        assertThat(files(alice).updateKeys(file, Format.YAML, rule)).isTrue();

        assertThat(line(file, "a: ")).isEqualTo(value);
        assertThat(line(file, "    mac: ")).isEqualTo(mac);
        assertThat(values(file, bob)).isEqualTo(Map.of("a", "secret"));
        assertThat(files(alice).updateKeys(file, Format.YAML, rule)).isFalse();
    }

    @Test
    void fileStatusTellsEncryptedFromPlainFiles() throws Exception {
        Path file = encrypted("a: 1\n");
        Path plain = Files.writeString(dir.resolve("plain.yaml"), "a: 1\n");

        assertThat(files().isEncrypted(file, Format.YAML)).isTrue();
        assertThat(files().isEncrypted(plain, Format.YAML)).isFalse();
    }

    @Test
    void execEnvGivesTopLevelScalarsAsSopsPrintsThem() throws Exception {
        Path file = encrypted("NAME: app\nREPLICAS: 3\nRATIO: 1.5\nDEBUG: true\nnested:\n    x: 1\n");

        assertThat(files(alice).environment(file, Format.YAML))
                .containsExactly(
                        Map.entry("NAME", "app"),
                        Map.entry("REPLICAS", "3"),
                        Map.entry("RATIO", "1.5"),
                        Map.entry("DEBUG", "true"));
    }
}
