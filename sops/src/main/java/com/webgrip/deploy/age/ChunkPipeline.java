package com.webgrip.deploy.age;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals or opens batches of chunks on several threads while the owning thread reads and writes,
 * and hands the batches back in order.
 *
 * <p>The owner (the thread that reads from the decrypting stream or writes to the encrypting one)
 * fills a free slot of a ring and submits it; up to {@code parallelism - 1} helper tasks on the
 * executor claim submitted batches in order and process them. When the owner needs the oldest
 * batch and it is not done, it claims and processes the next unclaimed batch itself, and parks
 * only when every submitted batch is already being processed. So the owner's reading and writing
 * overlap the helpers' work, nothing waits on an executor that is busy or rejects tasks, and
 * memory stays at {@code 2 x parallelism} batches of 256 KiB (allocated as they are first used).
 *
 * <p>Only the owner calls the methods below; helpers touch only the batches they claimed.
 */
final class ChunkPipeline implements AutoCloseable {
    private static final int FREE = 0;
    private static final int SUBMITTED = 1;
    private static final int DONE = 2;

    private final ChunkBatch[] slots;
    private final AtomicIntegerArray states;
    private final RuntimeException[] failures;
    private final int helpers;
    private final Executor executor;

    /** Sequence numbers: batches [consumed, submitted) are in flight; [claimed, submitted) wait for a thread. */
    private long consumed;

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicInteger activeHelpers = new AtomicInteger();
    private volatile boolean closed;
    private volatile Thread owner;

    ChunkPipeline(boolean encrypt, ChaChaPoly aead, byte[] payloadKey, int parallelism, Executor executor) {
        this.helpers = parallelism - 1;
        this.executor = executor;
        int size = parallelism == 1 ? 1 : 2 * parallelism;
        SecretKeySpec key = ChunkCipher.keySpec(payloadKey);
        this.slots = new ChunkBatch[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new ChunkBatch(encrypt, aead, key);
        }
        this.states = new AtomicIntegerArray(size);
        this.failures = new RuntimeException[size];
    }

    /** Whether a slot is free for {@link #nextFree()}. */
    boolean hasFreeSlot() {
        return submitted.get() - consumed < slots.length;
    }

    /** Whether submitted batches have not been taken back with {@link #awaitOldest()} yet. */
    boolean hasInFlight() {
        return consumed < submitted.get();
    }

    /** The free slot to fill next, with its buffers allocated. */
    ChunkBatch nextFree() {
        if (!hasFreeSlot()) {
            throw new IllegalStateException("no free slot");
        }
        ChunkBatch batch = slots[index(submitted.get())];
        batch.allocate();
        return batch;
    }

    /** Submits the batch returned by {@link #nextFree()}, once filled. */
    void submit() {
        int slot = index(submitted.get());
        failures[slot] = null;
        states.set(slot, SUBMITTED);
        long count = submitted.incrementAndGet(); // publishes the batch's contents to helpers
        // A lone final batch has nothing to run beside it: no helper is woken for it.
        if (helpers > 0 && (count - claimed.get() > 1 || !slots[slot].endsPayload)) {
            startHelpers();
        }
    }

    /**
     * The oldest batch in flight, processed. Helps (processes unclaimed batches itself) while it
     * is not done. Give it back with {@link #release()}.
     *
     * @throws RuntimeException what processing the batch threw
     */
    ChunkBatch awaitOldest() {
        int slot = index(consumed);
        owner = Thread.currentThread();
        while (states.get(slot) != DONE) {
            if (!claimAndRun()) {
                // Every submitted batch is being processed; the helper finishing it unparks us.
                LockSupport.park(this);
            }
        }
        if (failures[slot] != null) {
            throw failures[slot];
        }
        return slots[slot];
    }

    /** Frees the oldest batch, taken with {@link #awaitOldest()}. */
    void release() {
        states.set(index(consumed), FREE);
        consumed++;
    }

    /** Claims the next unclaimed batch and processes it on this thread; false when none is left. */
    private boolean claimAndRun() {
        for (long next = claimed.get(); next < submitted.get(); next = claimed.get()) {
            if (claimed.compareAndSet(next, next + 1)) {
                run(index(next));
                return true;
            }
        }
        return false;
    }

    private void run(int slot) {
        try {
            if (!closed) {
                slots[slot].run();
            }
        } catch (RuntimeException | Error e) {
            failures[slot] = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            states.set(slot, DONE);
            Thread waiting = owner;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    private void startHelpers() {
        while (true) {
            int active = activeHelpers.get();
            if (active >= helpers || claimed.get() >= submitted.get()) {
                return;
            }
            if (activeHelpers.compareAndSet(active, active + 1)) {
                try {
                    executor.execute(this::helperLoop);
                } catch (RejectedExecutionException e) {
                    activeHelpers.decrementAndGet();
                    return; // the owner processes what no helper takes
                }
            }
        }
    }

    private void helperLoop() {
        while (true) {
            if (claimAndRun()) {
                continue;
            }
            activeHelpers.decrementAndGet();
            // Work submitted while this helper was leaving found it still counted: look once more.
            int active = activeHelpers.get();
            if (closed
                    || claimed.get() >= submitted.get()
                    || active >= helpers
                    || !activeHelpers.compareAndSet(active, active + 1)) {
                return;
            }
        }
    }

    /**
     * Stops the helpers, waits for the batches they are processing, and zeroes the plaintext
     * buffers. The key spec is left to the garbage collector (the JDK's cannot be zeroed).
     */
    @Override
    public void close() {
        closed = true;
        owner = Thread.currentThread();
        while (claimAndRun()) {
            // batches nobody started are marked done without being processed
        }
        for (long sequence = consumed; sequence < submitted.get(); sequence++) {
            int slot = index(sequence);
            while (states.get(slot) != DONE) {
                LockSupport.park(this);
            }
        }
        for (ChunkBatch batch : slots) {
            batch.wipe();
        }
    }

    private int index(long sequence) {
        return (int) (sequence % slots.length);
    }
}
