package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.sops.store.Format;
import com.webgrip.deploy.sops.store.StoreOptions;
import com.webgrip.deploy.sops.store.Stores;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decrypting a real-sops file and encrypting it again with the same data key, IVs (sops's IV
 * stash) and {@code lastmodified} reproduces the file's MAC, and, for files in the 3.13 layout,
 * its exact bytes.
 */
class ReencryptionTest {
    private final SopsDecryptor decryptor = Fixtures.pgpDecryptor();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sops-main-pgp/functional-tests/res/format.enc.yaml",
                "sops-main-pgp/functional-tests/res/format.enc.json",
                "sops-main-pgp/functional-tests/res/format.enc.env",
                "sops-main-pgp/functional-tests/res/format.enc.ini",
                "sops-main-pgp/example.yaml"
            })
    void reproducesTheBytesOfAFileInSops313Layout(String fixture) throws Exception {
        byte[] original = Fixtures.bytes(fixture);

        byte[] again = reencrypt(fixture, original);

        assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sops-main-pgp/example.json",
                "sops-main-pgp/example.ini",
                "sops-main-pgp/example.txt",
                "sops-main-pgp/functional-tests/res/comments.enc.yaml",
                "sops-main-pgp/functional-tests/res/multiple_keys.yaml",
                "sops-main-pgp/functional-tests/res/format-2.enc.ini"
            })
    void reproducesTheMacOfOlderFiles(String fixture) throws Exception {
        byte[] original = Fixtures.bytes(fixture);
        Format format = Format.forPath(Fixtures.path(fixture));
        SopsDecryptor.Opened before = decryptor.open(original, format, fixture, true);

        byte[] again = reencrypt(fixture, original);
        SopsDecryptor.Opened after = decryptor.open(again, format, fixture, true);

        assertThat(after.document().metadata().mac())
                .isEqualTo(before.document().metadata().mac());
        assertThat(after.document().documents()).isEqualTo(before.document().documents());
    }

    private byte[] reencrypt(String fixture, byte[] original) throws Exception {
        Format format = Format.forPath(Fixtures.path(fixture));
        SopsDecryptor.Opened opened = decryptor.open(original, format, fixture, true);
        Metadata metadata = opened.document().metadata();
        return EncryptedWriter.write(
                        opened.document().documents(),
                        metadata,
                        opened.cipher(),
                        Stores.forFormat(format, StoreOptions.defaults()),
                        metadata.lastModified(),
                        metadata.version(),
                        fixture)
                .bytes();
    }
}
