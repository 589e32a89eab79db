package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.store.Format;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files this library writes decrypt with npm's sops-age 4.0.2 to the same values. */
class SopsAgeInteropTest {
    private static final AgeSecretKey KEY = AgeKeys.generateX25519(new SecureRandom());

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"secrets.yaml,YAML", "secrets.json,JSON", "secrets.env,DOTENV"})
    void sopsAgeDecryptsWhatWeWrite(String name, Format format) throws Exception {
        Path modules = Peers.sopsAgeModules();
        String plaintext = switch (format) {
            case YAML ->
                "# a comment\napp:\n    password: s3cr3t é\n    port: 5432\n    ratio: 0.25\n    debug: true\n"
                        + "    hosts:\n        - a.example\n        - b.example\n    token_unencrypted: visible\n";
            case JSON ->
                "{\"app\": {\"password\": \"s3cr3t <&>\", \"port\": 5432, \"ratio\": 0.25, \"on\": false,"
                        + " \"list\": [1, \"two\", {\"three\": 3}]}}";
            default -> "PASSWORD=s3cr3t\nMULTI=line1\\nline2\n#comment\nEMPTY=\n";
        };
        byte[] encrypted = Sops.encryptor()
                .recipients(KeyRecipient.age(KEY.publicKey().encoded()))
                .build()
                .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), format, name);
        Path file = Files.write(dir.resolve(name), encrypted);

        JsonNode theirs = new ObjectMapper().readTree(runSopsAge(modules, file));
        SopsDocument ours = Sops.decryptor()
                .credentials(Credentials.builder().ageIdentity(KEY).build())
                .build()
                .decrypt(file);

        assertThat(theirs.toString()).isEqualTo(ours.toJson().toString());
    }

    private static String runSopsAge(Path modules, Path file)
            throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(SopsAgeInteropTest.class
                .getResource("/interop/sops-age-decrypt.mjs")
                .toURI());
        ProcessBuilder builder =
                new ProcessBuilder(List.of("node", script.toString(), modules.toString(), file.toString()));
        char[] secret = KEY.encodedSecret();
        builder.environment().put("AGE_SECRET_KEY", new String(secret));
        java.util.Arrays.fill(secret, '\0');
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("sops-age said: %s", text).isZero();
        return text;
    }
}
