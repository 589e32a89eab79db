package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/** Private key files: what the OpenSSH and PEM readers refuse, with messages that say why. */
class OpenSshKeyFileTest {
    private static final byte[] SEED = new byte[32];
    private static final byte[] POINT = new byte[32];

    static {
        new SecureRandom().nextBytes(SEED);
        Ed25519.generatePublicKey(SEED, 0, POINT, 0);
    }

    /** An unencrypted openssh-key-v1 file built field by field, so that each field can be spoiled. */
    private static String openSshFile(int check2, byte[] storedPoint, byte[] padding, String cipher, int keys) {
        byte[] publicBlob =
                new SshWire.Writer().string("ssh-ed25519").string(POINT).toByteArray();
        SshWire.Writer privateSection = new SshWire.Writer()
                .uint32(0x12345678)
                .uint32(check2)
                .string("ssh-ed25519")
                .string(storedPoint)
                .string(KeyBytes.concat(SEED, storedPoint))
                .string("comment");
        byte[] section = KeyBytes.concat(privateSection.toByteArray(), padding);
        SshWire.Writer body = new SshWire.Writer()
                .string(cipher)
                .string(cipher.equals("none") ? "none" : "bcrypt")
                .string(
                        cipher.equals("none")
                                ? new byte[0]
                                : new SshWire.Writer()
                                        .string(new byte[16])
                                        .uint32(16)
                                        .toByteArray())
                .uint32(keys)
                .string(publicBlob)
                .string(section);
        byte[] data = KeyBytes.concat("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII), body.toByteArray());
        return pem(data);
    }

    private static String pem(byte[] data) {
        return OpenSshKeyFile.BEGIN + "\n"
                + Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(data) + "\n" + OpenSshKeyFile.END + "\n";
    }

    /** Padding 1, 2, 3, ... that brings the section to a multiple of 8 bytes. */
    private static byte[] padding(int sectionLength) {
        byte[] padding = new byte[(8 - sectionLength % 8) % 8];
        for (int i = 0; i < padding.length; i++) {
            padding[i] = (byte) (i + 1);
        }
        return padding;
    }

    private static final int SECTION_LENGTH = 8 + (4 + 11) + (4 + 32) + (4 + 64) + (4 + 7);

    private static String valid() {
        return openSshFile(0x12345678, POINT, padding(SECTION_LENGTH), "none", 1);
    }

    @Test
    void readsTheHandBuiltFileThatTheOtherCasesSpoil() throws Exception {
        Identity identity = AgeKeys.parseIdentities(valid(), "id").get(0);
        assertThat(AgeKeys.publicKeyOf(identity).encoded())
                .isEqualTo(SshPublicKey.ed25519(POINT).line());
    }

    @Test
    void refusesDifferentCheckNumbersInAnUnencryptedKey() {
        assertThatThrownBy(
                        () -> AgeKeys.parseIdentities(openSshFile(1, POINT, padding(SECTION_LENGTH), "none", 1), "id"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessage("id line 1: OpenSSH private section is corrupt (its check numbers differ)");
    }

    @Test
    void refusesBadPadding() {
        byte[] padding = padding(SECTION_LENGTH);
        padding[padding.length - 1] = 9;
        assertThatThrownBy(() -> AgeKeys.parseIdentities(openSshFile(0x12345678, POINT, padding, "none", 1), "id"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("bad padding at byte " + (padding.length - 1));
    }

    @Test
    void refusesAPrivateKeyThatDoesNotMatchItsPublicKey() {
        byte[] other = POINT.clone();
        Ed25519.generatePublicKey(new byte[32], 0, other, 0);
        assertThatThrownBy(() -> AgeKeys.parseIdentities(
                        openSshFile(0x12345678, other, padding(SECTION_LENGTH), "none", 1), "id"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("does not match the public key stored with it");
    }

    @Test
    void refusesAFileWithTwoKeysAndAnUnknownCipher() {
        assertThatThrownBy(() -> AgeKeys.parseIdentities(
                        openSshFile(0x12345678, POINT, padding(SECTION_LENGTH), "none", 2), "id"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("holds 2 keys; expected 1");
        assertThatThrownBy(() -> AgeKeys.parseIdentities(
                        openSshFile(0x12345678, POINT, padding(SECTION_LENGTH), "3des-cbc", 1), "id"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining(
                        "encrypted with \"3des-cbc\", which is not supported; expected one of [aes128-ctr");
    }

    @Test
    void refusesEncryptedLegacyPemKeysWithAHint() {
        String legacy = """
                -----BEGIN RSA PRIVATE KEY-----
                Proc-Type: 4,ENCRYPTED
                DEK-Info: AES-128-CBC,00

                AAAA
                -----END RSA PRIVATE KEY-----
                """;
        assertThatThrownBy(() -> AgeKeys.parseIdentities(legacy, "legacy.pem"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("legacy.pem line 1: PEM block has headers")
                .hasMessageContaining("ssh-keygen -p -m RFC4716");
    }

    @Test
    void refusesAPkcs8KeyOfAnotherAlgorithm() {
        // PKCS#8 of an X25519 key (RFC 8410 example): age reads RSA and Ed25519 only.
        String x25519 = """
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VuBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
                -----END PRIVATE KEY-----
                """;
        assertThatThrownBy(() -> AgeKeys.parseIdentities(x25519, "x.pem"))
                .isInstanceOf(AgeKeyException.class)
                .hasMessageContaining("PKCS#8 private key has algorithm 1.3.101.110; expected RSA");
    }

    @Property(tries = 300)
    void aKeyFileWithAnyByteChangedGivesATypedErrorOrAnIdentity(
            @ForAll @IntRange(min = 0, max = 2000) int index, @ForAll @IntRange(min = 1, max = 255) int flip) {
        String file = index % 3 == 0 ? valid() : SshFixtures.text(index % 3 == 1 ? "ed25519-aes256-gcm" : "rsa2048");
        byte[] data = PemBlocks.decode(file, OpenSshKeyFile.BEGIN, OpenSshKeyFile.END);
        data[index % data.length] ^= (byte) flip;
        try {
            AgeKeys.parseIdentities(pem(data), "mutated");
        } catch (AgeKeyException expected) {
            assertThat(expected.getMessage()).startsWith("mutated line 1: ");
        }
    }
}
