package com.webgrip.deploy.age;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Decrypts with a fixed list of identities, tried in order. Immutable and thread-safe. Memory
 * stays at {@code 2 x parallelism} batches of 256 KiB whatever the size of the file; no plaintext is released
 * before its chunk authenticated.
 *
 * <p>Failures are typed: {@link AgeArmorException}, {@link AgeHeaderException},
 * {@link NoIdentityMatchedException}, {@link AgeHeaderMacException} (all raised when the stream is
 * opened) and {@link AgePayloadException} (raised by {@code read} once the chunks before the bad one
 * were read).
 */
public final class AgeDecryptor {

    /** Whether the input is ASCII-armored. */
    public enum Armor {
        /** Armored when the first byte after any leading whitespace is {@code -}, as the age command decides. */
        DETECT,
        /** Always armored. */
        ARMORED,
        /** Never armored. */
        BINARY
    }

    private final List<Identity> identities;
    private final Armor armor;
    private final ChaChaPoly aead;
    private final int parallelism;
    private final Executor executor;

    private AgeDecryptor(Builder builder) {
        this.identities = List.copyOf(builder.identities);
        this.armor = builder.armor;
        this.aead = builder.aead;
        this.parallelism = builder.parallelism;
        this.executor = builder.executor;
    }

    /**
     * Reads and checks the header of {@code source} now, and returns the plaintext as a stream.
     * Closing the returned stream closes {@code source}.
     */
    public InputStream decryptingStream(InputStream source) throws IOException {
        InputStream in = dearmored(new BufferedInputStream(Objects.requireNonNull(source, "source"), 1 << 16), armor);
        Header header = HeaderParser.parse(in);
        byte[] fileKey = FileKeys.unwrap(header, identities);
        byte[] payloadKey = null;
        try {
            byte[] nonce = in.readNBytes(Payload.NONCE_LENGTH);
            if (nonce.length != Payload.NONCE_LENGTH) {
                throw new AgeHeaderException(
                        "the payload nonce has " + nonce.length + " bytes; expected " + Payload.NONCE_LENGTH);
            }
            payloadKey = Payload.key(fileKey, nonce);
            return new DecryptingInputStream(in, new ChunkPipeline(false, aead, payloadKey, parallelism, executor));
        } finally {
            Arrays.fill(fileKey, (byte) 0);
            X25519Identity.zero(payloadKey);
        }
    }

    /** Like {@link #decryptingStream}, over channels. */
    public ReadableByteChannel decryptingChannel(ReadableByteChannel source) throws IOException {
        return Channels.newChannel(decryptingStream(Channels.newInputStream(source)));
    }

    /** Decrypts a whole file held in memory. */
    public byte[] decrypt(byte[] ciphertext) throws IOException {
        try (InputStream in = decryptingStream(new ByteArrayInputStream(ciphertext))) {
            return in.readAllBytes();
        }
    }

    /**
     * Opens a binary (not armored) age file for random access, like Go's {@code DecryptReaderAt}:
     * the returned read-only channel's positions and size are those of the plaintext, and each
     * read decrypts only the chunks it needs. The final chunk is authenticated here, so that
     * {@link SeekableByteChannel#size()} can be trusted. Closing it closes {@code source}.
     */
    public SeekableByteChannel openSeekable(SeekableByteChannel source) throws IOException {
        return SeekableDecryptingChannel.open(Objects.requireNonNull(source, "source"), identities, aead);
    }

    /** Wraps {@code in} in an armor decoder when the policy says the input is armored. */
    static InputStream dearmored(BufferedInputStream in, Armor armor) throws IOException {
        boolean armored = armor == Armor.ARMORED || (armor == Armor.DETECT && looksArmored(in));
        return armored ? new BufferedInputStream(new ArmorInputStream(in), 1 << 16) : in;
    }

    private static boolean looksArmored(BufferedInputStream in) throws IOException {
        in.mark(ArmorInputStream.MAX_WHITESPACE + 2);
        try {
            for (int i = 0; i <= ArmorInputStream.MAX_WHITESPACE; i++) {
                int b = in.read();
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b == '-';
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    /** Builds an {@link AgeDecryptor}; at least one identity is required. */
    public static final class Builder {
        private final List<Identity> identities = new ArrayList<>();
        private Armor armor = Armor.DETECT;
        private ChaChaPoly aead = ChaChaPoly.defaults();
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Executor executor = ForkJoinPool.commonPool();

        Builder() {}

        /** Adds an identity; identities are tried in the order they were added. */
        public Builder identity(Identity identity) {
            identities.add(Objects.requireNonNull(identity, "identity"));
            return this;
        }

        /** Adds identities. */
        public Builder identities(Collection<? extends Identity> more) {
            more.forEach(this::identity);
            return this;
        }

        /** Whether the input is armored; default {@link Armor#DETECT}. */
        public Builder armor(Armor armor) {
            this.armor = Objects.requireNonNull(armor, "armor");
            return this;
        }

        /** The JCA provider of ChaCha20-Poly1305; default the JDK's, else BouncyCastle. */
        public Builder provider(Provider provider) {
            this.aead = ChaChaPoly.of(provider);
            return this;
        }

        /**
         * How many threads may work at once: the calling thread and up to {@code parallelism - 1}
         * tasks on the executor, each on its own batch of four chunks, while the calling thread
         * also reads and writes. 1 keeps all work on the calling thread. Default the CPU count.
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1 || parallelism > 64) {
                throw new IllegalArgumentException("parallelism is " + parallelism + "; expected 1 to 64");
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Runs the helper tasks of parallel opening; default the common fork-join pool. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds the decryptor.
         *
         * @throws IllegalStateException without identities
         */
        public AgeDecryptor build() {
            if (identities.isEmpty()) {
                throw new IllegalStateException("no identities; expected at least one");
            }
            return new AgeDecryptor(this);
        }
    }
}
