package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import com.webgrip.deploy.sops.tree.Node;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A file large enough to be decrypted in chunks on several threads decrypts to the same document
 * as one thread gives, reports the first bad value in document order, and keeps the IV stash
 * exact (writing it back reproduces its bytes).
 */
class ParallelDecryptionTest {
    private static final int VALUES = 2 * LeafDecryption.PARALLEL_THRESHOLD;
    private static final int NUMBERS = 1_600;
    private static AgeSecretKey key;
    private static byte[] encrypted;

    @BeforeAll
    static void encryptALargeFile() throws SopsException {
        key = AgeKeys.generateX25519(new SecureRandom());
        StringBuilder yaml = new StringBuilder();
        // equal values at one path, spread over several chunks: the IV stash must keep the last
        yaml.append("numbers:\n");
        for (int i = 0; i < NUMBERS; i++) {
            yaml.append("    - ")
                    .append(i % 3 == 0 ? "7" : Integer.toString(100_000 + i))
                    .append('\n');
        }
        for (int i = 0; i < VALUES; i++) {
            if (i % 50 == 0) {
                yaml.append("group_").append(i / 50).append(":\n");
            }
            yaml.append("    key_").append(i % 50).append(": ").append(i % 7 == 0 ? "same" : "value " + i);
            yaml.append('\n');
        }
        encrypted = Sops.encryptor()
                .recipients(KeyRecipient.age(key.publicKey().encoded()))
                .build()
                .encrypt(yaml.toString().getBytes(StandardCharsets.UTF_8), Format.YAML, "large.yaml");
    }

    private static SopsDecryptor decryptor(boolean parallel) {
        return Sops.decryptor()
                .credentials(Credentials.builder().ageIdentity(key).build())
                .parallel(parallel)
                .build();
    }

    @Test
    void decryptsToTheSameDocumentOnOneThreadOrMany() throws SopsException {
        SopsDocument many = decryptor(true).decrypt(encrypted, Format.YAML, "large.yaml");
        SopsDocument one = decryptor(false).decrypt(encrypted, Format.YAML, "large.yaml");

        assertThat(many.documents()).isEqualTo(one.documents());
        assertThat(many.extract("[\"group_3\"][\"key_5\"]")).isEqualTo(new Node.Str("value 155"));
        assertThat(many.extract("[\"numbers\"][3]")).isEqualTo(new Node.Int(7));
        assertThat(many.extract("[\"numbers\"][4]")).isEqualTo(new Node.Int(100_004));
    }

    @Test
    void reportsTheFirstTamperedValueInDocumentOrder() {
        String text = new String(encrypted, StandardCharsets.UTF_8);
        // tamper with a value near the end first, then one near the start: the start must be reported
        String late = tamper(text, "group_" + (VALUES / 50 - 2) + ":\n    key_0: ");
        String both = tamper(late, "group_1:\n    key_0: ");

        assertThatThrownBy(() -> decryptor(true).decrypt(both.getBytes(StandardCharsets.UTF_8), Format.YAML, "x"))
                .isInstanceOf(SopsDecryptionException.class)
                .hasMessageContaining("\"group_1:key_0:\"");
    }

    /**
     * Unchanged values keep their ciphertext; equal values at one path (the {@code 7}s of the
     * list) all take the IV of the last one decrypted, as sops's IV stash does, whatever order the
     * chunks were decrypted in.
     */
    @Test
    void writesTheFileBackAsSopsWouldAfterAParallelOpen() throws SopsException {
        SopsDecryptor.Opened opened = decryptor(true).open(encrypted, Format.YAML, "large.yaml", true);
        Metadata metadata = opened.document().metadata();

        byte[] again = EncryptedWriter.write(
                        opened.document().documents(),
                        metadata,
                        opened.cipher(),
                        Stores.forFormat(Format.YAML, StoreOptions.defaults()),
                        metadata.lastModified(),
                        metadata.version(),
                        "large.yaml")
                .bytes();

        String original = new String(encrypted, StandardCharsets.UTF_8);
        Matcher sevens = Pattern.compile("(?m)^    - (ENC\\[AES256_GCM,data:[^\\n]*type:int\\])$")
                .matcher(original);
        java.util.List<String> items = new java.util.ArrayList<>();
        while (sevens.find()) {
            items.add(sevens.group(1));
        }
        String lastSeven = items.get(NUMBERS - 1);
        String expected = original;
        for (int i = 0; i < NUMBERS; i += 3) {
            expected = expected.replace(items.get(i), lastSeven);
        }
        assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(expected).isNotEqualTo(original);
    }

    /** Flips one base64 character of the data of the value right after {@code anchor}. */
    private static String tamper(String text, String anchor) {
        Matcher m = Pattern.compile(Pattern.quote(anchor) + "ENC\\[AES256_GCM,data:(.)")
                .matcher(text);
        assertThat(m.find()).as("anchor %s", anchor).isTrue();
        char c = m.group(1).charAt(0);
        char flipped = c == 'A' ? 'B' : 'A';
        return text.substring(0, m.start(1)) + flipped + text.substring(m.end(1));
    }
}
