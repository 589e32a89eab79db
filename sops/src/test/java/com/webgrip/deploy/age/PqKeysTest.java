package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

/** The post-quantum mlkem768x25519 type: keys, stanza layout, labels, and what unwrapping refuses. */
class PqKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FileKey FILE_KEY =
            FileKey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
    // The identity of the CCTV vector "hybrid" (public test key).
    private static final String CCTV_IDENTITY;

    static {
        try {
            CCTV_IDENTITY = CctvVector.load("hybrid").identities().get(0);
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void aGeneratedKeyRoundTripsThroughItsTextForms() throws Exception {
        AgeSecretKey key = AgeKeys.generatePostQuantum(RANDOM);
        String secret = new String(key.encodedSecret());
        assertThat(secret).startsWith("AGE-SECRET-KEY-PQ-1").isUpperCase().hasSize(18 + 1 + 52 + 6);
        String recipient = key.publicKey().encoded();
        assertThat(recipient).startsWith("age1pq1").hasSize(7 + (1216 * 8 + 4) / 5 + 6);
        assertThat(AgeKeys.publicKeyOf(AgeKeys.parseIdentity(secret)).encoded()).isEqualTo(recipient);
        assertThat(AgeKeys.parseRecipient(recipient)).isEqualTo(key.publicKey());
    }

    @Test
    void thePublicKeyOfASeedIsWhatBouncyCastlesHpkeDerives() throws Exception {
        PqIdentity identity = PqIdentity.parse(CCTV_IDENTITY);
        Bech32.Decoded seed = Bech32.decode(CCTV_IDENTITY);
        HPKE hpke =
                new HPKE(HPKE.mode_base, HPKE.kem_MLKEM768_X25519, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
        AsymmetricCipherKeyPair pair = hpke.deserializePrivateKey(seed.data(), null);
        assertThat(((PqRecipient) identity.publicKey()).publicKeyBytes())
                .isEqualTo(hpke.serializePublicKey(pair.getPublic()));
    }

    @Test
    void aStanzaHasTheEncapsulatedKeyAndA32ByteBodyAndOpensWithBouncyCastle() throws Exception {
        PqIdentity identity = PqIdentity.parse(CCTV_IDENTITY);
        Stanza stanza = identity.publicKey().wrap(FILE_KEY).get(0);
        assertThat(stanza.type()).isEqualTo("mlkem768x25519");
        assertThat(stanza.arguments()).singleElement().asString().hasSize((1120 * 4 + 2) / 3);
        assertThat(stanza.bodyLength()).isEqualTo(32);
        assertThat(identity.unwrap(List.of(stanza))).contains(FILE_KEY);

        HPKE hpke =
                new HPKE(HPKE.mode_base, HPKE.kem_MLKEM768_X25519, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
        AsymmetricCipherKeyPair pair =
                hpke.deserializePrivateKey(Bech32.decode(CCTV_IDENTITY).data(), null);
        byte[] info = "age-encryption.org/mlkem768x25519".getBytes(StandardCharsets.US_ASCII);
        assertThat(hpke.open(
                        StrictBase64.decode(stanza.arguments().get(0)),
                        pair,
                        info,
                        new byte[0],
                        stanza.body(),
                        null,
                        null,
                        null))
                .isEqualTo(FILE_KEY.bytes());
    }

    @Test
    void carriesThePostquantumLabelSoItNeverSharesAFileWithClassicalRecipients() throws Exception {
        Recipient pq = AgeKeys.generatePostQuantum(RANDOM).publicKey();
        assertThat(pq.labels()).containsExactly("postquantum");
        assertThatThrownBy(() -> Age.encryptor()
                        .recipient(pq)
                        .recipient(AgeKeys.generateX25519(RANDOM).publicKey())
                        .build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Age.encryptor()
                        .recipient(pq)
                        .recipient(AgeKeys.parseRecipient(SshFixtures.publicLine("ed25519")))
                        .build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void encryptsAndDecryptsAWholeFileForSeveralPostQuantumRecipients() throws Exception {
        AgeSecretKey one = AgeKeys.generatePostQuantum(RANDOM);
        AgeSecretKey two = AgeKeys.generatePostQuantum(RANDOM);
        byte[] plaintext = "quantum-safe".getBytes(StandardCharsets.UTF_8);
        byte[] file = Age.encryptor()
                .recipient(one.publicKey())
                .recipient(two.publicKey())
                .armor(true)
                .build()
                .encrypt(plaintext);
        assertThat(Age.decryptor().identity(two).build().decrypt(file)).isEqualTo(plaintext);
        assertThatThrownBy(() -> Age.decryptor()
                        .identity(AgeKeys.generatePostQuantum(RANDOM))
                        .build()
                        .decrypt(file))
                .isInstanceOf(NoIdentityMatchedException.class);
    }

    @Test
    void refusesMalformedStanzas() throws Exception {
        PqIdentity identity = PqIdentity.parse(CCTV_IDENTITY);
        Stanza good = identity.publicKey().wrap(FILE_KEY).get(0);
        String enc = good.arguments().get(0);
        assertThatThrownBy(() -> identity.unwrap(List.of(Stanza.of("mlkem768x25519", List.of(enc, "x"), good.body()))))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("expected 1");
        assertThatThrownBy(() -> identity.unwrap(List.of(Stanza.of("mlkem768x25519", List.of(enc), new byte[48]))))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("body has 48 bytes; expected 32");
        assertThatThrownBy(() ->
                        identity.unwrap(List.of(Stanza.of("mlkem768x25519", List.of(enc.substring(4)), good.body()))))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("expected 1120");
        byte[] lowOrder = StrictBase64.decode(enc);
        java.util.Arrays.fill(lowOrder, 1088, 1120, (byte) 0);
        assertThatThrownBy(() -> identity.unwrap(
                        List.of(Stanza.of("mlkem768x25519", List.of(StrictBase64.encode(lowOrder)), good.body()))))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("low-order");
    }

    @Test
    void aStanzaForAnotherKeyIsNotAMatchBecauseMlKemRejectsImplicitly() throws Exception {
        Stanza forOther =
                AgeKeys.generatePostQuantum(RANDOM).publicKey().wrap(FILE_KEY).get(0);
        assertThat(PqIdentity.parse(CCTV_IDENTITY).unwrap(List.of(forOther))).isEmpty();
    }

    @Test
    void refusesRecipientsWithABadMlKemKeyOrLength() throws Exception {
        byte[] key = ((PqRecipient) AgeKeys.generatePostQuantum(RANDOM).publicKey()).publicKeyBytes();
        byte[] bad = key.clone();
        bad[3] = (byte) 0xff;
        bad[4] |= 0x0f;
        assertThatThrownBy(() -> AgeKeys.parseRecipient(Bech32.encode("age1pq", bad)))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("coefficient >= q");
        assertThatThrownBy(() -> AgeKeys.parseRecipient(Bech32.encode("age1pq", java.util.Arrays.copyOf(key, 1215))))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("public key has 1215 bytes; expected 1216");
    }

    @Test
    void refusesIdentitiesOfTheWrongLengthWithoutEchoingThem() {
        String shortSeed = Bech32.encodeUpper("AGE-SECRET-KEY-PQ-", new byte[31]);
        assertThatThrownBy(() -> AgeKeys.parseIdentity(shortSeed))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("holds 31 bytes; expected 32")
                .hasMessageNotContaining(shortSeed.substring(20));
    }

    @Test
    void aDestroyedIdentityCannotUnwrapNorPrint() throws Exception {
        AgeSecretKey key = AgeKeys.generatePostQuantum(RANDOM);
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThat(key.toString()).isEqualTo("PqIdentity[destroyed]");
        assertThatThrownBy(key::encodedSecret).isInstanceOf(IllegalStateException.class);
    }
}
