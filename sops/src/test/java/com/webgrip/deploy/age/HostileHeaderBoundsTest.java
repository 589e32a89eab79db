package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The work and memory a hostile header can cause are bounded before they are spent. */
class HostileHeaderBoundsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final char[] PASSPHRASE = "a passphrase".toCharArray();

    @Test
    void refusesAHeaderWithMoreStanzasThanTheLimit() {
        byte[] file = header(4097, 32);

        assertThatThrownBy(() -> decryptWithAnX25519Key(file))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("more than 4096 recipient stanzas");
    }

    @Test
    void refusesAHeaderLongerThanOneMebibyte() {
        // 700 stanzas with post-quantum-sized bodies: under the stanza limit, over the length limit.
        byte[] file = header(700, 1599);
        assertThat(file.length).isGreaterThan(HeaderParser.MAX_HEADER_LENGTH);

        assertThatThrownBy(() -> decryptWithAnX25519Key(file))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("longer than 1048576 bytes");
    }

    @Test
    void refusesAWorkFactorThatNeedsMoreMemoryThanIsAvailableBeforeDerivingAnything() throws Exception {
        List<Stanza> stanzas = scryptStanzas(14);
        ScryptIdentity identity = new ScryptIdentity(PASSPHRASE, 22, () -> 1L << 20);

        assertThatThrownBy(() -> identity.unwrap(stanzas))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("scrypt work factor 14 needs 16777216 bytes of memory; only 1048576");
    }

    @Test
    void refusesAWorkFactorAboveTheLimitWithoutLookingAtMemory() throws Exception {
        List<Stanza> stanzas = scryptStanzas(14);
        ScryptIdentity identity = new ScryptIdentity(PASSPHRASE, 12, () -> {
            throw new AssertionError("memory was considered for a stanza that is refused anyway");
        });

        assertThatThrownBy(() -> identity.unwrap(stanzas))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("scrypt work factor 14 is above the limit of 12");
    }

    @Test
    void unwrapsWhenTheMemoryIsAvailable() throws Exception {
        List<Stanza> stanzas = scryptStanzas(10);
        ScryptIdentity identity = new ScryptIdentity(PASSPHRASE, 22, () -> Scrypt.memoryNeeded(10));

        assertThat(identity.unwrap(stanzas)).contains(FileKey.of(new byte[16]));
    }

    @Test
    void scryptMemoryIsTwoToTheWorkFactorBlocksOfOneKibibyte() {
        assertThat(Scrypt.memoryNeeded(18)).isEqualTo(256L << 20);
        assertThat(Scrypt.memoryNeeded(22)).isEqualTo(4L << 30);
    }

    private static List<Stanza> scryptStanzas(int workFactor) throws Exception {
        return AgeKeys.passphraseRecipient(PASSPHRASE, workFactor, RANDOM).wrap(FileKey.of(new byte[16]));
    }

    private static byte[] decryptWithAnX25519Key(byte[] file) throws Exception {
        return Age.decryptor().identity(AgeKeys.generateX25519(RANDOM)).build().decrypt(file);
    }

    /** A header of {@code count} X25519-like stanzas with bodies of {@code bodyLength} bytes, and a MAC line. */
    private static byte[] header(int count, int bodyLength) {
        StringBuilder header = new StringBuilder("age-encryption.org/v1\n");
        String share = BASE64.encodeToString(new byte[32]);
        String body = BASE64.encodeToString(new byte[bodyLength]);
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < body.length(); i += 64) {
            wrapped.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        if (body.length() % 64 == 0) {
            wrapped.append('\n');
        }
        for (int i = 0; i < count; i++) {
            header.append("-> X25519 ").append(share).append('\n').append(wrapped);
        }
        header.append("--- ").append(BASE64.encodeToString(new byte[32])).append('\n');
        return header.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
