package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

/** The ssh-ed25519 and ssh-rsa types: key lines, stanza layout, and what unwrapping refuses. */
class SshKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FileKey FILE_KEY =
            FileKey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});

    @Test
    void parsesKeyLinesWithAndWithoutCommentsAndTabs() throws Exception {
        String ed = SshFixtures.publicLine("ed25519");
        assertThat(AgeKeys.parseRecipient(ed)).isInstanceOf(AgePublicKey.class);
        assertThat(((AgePublicKey) AgeKeys.parseRecipient(SshFixtures.text("ed25519.pub"))).encoded())
                .isEqualTo(ed);
        assertThat(((AgePublicKey) AgeKeys.parseRecipient(ed.replace(' ', '\t') + "\tcomment with spaces")).encoded())
                .isEqualTo(ed);
        assertThat(AgeKeys.parseRecipient(SshFixtures.text("rsa2048.pub")).typeName())
                .isEqualTo("ssh-rsa");
    }

    @Test
    void refusesRsaKeysShorterThan2048BitsLikeGoAge() {
        assertThatThrownBy(() -> AgeKeys.parseRecipient(SshFixtures.text("rsa1024.pub")))
                .isInstanceOf(AgeKeyException.class)
                .hasMessage(
                        "malformed ssh-rsa recipient: RSA key has 1024 bits; age requires at least 2048 (like Go age)");
    }

    @Test
    void refusesALineWhoseTypeDisagreesWithTheKeyInside() {
        String rsaBlob = SshFixtures.publicLine("rsa2048").split(" ", -1)[1];
        assertThatThrownBy(() -> AgeKeys.parseRecipient("ssh-ed25519 " + rsaBlob))
                .isInstanceOf(AgeKeyException.class)
                .hasMessage("malformed ssh-ed25519 recipient: SSH public key line says ssh-ed25519 but the key inside"
                        + " is \"ssh-rsa\"");
    }

    @Test
    void refusesAnEcdsaKeyInsideAnEd25519Line() {
        String ecdsaBlob = SshFixtures.text("ecdsa.pub").split(" ", -1)[1];
        assertThatThrownBy(() -> AgeKeys.parseRecipient("ssh-ed25519 " + ecdsaBlob))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("SSH key type \"ecdsa-sha2-nistp256\" is not supported");
    }

    @Test
    void refusesBadBase64AndTrailingBytes() {
        assertThatThrownBy(() -> AgeKeys.parseRecipient("ssh-ed25519 not*base64"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("not valid base64");
        byte[] wire =
                Base64.getDecoder().decode(SshFixtures.publicLine("ed25519").split(" ", -1)[1]);
        byte[] longer = KeyBytes.concat(wire, new byte[] {0});
        assertThatThrownBy(() -> AgeKeys.parseRecipient(
                        "ssh-ed25519 " + Base64.getEncoder().encodeToString(longer)))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("1 unexpected bytes after the last field");
    }

    @Test
    void refusesAnEd25519KeyThatIsNotAPointOfPrimeOrder() {
        byte[] identityPoint = new byte[32];
        identityPoint[0] = 1; // y = 1, x = 0: the neutral element
        SshPublicKey key = SshPublicKey.ed25519(identityPoint);
        assertThatThrownBy(() -> new SshEd25519Recipient(key, RANDOM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid Ed25519 point of prime order");
    }

    @Test
    void theEd25519BasePointMapsToTheX25519BasePoint() {
        byte[] edwardsBase = new byte[32];
        java.util.Arrays.fill(edwardsBase, (byte) 0x66);
        edwardsBase[0] = 0x58; // RFC 8032: y = 4/5, x positive
        byte[] montgomeryBase = new byte[32];
        montgomeryBase[0] = 9; // RFC 7748: u = 9
        assertThat(SshEd25519Recipient.toMontgomery(edwardsBase)).isEqualTo(montgomeryBase);
    }

    @Test
    void theMontgomeryFormOfTheEd25519KeyIsTheX25519KeyOfTheIdentityScalar() {
        for (int i = 0; i < 20; i++) {
            byte[] seed = new byte[32];
            RANDOM.nextBytes(seed);
            SshEd25519Identity identity = SshEd25519Identity.fromSeed(seed, null);
            byte[] scalar = java.util.Arrays.copyOf(SshEd25519Identity.sha512(seed), 32);
            byte[] expected = new byte[32];
            X25519.scalarMultBase(scalar, 0, expected, 0);
            assertThat(SshEd25519Recipient.toMontgomery(identity.sshKey().ed25519Point()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void anEd25519StanzaHasTheTagAndAShareAndA32ByteBody() throws Exception {
        Recipient recipient = AgeKeys.parseRecipient(SshFixtures.publicLine("ed25519"));
        Stanza stanza = recipient.wrap(FILE_KEY).get(0);
        SshPublicKey key = SshPublicKey.parseLine(SshFixtures.publicLine("ed25519"));
        assertThat(stanza.type()).isEqualTo("ssh-ed25519");
        assertThat(stanza.arguments()).hasSize(2);
        assertThat(stanza.arguments().get(0))
                .isEqualTo(StrictBase64.encode(java.util.Arrays.copyOf(SshPublicKey.sha256(key.wire()), 4)))
                .hasSize(6);
        assertThat(StrictBase64.decode(stanza.arguments().get(1))).hasSize(32);
        assertThat(stanza.bodyLength()).isEqualTo(32);
    }

    @Test
    void anRsaStanzaHasTheTagAndABodyAsLongAsTheModulus() throws Exception {
        Stanza stanza = AgeKeys.parseRecipient(SshFixtures.publicLine("rsa2048"))
                .wrap(FILE_KEY)
                .get(0);
        assertThat(stanza.type()).isEqualTo("ssh-rsa");
        assertThat(stanza.arguments()).singleElement().asString().hasSize(6);
        assertThat(stanza.bodyLength()).isEqualTo(256);
        assertThat(SshFixtures.identity("rsa2048").unwrap(List.of(stanza))).contains(FILE_KEY);
    }

    @Test
    void ignoresStanzasOfOtherTypesAndOtherKeys() throws Exception {
        Identity ed = SshFixtures.identity("ed25519");
        Identity rsa = SshFixtures.identity("rsa2048");
        List<Stanza> forOthers = List.of(
                AgeKeys.parseRecipient(SshFixtures.publicLine("ed25519-pkcs8"))
                        .wrap(FILE_KEY)
                        .get(0),
                AgeKeys.parseRecipient(SshFixtures.publicLine("rsa2048-pkcs1"))
                        .wrap(FILE_KEY)
                        .get(0),
                Stanza.of("X25519", List.of("x"), new byte[32]));
        assertThat(ed.unwrap(forOthers)).isEmpty();
        assertThat(rsa.unwrap(forOthers)).isEmpty();
    }

    @Test
    void refusesMalformedEd25519StanzasEvenForOtherKeys() throws Exception {
        Identity ed = SshFixtures.identity("ed25519");
        String share = StrictBase64.encode(new byte[32]);
        assertThatThrownBy(() -> ed.unwrap(List.of(Stanza.of("ssh-ed25519", List.of("AAAAAA"), new byte[32]))))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("expected 2");
        assertThatThrownBy(() -> ed.unwrap(
                        List.of(Stanza.of("ssh-ed25519", List.of("AAAAAA", share.substring(1)), new byte[32]))))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("ssh-ed25519 share has 31 bytes; expected 32");
        String nonCanonical = share.substring(0, 42) + "B"; // non-zero trailing bits
        assertThatThrownBy(() ->
                        ed.unwrap(List.of(Stanza.of("ssh-ed25519", List.of("AAAAAA", nonCanonical), new byte[32]))))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("not canonical");
    }

    @Test
    void refusesALowOrderShareAndAWrongBodyLengthForItsOwnTag() throws Exception {
        Identity ed = SshFixtures.identity("ed25519");
        String tag = SshPublicKey.parseLine(SshFixtures.publicLine("ed25519")).tag();
        String zero = StrictBase64.encode(new byte[32]);
        assertThatThrownBy(() -> ed.unwrap(List.of(Stanza.of("ssh-ed25519", List.of(tag, zero), new byte[32]))))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("low-order");
        Stanza good = AgeKeys.parseRecipient(SshFixtures.publicLine("ed25519"))
                .wrap(FILE_KEY)
                .get(0);
        Stanza longBody = Stanza.of(good.type(), good.arguments(), new byte[48]);
        assertThatThrownBy(() -> ed.unwrap(List.of(longBody)))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("body has 48 bytes; expected 32");
    }

    @Test
    void aStanzaForTheKeyThatDoesNotDecryptIsAHeaderErrorNotANoMatch() throws Exception {
        for (String key : List.of("ed25519", "rsa2048")) {
            Stanza good = AgeKeys.parseRecipient(SshFixtures.publicLine(key))
                    .wrap(FILE_KEY)
                    .get(0);
            byte[] body = good.body();
            body[body.length - 1] ^= 1;
            Stanza tampered = Stanza.of(good.type(), good.arguments(), body);
            assertThatThrownBy(() -> SshFixtures.identity(key).unwrap(List.of(tampered)))
                    .isInstanceOf(AgeHeaderException.class)
                    .hasMessageContaining("does not decrypt: the header was altered");
        }
    }

    @Test
    void refusesAnRsaStanzaWithExtraArguments() throws Exception {
        Identity rsa = SshFixtures.identity("rsa2048");
        assertThatThrownBy(() -> rsa.unwrap(List.of(Stanza.of("ssh-rsa", List.of("AAAAAA", "x"), new byte[256]))))
                .isInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("expected 1 (the key tag)");
    }

    @Test
    void aDestroyedIdentityCannotUnwrap() throws Exception {
        for (String key : List.of("ed25519", "rsa2048")) {
            SshIdentity identity = (SshIdentity) SshFixtures.identity(key);
            identity.destroy();
            assertThat(identity.isDestroyed()).isTrue();
            assertThatThrownBy(() -> identity.unwrap(List.of())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void printsFingerprintsNeverKeyMaterial() throws Exception {
        Identity identity = SshFixtures.identity("ed25519");
        assertThat(identity.toString()).startsWith("SshEd25519Identity[SHA256:");
        assertThat(SshFixtures.identity("rsa2048").toString()).startsWith("SshRsaIdentity[SHA256:");
    }
}
