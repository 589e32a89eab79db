package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The tagged recipients. Their identities live in hardware, so each test holds a known private
 * key and opens the stanza itself: once with this package's HPKE code and once with
 * BouncyCastle's HPKE implementation (org.bouncycastle.crypto.hpke), which shares no code with
 * ours.
 */
class TagRecipientsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FileKey FILE_KEY = FileKey.of(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"));
    // A fixed private scalar, so that the recipient is a known answer of this test.
    private static final BigInteger SCALAR =
            new BigInteger("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721", 16);
    private static final ECPoint POINT = P256.CURVE.getG().multiply(SCALAR).normalize();
    // 32 fixed bytes: the seed of the hybrid key.
    private static final byte[] HYBRID_SEED =
            HexFormat.of().parseHex("7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26");

    @Test
    void aP256TagRecipientIsItsCompressedPointInBech32() throws Exception {
        String text = Bech32.encode("age1tag", POINT.getEncoded(true));
        Recipient recipient = AgeKeys.parseRecipient(text);
        assertThat(recipient.typeName()).isEqualTo("p256tag");
        assertThat(((AgePublicKey) recipient).encoded()).isEqualTo(text).startsWith("age1tag1");
        assertThat(recipient.labels()).isEmpty();
    }

    @Test
    void aP256TagStanzaHasTheTagTheEncAndA32ByteBodyAndOpensWithTheScalar() throws Exception {
        Recipient recipient = AgeKeys.parseRecipient(Bech32.encode("age1tag", POINT.getEncoded(true)));
        Stanza stanza = recipient.wrap(FILE_KEY).get(0);

        assertThat(stanza.type()).isEqualTo("p256tag");
        assertThat(stanza.arguments()).hasSize(2);
        byte[] tag = StrictBase64.decodeExactly(stanza.arguments().get(0), 4, "tag");
        byte[] enc = StrictBase64.decodeExactly(stanza.arguments().get(1), 65, "enc");
        assertThat(enc[0]).isEqualTo((byte) 4);
        assertThat(stanza.bodyLength()).isEqualTo(32);
        assertThat(tag).isEqualTo(expectedTag("age-encryption.org/p256tag", enc, POINT.getEncoded(true)));

        // Our own DHKEM decapsulation with the known scalar...
        byte[] dh =
                P256.decode(enc).multiply(SCALAR).normalize().getAffineXCoord().getEncoded();
        byte[] shared = DhKemP256.extractAndExpand(dh, KeyBytes.concat(enc, POINT.getEncoded(false)));
        byte[] info = "age-encryption.org/p256tag".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Hpke.open(DhKemP256.KEM_ID, shared, info, stanza.body())).isEqualTo(FILE_KEY.bytes());

        // ...and BouncyCastle's RFC 9180 implementation, which shares no code with ours.
        HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
        AsymmetricCipherKeyPair pair = hpke.deserializePrivateKey(toBytes32(SCALAR), POINT.getEncoded(false));
        assertThat(hpke.open(enc, pair, info, new byte[0], stanza.body(), null, null, null))
                .isEqualTo(FILE_KEY.bytes());
    }

    @Test
    void aHybridTagStanzaOpensWithTheSeedAndTagsOnlyTheP256Part() throws Exception {
        HybridKem.PrivateKey key = HybridKem.MLKEM768_P256.privateKey(HYBRID_SEED);
        byte[] publicKey = key.publicKey();
        assertThat(publicKey).hasSize(1249);
        Recipient recipient = AgeKeys.parseRecipient(Bech32.encode("age1tagpq", publicKey));
        assertThat(recipient.typeName()).isEqualTo("mlkem768p256tag");
        assertThat(recipient.labels()).containsExactly("postquantum");

        Stanza stanza = recipient.wrap(FILE_KEY).get(0);
        assertThat(stanza.type()).isEqualTo("mlkem768p256tag");
        byte[] tag = StrictBase64.decodeExactly(stanza.arguments().get(0), 4, "tag");
        byte[] enc = StrictBase64.decodeExactly(stanza.arguments().get(1), 1153, "enc");
        assertThat(stanza.bodyLength()).isEqualTo(32);
        byte[] p256Part = Arrays.copyOfRange(publicKey, 1184, 1249);
        assertThat(tag).isEqualTo(expectedTag("age-encryption.org/mlkem768p256tag", enc, p256Part));

        byte[] info = "age-encryption.org/mlkem768p256tag".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] shared = key.decapsulate(enc);
        assertThat(Hpke.open(0x0050, shared, info, stanza.body())).isEqualTo(FILE_KEY.bytes());

        HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_MLKEM768_P256, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
        AsymmetricCipherKeyPair pair = hpke.deserializePrivateKey(HYBRID_SEED, null);
        assertThat(hpke.serializePublicKey(pair.getPublic())).isEqualTo(publicKey);
        assertThat(hpke.open(enc, pair, info, new byte[0], stanza.body(), null, null, null))
                .isEqualTo(FILE_KEY.bytes());
    }

    @Test
    void theSameFileKeyGivesADifferentEncAndTagEachTime() throws Exception {
        Recipient recipient = AgeKeys.parseRecipient(Bech32.encode("age1tag", POINT.getEncoded(true)));
        Stanza one = recipient.wrap(FILE_KEY).get(0);
        Stanza two = recipient.wrap(FILE_KEY).get(0);
        assertThat(one.arguments().get(1)).isNotEqualTo(two.arguments().get(1));
        assertThat(one.arguments().get(0)).isNotEqualTo(two.arguments().get(0));
    }

    @Test
    void aHybridTagRecipientDoesNotShareAFileWithClassicalOnes() throws Exception {
        Recipient hybrid = AgeKeys.parseRecipient(Bech32.encode(
                "age1tagpq", HybridKem.MLKEM768_P256.privateKey(HYBRID_SEED).publicKey()));
        Recipient classic = AgeKeys.generateX25519(RANDOM).publicKey();
        Recipient classicTag = AgeKeys.parseRecipient(Bech32.encode("age1tag", POINT.getEncoded(true)));
        assertThatThrownBy(() ->
                        Age.encryptor().recipient(hybrid).recipient(classic).build())
                .isInstanceOf(IllegalStateException.class);
        assertThat(Age.encryptor().recipient(classicTag).recipient(classic).build())
                .isNotNull();
        assertThat(Age.encryptor()
                        .recipient(hybrid)
                        .recipient(AgeKeys.generatePostQuantum(RANDOM).publicKey())
                        .build())
                .isNotNull();
    }

    @Test
    void refusesKeysThatAreNotPointsOrHaveTheWrongSize() {
        byte[] notOnCurve = POINT.getEncoded(true);
        notOnCurve[32] ^= 1;
        byte[] uncompressed = POINT.getEncoded(false);
        byte[] hybrid = HybridKem.MLKEM768_P256.privateKey(HYBRID_SEED).publicKey();
        byte[] badCoefficient = hybrid.clone();
        badCoefficient[0] = (byte) 0xff;
        badCoefficient[1] |= 0x0f; // first 12-bit coefficient = 0xfff > q
        byte[] compressedInHybrid = KeyBytes.concat(Arrays.copyOf(hybrid, 1184), POINT.getEncoded(true));
        for (String text : List.of(
                Bech32.encode("age1tag", uncompressed),
                Bech32.encode("age1tagpq", badCoefficient),
                Bech32.encode("age1tagpq", compressedInHybrid))) {
            assertThatThrownBy(() -> AgeKeys.parseRecipient(text))
                    .isInstanceOf(AgeKeyException.class)
                    .hasMessageContaining("tag")
                    .hasMessageNotContaining(text.substring(10, 30));
        }
        // Not every x has a y: with luck (1 in 2) the flipped x is not on the curve.
        try {
            AgeKeys.parseRecipient(Bech32.encode("age1tag", notOnCurve));
        } catch (AgeKeyException e) {
            assertThat(e).hasMessageContaining("not a point of P-256");
        }
    }

    /** tag = HKDF-Extract-SHA-256(salt = label, ikm = enc || SHA-256(key)[:4])[:4], computed from the spec. */
    private static byte[] expectedTag(String label, byte[] enc, byte[] key) throws Exception {
        byte[] keyHash = MessageDigest.getInstance("SHA-256").digest(key);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "HmacSHA256"));
        mac.update(enc);
        mac.update(keyHash, 0, 4);
        return Arrays.copyOf(mac.doFinal(), 4);
    }

    private static byte[] toBytes32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(
                raw, Math.max(0, raw.length - 32), out, Math.max(0, 32 - raw.length), Math.min(32, raw.length));
        return out;
    }
}
