package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Post-quantum and tagged recipients against npm's age-encryption (typage) 0.3.1, which has
 * mlkem768x25519 keys and encrypts to age1tag1 / age1tagpq1 recipients.
 */
class TypageInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] SIZES = {0, 1, 64 * 1024 + 1, 2 * 1024 * 1024 + 3};

    @TempDir
    static Path dir;

    @BeforeAll
    static void scripts() throws Exception {
        InteropPeers.typageScripts(dir);
    }

    private static InteropPeers.Result node(byte[] stdin, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        return InteropPeers.run(dir, stdin, command).requireSuccess("node " + arguments[0]);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int size : SIZES) {
            cases.add(Arguments.of(size, false));
            cases.add(Arguments.of(size, true));
        }
        return cases.stream();
    }

    @Test
    void bothSidesDeriveTheSameRecipientFromAnIdentity() throws Exception {
        String[] typageKey =
                node(new byte[0], "keys.mjs", "generate").stdoutText().strip().split("\n", -1);
        assertThat(AgeKeys.publicKeyOf(AgeKeys.parseIdentity(typageKey[0])).encoded())
                .isEqualTo(typageKey[1]);

        AgeSecretKey ours = AgeKeys.generatePostQuantum(RANDOM);
        String recipient = node(new byte[0], "keys.mjs", "recipient", new String(ours.encodedSecret()))
                .stdoutText()
                .strip();
        assertThat(recipient).isEqualTo(ours.publicKey().encoded());
    }

    @ParameterizedTest(name = "{0} bytes, armored {1}")
    @MethodSource("cases")
    void typageDecryptsWhatWeEncryptToAPostQuantumKey(int size, boolean armored) throws Exception {
        String[] typageKey =
                node(new byte[0], "keys.mjs", "generate").stdoutText().strip().split("\n", -1);
        byte[] plaintext = plaintext(size);
        byte[] file = Age.encryptor()
                .recipient(AgeKeys.parseRecipient(typageKey[1]))
                .armor(armored)
                .build()
                .encrypt(plaintext);
        assertThat(node(file, "decrypt.mjs", typageKey[0]).stdout()).isEqualTo(plaintext);
    }

    @ParameterizedTest(name = "{0} bytes, armored {1}")
    @MethodSource("cases")
    void weDecryptWhatTypageEncryptsToAPostQuantumKey(int size, boolean armored) throws Exception {
        AgeSecretKey ours = AgeKeys.generatePostQuantum(RANDOM);
        byte[] plaintext = plaintext(size);
        String recipient = ours.publicKey().encoded();
        byte[] file = armored
                ? node(plaintext, "encrypt.mjs", "--armor", recipient).stdout()
                : node(plaintext, "encrypt.mjs", recipient).stdout();
        assertThat(Age.decryptor().identity(ours).build().decrypt(file)).isEqualTo(plaintext);
    }

    @Test
    void typageAndWeWriteTagStanzasThatTheSameKnownKeysOpen() throws Exception {
        BigInteger scalar = new BigInteger(255, RANDOM).add(BigInteger.ONE);
        ECPoint point = P256.CURVE.getG().multiply(scalar).normalize();
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        HybridKem.PrivateKey hybrid = HybridKem.MLKEM768_P256.privateKey(seed);
        String classicRecipient = Bech32.encode("age1tag", point.getEncoded(true));
        String hybridRecipient = Bech32.encode("age1tagpq", hybrid.publicKey());
        byte[] plaintext = "tagged".getBytes(StandardCharsets.UTF_8);

        for (String recipient : List.of(classicRecipient, hybridRecipient)) {
            Identity known = recipient.equals(classicRecipient)
                    ? new KnownTagKey(recipient, stanza -> P256Dh.open(stanza, scalar, point))
                    : new KnownTagKey(recipient, stanza -> P256Dh.openHybrid(stanza, hybrid));
            byte[] theirs = node(plaintext, "encrypt.mjs", recipient).stdout();
            byte[] ours = Age.encryptor()
                    .recipient(AgeKeys.parseRecipient(recipient))
                    .build()
                    .encrypt(plaintext);
            for (byte[] file : List.of(theirs, ours)) {
                assertThat(Age.decryptor().identity(known).build().decrypt(file))
                        .isEqualTo(plaintext);
            }
        }
    }

    /** A test-only identity for a tag recipient whose private key the test holds; it checks the tag first. */
    private record KnownTagKey(String recipient, Opener opener) implements Identity {
        interface Opener {
            byte[] open(Stanza stanza) throws Exception;
        }

        @Override
        public Optional<FileKey> unwrap(List<Stanza> stanzas) throws AgeException {
            TagRecipient tagRecipient = TagRecipient.parse(recipient, RANDOM);
            for (Stanza stanza : stanzas) {
                if (!stanza.type().equals(tagRecipient.type())) {
                    continue;
                }
                byte[] enc = StrictBase64.decode(stanza.arguments().get(1));
                assertThat(StrictBase64.decode(stanza.arguments().get(0))).isEqualTo(tagRecipient.tag(enc));
                try {
                    return Optional.of(FileKey.of(opener.open(stanza)));
                } catch (Exception e) {
                    throw new AgeException("test key could not open the stanza", e);
                }
            }
            return Optional.empty();
        }

        @Override
        public String typeName() {
            return "known tag key";
        }
    }

    /** Decryption with keys held in memory, as the hardware would do it. */
    private static final class P256Dh {
        static byte[] open(Stanza stanza, BigInteger scalar, ECPoint point) {
            byte[] enc = StrictBase64.decode(stanza.arguments().get(1));
            byte[] dh = P256.decode(enc)
                    .multiply(scalar)
                    .normalize()
                    .getAffineXCoord()
                    .getEncoded();
            byte[] shared = DhKemP256.extractAndExpand(dh, KeyBytes.concat(enc, point.getEncoded(false)));
            return Hpke.open(DhKemP256.KEM_ID, shared, info("p256tag"), stanza.body());
        }

        static byte[] openHybrid(Stanza stanza, HybridKem.PrivateKey key) {
            byte[] shared =
                    key.decapsulate(StrictBase64.decode(stanza.arguments().get(1)));
            return Hpke.open(HybridKem.MLKEM768_P256.kemId(), shared, info("mlkem768p256tag"), stanza.body());
        }

        private static byte[] info(String type) {
            return ("age-encryption.org/" + type).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] plaintext(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
