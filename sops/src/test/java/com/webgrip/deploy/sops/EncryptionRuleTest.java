package com.webgrip.deploy.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.age.AgeKeys;
import com.webgrip.deploy.age.AgeSecretKey;
import com.webgrip.deploy.sops.store.Format;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Each of the six rules leaves in clear exactly what sops leaves in clear. */
class EncryptionRuleTest {
    private static final AgeSecretKey KEY = AgeKeys.generateX25519(new SecureRandom());
    private static final String PLAIN = """
            # sops:enc
            token: t0k3n
            name: web
            data:
                password: pw
            public_unencrypted: hello
            """;

    private static String encrypt(EncryptionRule rule) throws Exception {
        byte[] out = Sops.encryptor()
                .recipients(KeyRecipient.age(KEY.publicKey().encoded()))
                .rule(rule)
                .build()
                .encrypt(PLAIN.getBytes(StandardCharsets.UTF_8), Format.YAML, "rules.yaml");
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void theDefaultUnencryptedSuffixLeavesSuffixedKeysInClear() throws Exception {
        String out = encrypt(EncryptionRule.DEFAULT);
        assertThat(line(out, "public_unencrypted:")).isEqualTo("public_unencrypted: hello");
        assertThat(line(out, "name:")).contains("ENC[");
        assertThat(line(out, "#")).startsWith("#ENC[").endsWith("type:comment]");
    }

    @Test
    void encryptedSuffixEncryptsOnlySuffixedKeys() throws Exception {
        String out = encrypt(EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_SUFFIX, "_unencrypted"));
        assertThat(line(out, "public_unencrypted:")).contains("ENC[");
        assertThat(line(out, "name:")).isEqualTo("name: web");
    }

    @Test
    void encryptedRegexEncryptsTheMatchingSubtree() throws Exception {
        String out = encrypt(EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_REGEX, "^data$"));
        assertThat(line(out, "    password:")).contains("ENC[");
        assertThat(line(out, "token:")).isEqualTo("token: t0k3n");
        assertThat(line(out, "#")).isEqualTo("# sops:enc");
    }

    @Test
    void unencryptedRegexLeavesTheMatchingSubtreeInClear() throws Exception {
        String out = encrypt(EncryptionRule.of(EncryptionRule.Kind.UNENCRYPTED_REGEX, "^(name|data)$"));
        assertThat(line(out, "name:")).isEqualTo("name: web");
        assertThat(line(out, "    password:")).isEqualTo("    password: pw");
        assertThat(line(out, "token:")).contains("ENC[");
    }

    @Test
    void encryptedCommentRegexEncryptsTheValueAfterTheMarkerButNotTheMarker() throws Exception {
        String out = encrypt(EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_COMMENT_REGEX, "sops:enc"));
        assertThat(line(out, "#")).isEqualTo("# sops:enc");
        assertThat(line(out, "token:")).contains("ENC[");
        assertThat(line(out, "name:")).isEqualTo("name: web");
    }

    @Test
    void unencryptedCommentRegexLeavesTheValueAfterTheMarkerInClear() throws Exception {
        String out = encrypt(EncryptionRule.of(EncryptionRule.Kind.UNENCRYPTED_COMMENT_REGEX, "sops:enc"));
        assertThat(line(out, "token:")).isEqualTo("token: t0k3n");
        assertThat(line(out, "name:")).contains("ENC[");
    }

    @Test
    void refusesRegexConstructsThatRe2Refuses() {
        assertThatThrownBy(() -> EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_REGEX, "^(?=a)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("^(?=a)")
                .hasMessageContaining("not valid RE2");
        assertThatThrownBy(() -> EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_REGEX, "(a)\\1"))
                .hasMessageContaining("not valid RE2");
        assertThatThrownBy(() -> EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_REGEX, "a++"))
                .hasMessageContaining("not valid RE2");
    }

    @Test
    void readsPatternsWithGoSemantics() {
        assertThat(GoRegex.find("^[[:alpha:]]+$", "abc")).isTrue();
        assertThat(GoRegex.find("^a$", "a\n")).as("RE2's $ is the very end").isFalse();
        assertThat(GoRegex.find("(?m)^a$", "a\nb")).isTrue();
        assertThat(GoRegex.find("a.b", "a\nb")).as(". does not match a newline").isFalse();
        assertThat(GoRegex.find("^\\s$", "\u000B"))
                .as("RE2's \\s has no vertical tab")
                .isFalse();
        assertThat(GoRegex.find("(?P<x>b)", "abc")).isTrue();
        assertThat(GoRegex.find("(?U)a+", "aaa")).isTrue();
    }

    @Test
    void aCatastrophicBacktrackingPatternFromAFileCannotHangEncryptionOrDecryption() throws Exception {
        // java.util.regex needs about 2^n steps for this pattern on n a's followed by a non-match
        // (the review measured 13.7 s at n = 28); n = 64 would not finish in a lifetime there.
        String key = "a".repeat(64) + "!";
        EncryptionRule hostile = EncryptionRule.of(EncryptionRule.Kind.ENCRYPTED_REGEX, "(.*a){20}$");
        byte[] plain = (key + ": v\nsecret: s\n").getBytes(StandardCharsets.UTF_8);

        byte[] encrypted = Sops.encryptor()
                .recipients(KeyRecipient.age(KEY.publicKey().encoded()))
                .rule(hostile)
                .build()
                .encrypt(plain, Format.YAML, "hostile.yaml");
        String text = new String(encrypted, StandardCharsets.UTF_8);
        assertThat(line(text, key + ":")).isEqualTo(key + ": v");
        assertThat(line(text, "secret:")).isEqualTo("secret: s");

        byte[] decrypted = Sops.decryptor()
                .credentials(Credentials.builder().ageIdentity(KEY).build())
                .build()
                .decrypt(encrypted, Format.YAML, "hostile.yaml")
                .emit();
        assertThat(new String(decrypted, StandardCharsets.UTF_8)).isEqualTo(new String(plain, StandardCharsets.UTF_8));
    }
}
