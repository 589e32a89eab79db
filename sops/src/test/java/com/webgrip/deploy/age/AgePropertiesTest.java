package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Round trips, tamper detection and robustness against arbitrary input. */
class AgePropertiesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static List<AgeSecretKey> keys;
    private static byte[] threeChunkFile;
    private static int threeChunkHeaderSize;

    @BeforeContainer
    static void keys() throws Exception {
        keys = IntStream.range(0, 4)
                .mapToObj(i -> AgeKeys.generateX25519(RANDOM))
                .toList();
        threeChunkFile = Age.encryptor()
                .recipient(keys.get(0).publicKey())
                .recipient(keys.get(1).publicKey())
                .build()
                .encrypt(AgeRoundTripTest.bytes(2 * Payload.CHUNK_SIZE + 100, 11));
        threeChunkHeaderSize =
                (int) Age.inspect(new ByteArrayInputStream(threeChunkFile)).headerSize();
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(
                        1,
                        Arbitraries.integers()
                                .between(0, 4 * Payload.CHUNK_SIZE + 3)
                                .map(size -> AgeRoundTripTest.bytes(size, size))));
    }

    @Property(tries = 40)
    void everyRecipientSetRoundTripsAnyPayload(
            @ForAll("payloads") byte[] plaintext,
            @ForAll @Size(min = 1, max = 4) Set<@IntRange(min = 0, max = 3) Integer> recipients,
            @ForAll boolean armor,
            @ForAll @IntRange(min = 1, max = 3) int parallelism)
            throws Exception {
        AgeEncryptor.Builder builder = Age.encryptor().armor(armor).parallelism(parallelism);
        recipients.forEach(i -> builder.recipient(keys.get(i).publicKey()));
        byte[] file = builder.build().encrypt(plaintext);
        for (int i = 0; i < keys.size(); i++) {
            AgeDecryptor decryptor = Age.decryptor()
                    .identity(keys.get(i))
                    .parallelism(parallelism)
                    .build();
            if (recipients.contains(i)) {
                assertThat(decryptor.decrypt(file)).isEqualTo(plaintext);
            } else {
                assertThatThrownBy(() -> decryptor.decrypt(file)).isExactlyInstanceOf(NoIdentityMatchedException.class);
            }
        }
    }

    @Property(tries = 300)
    void anySingleBitChangeIsDetectedAsTheRightKind(
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
            @ForAll @IntRange(min = 0, max = 7) int bit) {
        int position = where % threeChunkFile.length;
        byte[] changed = threeChunkFile.clone();
        changed[position] ^= (byte) (1 << bit);
        AgeDecryptor decryptor = Age.decryptor()
                .identity(keys.get(1))
                .armor(AgeDecryptor.Armor.BINARY)
                .build();
        if (position < threeChunkHeaderSize) {
            assertThatThrownBy(() -> decryptor.decrypt(changed))
                    .isInstanceOfAny(
                            AgeHeaderException.class, AgeHeaderMacException.class, NoIdentityMatchedException.class);
        } else {
            assertThatThrownBy(() -> decryptor.decrypt(changed)).isExactlyInstanceOf(AgePayloadException.class);
        }
    }

    @Property(tries = 200)
    void anyTruncationFails(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cut, @ForAll boolean armor)
            throws Exception {
        byte[] file = armor ? armored(threeChunkFile) : threeChunkFile;
        byte[] truncated = Arrays.copyOf(file, cut % file.length);
        AgeDecryptor decryptor = Age.decryptor().identity(keys.get(0)).build();
        assertThatThrownBy(() -> decryptor.decrypt(truncated)).isInstanceOf(AgeException.class);
    }

    @Property(tries = 300)
    void arbitraryBytesOnlyEverRaiseOurTypedExceptions(
            @ForAll @Size(max = 2000) byte[] garbage, @ForAll boolean prefixed) {
        byte[] input = prefixed
                ? concat(
                        "age-encryption.org/v1\n-> X25519 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        garbage)
                : garbage;
        assertOnlyTypedFailures(input);
    }

    @Property(tries = 200)
    void mutatedFilesOnlyEverRaiseOurTypedExceptions(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions,
            @ForAll byte value,
            @ForAll boolean armor,
            @ForAll boolean insert)
            throws Exception {
        byte[] file = armor ? armored(small()) : small();
        for (int position : positions) {
            int at = position % (file.length + 1);
            if (insert) {
                byte[] longer = new byte[file.length + 1];
                System.arraycopy(file, 0, longer, 0, at);
                longer[at] = value;
                System.arraycopy(file, at, longer, at + 1, file.length - at);
                file = longer;
            } else if (at < file.length) {
                file[at] = value;
            }
        }
        assertOnlyTypedFailures(file);
    }

    private static void assertOnlyTypedFailures(byte[] input) {
        AgeDecryptor decryptor = Age.decryptor().identity(keys.get(0)).build();
        try (InputStream in = decryptor.decryptingStream(new ByteArrayInputStream(input))) {
            in.readAllBytes();
        } catch (AgeException expected) {
            // the only kind of failure allowed
        } catch (Exception | Error e) {
            throw new AssertionError("untyped failure " + e, e);
        }
        try {
            Age.inspect(new ByteArrayInputStream(input));
        } catch (AgeException expected) {
            // the only kind of failure allowed
        } catch (Exception | Error e) {
            throw new AssertionError("untyped failure from inspect " + e, e);
        }
    }

    private static byte[] small() throws Exception {
        return Age.encryptor().recipient(keys.get(0).publicKey()).build().encrypt(new byte[] {1, 2, 3});
    }

    private static byte[] armored(byte[] binary) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ArmorOutputStream armor = new ArmorOutputStream(out)) {
            armor.write(binary);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return X25519Recipient.concat(a, b);
    }
}
