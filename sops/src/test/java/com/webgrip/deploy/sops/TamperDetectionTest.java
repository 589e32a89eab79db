package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.sops.store.Format;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Changes made to an encrypted file outside sops are caught with a typed error naming the path. */
class TamperDetectionTest {
    private static final String FIXTURE = "sops-main-pgp/example.yaml";
    private final SopsDecryptor decryptor = Fixtures.pgpDecryptor();
    private final String original = new String(Fixtures.bytes(FIXTURE), StandardCharsets.UTF_8);

    @Test
    void rejectsAChangedValueNamingItsPath() {
        String tampered = original.replace("user: ENC[AES256_GCM,data:tQ1l,", "user: ENC[AES256_GCM,data:tQ1m,");

        assertThatThrownBy(() -> decrypt(tampered))
                .isInstanceOf(SopsDecryptionException.class)
                .hasMessageContaining("\"app2:db:user:\"");
    }

    @Test
    void rejectsARenamedKeyNamingTheNewPath() {
        String tampered = original.replace("        user: ENC", "        owner: ENC");

        assertThatThrownBy(() -> decrypt(tampered))
                .isInstanceOf(SopsDecryptionException.class)
                .hasMessageContaining("\"app2:db:owner:\"");
    }

    @Test
    void rejectsAValueMovedToAnotherKey() {
        String user = line("        user: ");
        String password = line("        password: ");
        String tampered = original.replace(user, "@@")
                .replace(password, user.replace("user", "password"))
                .replace("@@", password.replace("password", "user"));

        assertThatThrownBy(() -> decrypt(tampered)).isInstanceOf(SopsDecryptionException.class);
    }

    @Test
    void rejectsADroppedKeyAsAMacMismatch() {
        String tampered = original.replace(line("myapp1: ") + "\n", "");

        assertThatThrownBy(() -> decrypt(tampered))
                .isInstanceOf(SopsMacMismatchException.class)
                .hasMessageContaining("MAC mismatch");
    }

    @Test
    void rejectsReorderedListItemsAsAMacMismatch() {
        String first = line("    - ENC[AES256_GCM,data:vyczE8EQr9qHkaM=");
        String second = line("    - ENC[AES256_GCM,data:XtBinnYXR7bx1GY=");
        String tampered = original.replace(first, "@@").replace(second, first).replace("@@", second);

        assertThatThrownBy(() -> decrypt(tampered)).isInstanceOf(SopsMacMismatchException.class);
    }

    @Test
    void rejectsAnEditedLastModified() {
        String tampered =
                original.replace("lastmodified: \"2025-08-06T18:55:05Z\"", "lastmodified: \"2025-08-06T18:55:06Z\"");

        assertThatThrownBy(() -> decrypt(tampered))
                .isInstanceOf(SopsMacMismatchException.class)
                .hasMessageContaining("sops.lastmodified");
    }

    @Test
    void rejectsAMalformedEncValueNamingThePath() {
        String tampered = original.replace("user: ENC[AES256_GCM,data:tQ1l,", "user: ENC[AES256_GCM,dta:tQ1l,");

        assertThatThrownBy(() -> decrypt(tampered))
                .isInstanceOf(SopsFormatException.class)
                .hasMessageContaining("\"app2:db:user:\"");
    }

    private String line(String prefix) {
        int start = original.indexOf(prefix);
        return original.substring(start, original.indexOf('\n', start));
    }

    private SopsDocument decrypt(String content) throws SopsException {
        return decryptor.decrypt(content.getBytes(StandardCharsets.UTF_8), Format.YAML, FIXTURE);
    }
}
