package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Data keys are zeroed, decrypted values stay out of toString, and providers cannot be hijacked. */
class SecretHygieneTest {
    private static final AgeSecretKey KEY = AgeKeys.generateX25519(new SecureRandom());
    private static final String SECRET = "hunter2-very-secret";

    /** Hands out the real age provider's data keys and keeps a reference to each, to look at later. */
    private static final class RecordingProvider implements MasterKeyProvider {
        final List<byte[]> handedOut = new ArrayList<>();
        private final int length;

        RecordingProvider(int length) {
            this.length = length;
        }

        @Override
        public String type() {
            return "age";
        }

        @Override
        public MasterKey wrap(String recipient, byte[] dataKey, Credentials credentials) throws SopsException {
            return new AgeKeyProvider().wrap(recipient, dataKey, credentials);
        }

        @Override
        public Optional<byte[]> unwrap(MasterKey key, Credentials credentials) throws SopsException {
            Optional<byte[]> real = new AgeKeyProvider().unwrap(key, credentials);
            real.ifPresent(k -> handedOut.add(java.util.Arrays.copyOf(k, length)));
            return real.map(k -> handedOut.get(handedOut.size() - 1));
        }
    }

    private static byte[] encrypted() throws Exception {
        return Sops.encryptor()
                .recipients(KeyRecipient.age(KEY.publicKey().encoded()))
                .build()
                .encrypt(
                        ("password: " + SECRET + "\n#" + SECRET + "\nport: 5432\n").getBytes(StandardCharsets.UTF_8),
                        Format.YAML,
                        "s.yaml");
    }

    private static SopsDecryptor decryptor(RecordingProvider provider) {
        return Sops.decryptor()
                .credentials(Credentials.builder().ageIdentity(KEY).build())
                .provider(provider)
                .build();
    }

    @Test
    void zeroesTheDataKeyOnceTheDocumentIsDecrypted() throws Exception {
        RecordingProvider provider = new RecordingProvider(32);

        SopsDocument document = decryptor(provider).decrypt(encrypted(), Format.YAML, "s.yaml");

        assertThat(document.first().get("password")).contains(new Node.Str(SECRET));
        assertThat(provider.handedOut).singleElement().isEqualTo(new byte[32]);
    }

    @Test
    void zeroesADataKeyOfTheWrongLengthBeforeRefusingIt() throws Exception {
        RecordingProvider provider = new RecordingProvider(31);
        byte[] file = encrypted();

        assertThatThrownBy(() -> decryptor(provider).decrypt(file, Format.YAML, "s.yaml"))
                .isInstanceOf(SopsNoKeyException.class);
        assertThat(provider.handedOut).singleElement().isEqualTo(new byte[31]);
    }

    @Test
    void decryptedTreesPrintKindsAndLengthsButNoValue() throws Exception {
        SopsDocument document = Sops.decryptor()
                .credentials(Credentials.builder().ageIdentity(KEY).build())
                .build()
                .decrypt(encrypted(), Format.YAML, "s.yaml");

        assertThat(document.first().toString())
                .contains("password", "Str[19 chars]", "Int[hidden]", "Comment[19 chars]")
                .doesNotContain(SECRET, "5432");
        assertThat(document.documents().toString()).doesNotContain(SECRET, "5432");
        assertThat(List.of(
                                new Node.Flt(2.5),
                                new Node.Bool(true),
                                new Node.Time(OffsetDateTime.parse("2024-01-02T03:04:05Z")),
                                Comment.of("pw"))
                        .toString())
                .doesNotContain("2.5", "true", "2024", "pw");
    }

    @Test
    void aDiscoveredProviderCannotReplaceABuiltInOne() {
        RecordingProvider hijacker = new RecordingProvider(32);

        assertThatThrownBy(() -> KeyWrapping.withProviders(List.of(hijacker), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(RecordingProvider.class.getName())
                .hasMessageContaining("claims type \"age\"")
                .hasMessageContaining(AgeKeyProvider.class.getName());
        assertThat(KeyWrapping.withProviders(List.of(), List.of(hijacker)).types())
                .as("the builder's explicit provider(...) may replace it")
                .containsExactly("age", "pgp");
    }
}
