package com.webgrip.deploy.age;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Encrypts to a fixed set of recipients. Immutable and thread-safe; each call draws a fresh file
 * key. Memory stays at {@code 2 x parallelism} batches of 256 KiB whatever the size of the plaintext.
 *
 * <pre>{@code
 * AgeEncryptor encryptor = Age.encryptor().recipient(AgeKeys.parseRecipient("age1...")).armor(true).build();
 * try (OutputStream out = encryptor.encryptingStream(Files.newOutputStream(target))) {
 *     in.transferTo(out);
 * }
 * }</pre>
 */
public final class AgeEncryptor {
    private final List<Recipient> recipients;
    private final boolean armor;
    private final SecureRandom random;
    private final ChaChaPoly aead;
    private final int parallelism;
    private final Executor executor;

    private AgeEncryptor(Builder builder) {
        this.recipients = List.copyOf(builder.recipients);
        this.armor = builder.armor;
        this.random = builder.random;
        this.aead = builder.aead;
        this.parallelism = builder.parallelism;
        this.executor = builder.executor;
    }

    /**
     * A stream whose plaintext is encrypted into {@code sink}. The header is written at once;
     * {@link OutputStream#close()} writes the last chunk (and the armor's END line) and closes
     * {@code sink}. Until then the file is incomplete.
     */
    public OutputStream encryptingStream(OutputStream sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        byte[] fileKeyBytes = new byte[FileKey.LENGTH];
        byte[] nonce = new byte[Payload.NONCE_LENGTH];
        byte[] payloadKey = null;
        random.nextBytes(fileKeyBytes);
        FileKey fileKey = FileKey.of(fileKeyBytes);
        try {
            List<Stanza> stanzas = new ArrayList<>();
            for (Recipient recipient : recipients) {
                stanzas.addAll(recipient.wrap(fileKey));
            }
            // Plugin recipients learn their labels while wrapping: compare all labels again.
            if (recipients.stream().anyMatch(r -> r instanceof DeferredLabels)
                    && recipients.stream().map(Recipient::labels).distinct().count() > 1) {
                throw new AgeException("recipients of types "
                        + recipients.stream().map(Recipient::typeName).toList()
                        + " cannot share a file: their labels differ once wrapped"
                        + " (e.g. a post-quantum plugin and a classical key)");
            }
            Header header = Header.build(stanzas, fileKeyBytes);
            random.nextBytes(nonce);
            payloadKey = Payload.key(fileKeyBytes, nonce);
            OutputStream out = armor ? new ArmorOutputStream(sink) : sink;
            out.write(header.encoded());
            out.write(nonce);
            return new EncryptingOutputStream(out, new ChunkPipeline(true, aead, payloadKey, parallelism, executor));
        } finally {
            fileKey.destroy();
            Arrays.fill(fileKeyBytes, (byte) 0);
            X25519Identity.zero(payloadKey);
        }
    }

    /** Like {@link #encryptingStream}, over channels. */
    public WritableByteChannel encryptingChannel(WritableByteChannel sink) throws IOException {
        return Channels.newChannel(encryptingStream(Channels.newOutputStream(sink)));
    }

    /** Encrypts a whole plaintext held in memory. */
    public byte[] encrypt(byte[] plaintext) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 1024);
        try (OutputStream encrypting = encryptingStream(out)) {
            encrypting.write(plaintext);
        }
        return out.toByteArray();
    }

    /** Builds an {@link AgeEncryptor}; at least one recipient is required. */
    public static final class Builder {
        private final List<Recipient> recipients = new ArrayList<>();
        private boolean armor;
        private SecureRandom random;
        private ChaChaPoly aead = ChaChaPoly.defaults();
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Executor executor = ForkJoinPool.commonPool();

        Builder() {}

        /** Adds a recipient. */
        public Builder recipient(Recipient recipient) {
            recipients.add(Objects.requireNonNull(recipient, "recipient"));
            return this;
        }

        /** Adds recipients. */
        public Builder recipients(Collection<? extends Recipient> more) {
            more.forEach(this::recipient);
            return this;
        }

        /** Writes ASCII armor (PEM) instead of binary; default false. */
        public Builder armor(boolean armor) {
            this.armor = armor;
            return this;
        }

        /** The source of file keys and nonces; default a new {@link SecureRandom}. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
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

        /** Runs the helper tasks of parallel sealing; default the common fork-join pool. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds the encryptor.
         *
         * @throws IllegalStateException without recipients, or when recipients may not share a file
         *     (a passphrase with anything else; post-quantum with classical keys)
         */
        public AgeEncryptor build() {
            if (recipients.isEmpty()) {
                throw new IllegalStateException("no recipients; expected at least one");
            }
            // Labels a plugin only tells while wrapping are compared then (encryptingStream).
            List<Recipient> known = recipients.stream()
                    .filter(r -> !(r instanceof DeferredLabels deferred) || deferred.labelsKnown())
                    .toList();
            Set<String> labels = known.isEmpty() ? Set.of() : known.get(0).labels();
            for (Recipient recipient : known) {
                if (!recipient.labels().equals(labels)) {
                    boolean passphrase =
                            recipients.stream().anyMatch(r -> r.typeName().equals(Scrypt.TYPE));
                    throw new IllegalStateException(
                            passphrase
                                    ? "a passphrase (scrypt) recipient must be the only recipient of a file"
                                    : "recipients of types "
                                            + recipients.stream()
                                                    .map(Recipient::typeName)
                                                    .toList()
                                            + " cannot share a file (their labels differ, e.g. post-quantum and classical)");
                }
            }
            if (random == null) {
                random = new SecureRandom();
            }
            return new AgeEncryptor(this);
        }
    }
}
