package com.webgrip.deploy.age;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Cipher;

/**
 * Seals or opens a batch of STREAM chunks, several at once: chunks are independent, so the
 * calling thread and up to {@code parallelism - 1} tasks on the executor take chunks from the
 * batch until none is left. Memory is the batch's buffers, allocated once.
 */
final class ChunkCrypter implements AutoCloseable {
    private final byte[] key;
    private final boolean encrypt;
    private final int parallelism;
    private final Executor executor;
    private final Cipher[] ciphers;
    private final byte[][] nonces;

    final byte[][] input;
    final int[] inputLength;
    final byte[][] output;
    /** Bytes written per chunk; -1 when the chunk did not authenticate. */
    final int[] outputLength;

    final long[] counters;
    final boolean[] last;

    ChunkCrypter(ChaChaPoly aead, byte[] key, boolean encrypt, int parallelism, Executor executor) {
        this.key = key.clone();
        this.encrypt = encrypt;
        this.parallelism = parallelism;
        this.executor = executor;
        int batch = batchSize(parallelism);
        this.ciphers = new Cipher[batch];
        this.nonces = new byte[batch][ChaChaPoly.NONCE_LENGTH];
        this.input = new byte[batch][encrypt ? Payload.CHUNK_SIZE : Payload.ENCRYPTED_CHUNK_SIZE];
        this.output = new byte[batch][encrypt ? Payload.ENCRYPTED_CHUNK_SIZE : Payload.CHUNK_SIZE];
        this.inputLength = new int[batch];
        this.outputLength = new int[batch];
        this.counters = new long[batch];
        this.last = new boolean[batch];
        for (int i = 0; i < batch; i++) {
            ciphers[i] = aead.newCipher();
        }
    }

    /** Four chunks per thread keep every thread busy while bounding memory to ~0.5 MiB per thread. */
    static int batchSize(int parallelism) {
        return Math.min(64, Math.max(1, parallelism * 4));
    }

    int capacity() {
        return input.length;
    }

    /** Processes chunks {@code [0, count)}; afterwards each outputLength is set. */
    void process(int count) {
        if (parallelism <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                processOne(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    processOne(i);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(parallelism, count) - 1;
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                break; // the calling thread does the rest
            }
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chunks were being processed", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Opens chunk {@code i} again with the other last-chunk flag; true when that authenticates. */
    boolean reopenWithOtherFlag(int i) {
        last[i] = !last[i];
        Payload.chunkNonce(nonces[i], counters[i], last[i]);
        try {
            outputLength[i] = ChaChaPoly.open(ciphers[i], key, nonces[i], input[i], 0, inputLength[i], output[i], 0);
            return outputLength[i] >= 0;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ChaChaPoly.TRANSFORMATION + " failed", e);
        }
    }

    private void processOne(int i) {
        Payload.chunkNonce(nonces[i], counters[i], last[i]);
        try {
            if (encrypt) {
                outputLength[i] =
                        ChaChaPoly.seal(ciphers[i], key, nonces[i], input[i], 0, inputLength[i], output[i], 0);
            } else if (inputLength[i] < ChaChaPoly.TAG_LENGTH) {
                outputLength[i] = -1;
            } else {
                outputLength[i] =
                        ChaChaPoly.open(ciphers[i], key, nonces[i], input[i], 0, inputLength[i], output[i], 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ChaChaPoly.TRANSFORMATION + " failed", e);
        }
    }

    /** Zeroes the key and the plaintext buffers. */
    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        for (byte[] buffer : encrypt ? input : output) {
            Arrays.fill(buffer, (byte) 0);
        }
    }
}
