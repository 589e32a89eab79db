package com.webgrip.deploy.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgeRoundTripTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CHUNK = Payload.CHUNK_SIZE;

    static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 9 * CHUNK + 7})
    void roundTripsEverySizeAroundChunkBoundariesSequentiallyAndInParallel(int size) throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        byte[] plaintext = bytes(size, size);
        for (int parallelism : new int[] {1, 3}) {
            for (boolean armor : new boolean[] {false, true}) {
                byte[] file = Age.encryptor()
                        .recipient(key.publicKey())
                        .armor(armor)
                        .parallelism(parallelism)
                        .build()
                        .encrypt(plaintext);
                long chunks = Math.max(1, (size + CHUNK - 1) / CHUNK);
                if (!armor) {
                    AgeInspection inspection = Age.inspect(new ByteArrayInputStream(file));
                    assertThat(inspection.streamOverhead()).isEqualTo(16 + 16 * chunks);
                    assertThat(inspection.payloadSize()).hasValue(size);
                }
                byte[] back = Age.decryptor()
                        .identity(key)
                        .parallelism(parallelism)
                        .build()
                        .decrypt(file);
                assertThat(back).isEqualTo(plaintext);
            }
        }
    }

    @Test
    void parallelSealingWritesTheSameBytesAsSequentialSealing() throws Exception {
        byte[] plaintext = bytes(11 * CHUNK + 5, 1);
        byte[][] files = new byte[2][];
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int run = 0; run < 2; run++) {
                SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
                seeded.setSeed(42);
                Recipient recipient = AgeKeys.parseRecipient(
                        "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw", seeded);
                files[run] = Age.encryptor()
                        .recipient(recipient)
                        .random(seeded)
                        .parallelism(run == 0 ? 1 : 4)
                        .executor(pool)
                        .build()
                        .encrypt(plaintext);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(files[1]).isEqualTo(files[0]);
    }

    @Test
    void everyRecipientOfAFileCanOpenIt() throws Exception {
        List<AgeSecretKey> keys =
                List.of(AgeKeys.generateX25519(RANDOM), AgeKeys.generateX25519(RANDOM), AgeKeys.generateX25519(RANDOM));
        AgeEncryptor encryptor = Age.encryptor()
                .recipients(keys.stream().map(AgeSecretKey::publicKey).toList())
                .build();
        byte[] file = encryptor.encrypt(bytes(1000, 2));
        for (AgeSecretKey key : keys) {
            assertThat(Age.decryptor().identity(key).build().decrypt(file)).isEqualTo(bytes(1000, 2));
        }
        assertThat(Age.inspect(new ByteArrayInputStream(file)).stanzaTypes())
                .containsExactly("X25519", "X25519", "X25519");
    }

    @Test
    void aPassphraseFileOpensWithThePassphraseOnly() throws Exception {
        byte[] file = Age.encryptor()
                .recipient(AgeKeys.passphraseRecipient("correct horse".toCharArray(), 10, RANDOM))
                .build()
                .encrypt(bytes(100, 3));
        assertThat(Age.decryptor()
                        .identity(AgeKeys.passphraseIdentity("correct horse".toCharArray()))
                        .build()
                        .decrypt(file))
                .isEqualTo(bytes(100, 3));
        assertThatThrownBy(() -> Age.decryptor()
                        .identity(AgeKeys.passphraseIdentity("wrong".toCharArray()))
                        .build()
                        .decrypt(file))
                .isExactlyInstanceOf(NoIdentityMatchedException.class)
                .hasMessage(
                        "no identity matched: the file has stanzas of type [scrypt]; tried identities of type [scrypt]");
        assertThatThrownBy(() -> Age.decryptor()
                        .identity(AgeKeys.passphraseIdentity("correct horse".toCharArray(), 9))
                        .build()
                        .decrypt(file))
                .isExactlyInstanceOf(AgeHeaderException.class)
                .hasMessageContaining("work factor 10 is above the limit of 9");
    }

    @Test
    void refusesToMixAPassphraseWithOtherRecipients() {
        assertThatThrownBy(() -> Age.encryptor()
                        .recipient(AgeKeys.passphraseRecipient("p".toCharArray(), 10, RANDOM))
                        .recipient(AgeKeys.generateX25519(RANDOM).publicKey())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a passphrase (scrypt) recipient must be the only recipient of a file");
        assertThatThrownBy(() -> Age.encryptor().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bouncyCastleAndTheJdkReadEachOthersFiles() throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        byte[] plaintext = bytes(3 * CHUNK + 1, 4);
        byte[] byBouncyCastle = Age.encryptor()
                .recipient(key.publicKey())
                .provider(new BouncyCastleProvider())
                .build()
                .encrypt(plaintext);
        assertThat(Age.decryptor().identity(key).build().decrypt(byBouncyCastle))
                .isEqualTo(plaintext);
        byte[] byDefault = Age.encryptor().recipient(key.publicKey()).build().encrypt(plaintext);
        assertThat(Age.decryptor()
                        .identity(key)
                        .provider(new BouncyCastleProvider())
                        .build()
                        .decrypt(byDefault))
                .isEqualTo(plaintext);
    }

    @Test
    void roundTripsThroughChannels() throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        byte[] plaintext = bytes(2 * CHUNK + 3, 5);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (WritableByteChannel out =
                Age.encryptor().recipient(key.publicKey()).build().encryptingChannel(Channels.newChannel(file))) {
            out.write(ByteBuffer.wrap(plaintext));
        }
        try (ReadableByteChannel in = Age.decryptor()
                .identity(key)
                .build()
                .decryptingChannel(Channels.newChannel(new ByteArrayInputStream(file.toByteArray())))) {
            assertThat(Channels.newInputStream(in).readAllBytes()).isEqualTo(plaintext);
        }
    }

    @Test
    void seeksAnywhereInTheirPlaintext(@TempDir Path dir) throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        byte[] plaintext = bytes(5 * CHUNK + 1234, 6);
        Path file = dir.resolve("f.age");
        Files.write(file, Age.encryptor().recipient(key.publicKey()).build().encrypt(plaintext));
        Random random = new Random(7);
        try (SeekableByteChannel channel =
                Age.decryptor().identity(key).build().openSeekable(Files.newByteChannel(file))) {
            assertThat(channel.size()).isEqualTo(plaintext.length);
            for (int i = 0; i < 50; i++) {
                int from = random.nextInt(plaintext.length);
                int length = Math.min(random.nextInt(3 * CHUNK), plaintext.length - from);
                ByteBuffer buffer = ByteBuffer.allocate(length);
                channel.position(from);
                while (buffer.hasRemaining()) {
                    channel.read(buffer);
                }
                assertThat(buffer.array()).isEqualTo(Arrays.copyOfRange(plaintext, from, from + length));
            }
            channel.position(plaintext.length);
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void seekingVerifiesTheFinalChunkAtOnceAndOtherChunksWhenRead(@TempDir Path dir) throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        byte[] encrypted = Age.encryptor().recipient(key.publicKey()).build().encrypt(bytes(3 * CHUNK, 8));
        AgeDecryptor decryptor = Age.decryptor().identity(key).build();
        Path lastChanged = dir.resolve("last.age");
        byte[] copy = encrypted.clone();
        copy[copy.length - 1] ^= 1;
        Files.write(lastChanged, copy);
        assertThatThrownBy(() -> decryptor.openSeekable(Files.newByteChannel(lastChanged)))
                .isExactlyInstanceOf(AgePayloadException.class);
        Path truncated = dir.resolve("truncated.age");
        Files.write(truncated, Arrays.copyOf(encrypted, encrypted.length - Payload.ENCRYPTED_CHUNK_SIZE));
        assertThatThrownBy(() -> decryptor.openSeekable(Files.newByteChannel(truncated)))
                .isExactlyInstanceOf(AgePayloadException.class);
        Path middleChanged = dir.resolve("middle.age");
        copy = encrypted.clone();
        copy[copy.length - 2 * Payload.ENCRYPTED_CHUNK_SIZE + 5] ^= 1;
        Files.write(middleChanged, copy);
        try (SeekableByteChannel channel =
                decryptor.openSeekable(Files.newByteChannel(middleChanged, StandardOpenOption.READ))) {
            channel.position(CHUNK - 10);
            ByteBuffer buffer = ByteBuffer.allocate(100);
            assertThatThrownBy(() -> channel.read(buffer)).isExactlyInstanceOf(AgePayloadException.class);
            channel.position(0);
            assertThat(channel.read(ByteBuffer.allocate(10))).isEqualTo(10);
        }
    }

    @Test
    void releasesNoPlaintextOfAChunkThatDoesNotAuthenticate() throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        byte[] plaintext = bytes(3 * CHUNK, 9);
        byte[] file = Age.encryptor().recipient(key.publicKey()).build().encrypt(plaintext);
        file[file.length - 2 * Payload.ENCRYPTED_CHUNK_SIZE] ^= 1; // inside the second chunk
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        try (InputStream in = Age.decryptor().identity(key).build().decryptingStream(new ByteArrayInputStream(file))) {
            byte[] buffer = new byte[1000];
            assertThatThrownBy(() -> {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            released.write(buffer, 0, n);
                        }
                    })
                    .isExactlyInstanceOf(AgePayloadException.class)
                    .hasMessage("age payload chunk 1: does not authenticate (changed or truncated)");
        }
        assertThat(released.toByteArray()).isEqualTo(Arrays.copyOf(plaintext, CHUNK));
    }

    @Test
    void aWrongKeyNamesTypesButNoKeyMaterial() throws Exception {
        AgeSecretKey key = AgeKeys.generateX25519(RANDOM);
        AgeSecretKey other = AgeKeys.generateX25519(RANDOM);
        byte[] file = Age.encryptor().recipient(key.publicKey()).build().encrypt(new byte[10]);
        assertThatThrownBy(() -> Age.decryptor()
                        .identity(other)
                        .identity(AgeKeys.passphraseIdentity("x".toCharArray()))
                        .build()
                        .decrypt(file))
                .isExactlyInstanceOf(NoIdentityMatchedException.class)
                .hasMessage("no identity matched: the file has stanzas of type [X25519]; "
                        + "tried identities of type [X25519, scrypt]")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(new String(other.encodedSecret())));
    }
}
