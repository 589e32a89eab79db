package com.webgrip.deploy.core.run;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one run's events to its listeners away from the run's lock and threads: the run enqueues each event (after
 * journaling it) and returns at once; one delivery task at a time, on the given executor, gives every event to every
 * listener in listener order before it takes the next event. A listener writing to a blocked pipe therefore holds up
 * only the listeners, never a step, a timer or the journal.
 *
 * <p>When the queue is full, a {@link RunEvent.HealthObserved} is dropped and counted, with one warning in the log:
 * they are the one event that comes on a timer for as long as a release is watched, and the next observation
 * supersedes them. Every other event (a run's start and end, waves, steps, decisions, rollbacks) is kept even beyond
 * the capacity: there are a bounded number of them per step and attempt, and a listener that misses a step's end or
 * the run's end would show a wrong picture or send no notification. The journal, not a listener, is the run's
 * durable record.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    /** A dispatcher for a run without listeners: it takes nothing and has nothing to wait for. */
    static final EventDispatcher NONE = new EventDispatcher("", List.of(), Runnable::run, 1);

    private final String runId;
    private final List<RunListener> listeners;
    private final Executor executor;
    private final int capacity;
    /** The run's own delivery thread, shut down by {@link #close}; null when the executor was injected. */
    private final ExecutorService owned;

    private final Object lock = new Object();
    // Guarded by lock.
    private final ArrayDeque<RunEvent> queue = new ArrayDeque<>();
    private boolean delivering;
    private long dropped;
    private Thread deliveryThread;

    /**
     * A dispatcher.
     *
     * @param runId the run, for log lines
     * @param listeners the listeners, in the order each event reaches them
     * @param executor runs the delivery task; a direct executor delivers on the run's thread, as a synchronous
     *     listener would
     * @param capacity how many events may wait before health observations are dropped
     */
    EventDispatcher(String runId, List<RunListener> listeners, Executor executor, int capacity) {
        this(runId, listeners, executor, capacity, null);
    }

    private EventDispatcher(
            String runId, List<RunListener> listeners, Executor executor, int capacity, ExecutorService owned) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an event queue holds 1 event or more, found " + capacity);
        }
        this.runId = runId;
        this.listeners = List.copyOf(listeners);
        this.executor = executor;
        this.capacity = capacity;
        this.owned = owned;
    }

    /**
     * The dispatcher of one run: on the injected executor, else on a daemon thread of its own that {@link #close}
     * ends.
     */
    static EventDispatcher forRun(String runId, List<RunListener> listeners, Executor injected, int capacity) {
        if (listeners.isEmpty()) {
            return NONE;
        }
        if (injected != null) {
            return new EventDispatcher(runId, listeners, injected, capacity);
        }
        ThreadPoolExecutor thread =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "webgrip-deploy-events-" + runId);
                    t.setDaemon(true);
                    return t;
                });
        return new EventDispatcher(runId, listeners, thread, capacity, thread);
    }

    /**
     * Waits (at most {@code timeout}) until every queued event has been delivered, logs what could not be, and ends
     * the run's own delivery thread once it is idle.
     */
    void close(Duration timeout) {
        if (listeners.isEmpty()) {
            return;
        }
        if (!awaitDelivered(timeout)) {
            LOG.warn(
                    "run {}: the run's listeners did not take its last events within {}; the run ends without"
                            + " waiting for them",
                    runId,
                    timeout);
        }
        long lost = dropped();
        if (lost > 0) {
            LOG.warn("run {}: {} health observations were dropped because the listeners fell behind", runId, lost);
        }
        if (owned != null) {
            owned.shutdown();
        }
    }

    /** Queues an event for every listener; never blocks. */
    void dispatch(RunEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        boolean startDelivery;
        synchronized (lock) {
            if (queue.size() >= capacity && event instanceof RunEvent.HealthObserved) {
                dropped++;
                if (dropped == 1) {
                    LOG.warn(
                            "run {}: the run's listeners fall behind ({} events waiting): health observations are"
                                    + " dropped until they catch up",
                            runId,
                            queue.size());
                }
                return;
            }
            queue.add(event);
            startDelivery = !delivering;
            delivering = true;
        }
        if (startDelivery) {
            startDelivery();
        }
    }

    /**
     * Waits until every queued event has been delivered, at most {@code timeout}.
     *
     * @return true when the queue is empty and no delivery runs; false on timeout, on interruption, or when called
     *     from a listener (which would wait for itself)
     */
    boolean awaitDelivered(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (delivering) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || Thread.currentThread() == deliveryThread) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** How many health observations were dropped because the queue was full. */
    long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }

    private void startDelivery() {
        try {
            executor.execute(this::deliverAll);
        } catch (RejectedExecutionException e) {
            int lost;
            synchronized (lock) {
                lost = queue.size();
                queue.clear();
                delivering = false;
                lock.notifyAll();
            }
            LOG.warn("run {}: the listener executor refused the delivery of {} events: {}", runId, lost, e.toString());
        }
    }

    private void deliverAll() {
        boolean drained = false;
        try {
            drained = deliverUntilEmpty();
        } finally {
            if (!drained) {
                // An Error escaped a listener: this task ends, and a fresh one carries on with the next event.
                synchronized (lock) {
                    deliveryThread = null;
                }
                startDelivery();
            }
        }
    }

    private boolean deliverUntilEmpty() {
        while (true) {
            RunEvent event;
            synchronized (lock) {
                event = queue.poll();
                if (event == null) {
                    delivering = false;
                    deliveryThread = null;
                    lock.notifyAll();
                    return true;
                }
                deliveryThread = Thread.currentThread();
            }
            for (RunListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("run {}: listener {} failed on {}: {}", runId, listener, event.kind(), e.toString());
                }
            }
        }
    }
}
