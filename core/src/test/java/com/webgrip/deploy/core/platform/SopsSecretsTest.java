package com.webgrip.deploy.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.KeyRecipient;
import com.webgrip.deploy.sops.Sops;
import com.webgrip.deploy.sops.SopsEnvironment;
import com.webgrip.deploy.sops.store.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment's keys are found as sops finds them, not only through SOPS_AGE_KEY and SOPS_AGE_KEY_FILE. */
class SopsSecretsTest {

    @TempDir
    Path home;

    private final AgeSecretKey key = AgeKeys.generateX25519(new SecureRandom());

    private byte[] encrypted() throws Exception {
        return Sops.encryptor()
                .recipients(KeyRecipient.age(key.publicKey().encoded()))
                .build()
                .encrypt("password: hunter22\n".getBytes(StandardCharsets.UTF_8), Format.YAML, "db.enc.yaml");
    }

    @Test
    void decryptsWithTheKeyInTheOsDefaultKeysFile() throws Exception {
        Path keys = home.resolve(".config/sops/age/keys.txt");
        Files.createDirectories(keys.getParent());
        Files.writeString(keys, "# demo\n" + new String(key.encodedSecret()) + "\n");

        var decryptor = SopsSecrets.fromEnvironment(SopsEnvironment.of(Map.of(), home, "Linux"));

        assertThat(decryptor).isPresent();
        assertThat(decryptor.get().decrypt(Path.of("db.enc.yaml"), encrypted())).containsEntry("password", "hunter22");
    }

    @Test
    void decryptsWithTheKeyThatSopsAgeKeyCmdPrints() throws Exception {
        Path keyFile = home.resolve("key.txt");
        Files.writeString(keyFile, new String(key.encodedSecret()) + "\n");

        var decryptor = SopsSecrets.fromEnvironment(SopsEnvironment.of(
                Map.of("SOPS_AGE_KEY_CMD", "cat " + keyFile, "PATH", "/usr/bin:/bin"), home, "Linux"));

        assertThat(decryptor).isPresent();
        assertThat(decryptor.get().decrypt(Path.of("db.enc.yaml"), encrypted())).containsEntry("password", "hunter22");
    }

    @Test
    void findsNothingInAnEmptyEnvironmentAndNamesAFailingSource() throws IOException {
        assertThat(SopsSecrets.fromEnvironment(SopsEnvironment.of(Map.of(), home, "Linux")))
                .isEmpty();
        assertThatThrownBy(() -> SopsSecrets.fromEnvironment(SopsEnvironment.of(
                        Map.of("SOPS_AGE_KEY_FILE", home.resolve("missing.txt").toString()), home, "Linux")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SOPS_AGE_KEY_FILE");
    }
}
