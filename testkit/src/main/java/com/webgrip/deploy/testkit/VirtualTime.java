package com.webgrip.deploy.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A clock and a scheduler that only move when the test moves them: nothing sleeps, and a run that would take an
 * hour of waiting takes milliseconds. Tasks run on the calling thread, in time order (ties in submission order), when
 * the test calls {@link #runUntilIdle()}, {@link #advance(Duration)} or {@link #runUntilDone(CompletionStage)}.
 */
public final class VirtualTime extends AbstractExecutorService implements ScheduledExecutorService {

    /** How far {@link #runUntilDone} lets time run before it decides the run hangs. */
    private static final Duration DEFAULT_HORIZON = Duration.ofDays(7);

    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long sequence;
    private Instant now;
    private boolean shutdown;
    private long tasksRun;

    private VirtualTime(Instant start) {
        this.now = Objects.requireNonNull(start, "start required");
    }

    /**
     * Virtual time starting at the given instant.
     *
     * @param start the first instant
     * @return the virtual time
     */
    public static VirtualTime startingAt(Instant start) {
        return new VirtualTime(start);
    }

    /**
     * Virtual time starting at 2024-01-01T00:00:00Z.
     *
     * @return the virtual time
     */
    public static VirtualTime create() {
        return startingAt(Instant.parse("2024-01-01T00:00:00Z"));
    }

    /**
     * The current virtual instant.
     *
     * @return now
     */
    public synchronized Instant now() {
        return now;
    }

    /**
     * A clock that reads the virtual time, in UTC.
     *
     * @return the clock
     */
    public Clock clock() {
        return new VirtualClock(this, ZoneOffset.UTC);
    }

    /**
     * How many tasks have run so far.
     *
     * @return the count
     */
    public synchronized long tasksRun() {
        return tasksRun;
    }

    /**
     * How many tasks wait to run.
     *
     * @return the count
     */
    public synchronized int pending() {
        return queue.size();
    }

    /**
     * Runs every task that is due now or later, moving the clock to each task's time, until none is left.
     *
     * @throws IllegalStateException when tasks keep coming past a week of virtual time
     */
    public void runUntilIdle() {
        Instant horizon = now().plus(DEFAULT_HORIZON);
        while (runNext(horizon, true)) {
            // keep going
        }
    }

    /**
     * Moves the clock forward by the given duration, running every task due on the way.
     *
     * @param duration how far
     */
    public void advance(Duration duration) {
        Instant target = now().plus(duration);
        while (runNext(target, false)) {
            // keep going
        }
        synchronized (this) {
            if (now.isBefore(target)) {
                now = target;
            }
        }
    }

    /**
     * Runs tasks until the stage completes and returns its value.
     *
     * @param stage a stage that the tasks complete, such as a run's result
     * @param <T> the value's type
     * @return the value
     * @throws IllegalStateException when no task is left but the stage is not complete (the run hangs), or time
     *     passes a week without completing it
     */
    public <T> T runUntilDone(CompletionStage<T> stage) {
        var future = stage.toCompletableFuture();
        Instant horizon = now().plus(DEFAULT_HORIZON);
        while (!future.isDone()) {
            if (!runNext(horizon, true)) {
                throw new IllegalStateException("nothing is left to run at " + now()
                        + " but the stage is not complete: it waits on something that virtual time does not drive");
            }
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the stage failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Forgets every task waiting to run, as if the process had died: a crash test calls it after a simulated
     * crash, before resuming with a new executor.
     */
    public synchronized void discardPending() {
        queue.clear();
    }

    private boolean runNext(Instant limit, boolean beyondIsAnError) {
        Task<?> task;
        synchronized (this) {
            task = queue.peek();
            if (task == null) {
                return false;
            }
            if (task.time.isAfter(limit)) {
                if (!beyondIsAnError) {
                    return false;
                }
                throw new IllegalStateException("tasks are still due after " + limit + "; something reschedules"
                        + " itself forever (next at " + task.time + ")");
            }
            queue.poll();
            if (task.time.isAfter(now)) {
                now = task.time;
            }
            tasksRun++;
        }
        task.runTask();
        return true;
    }

    private synchronized <T> Task<T> enqueue(Task<T> task) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("virtual time was shut down");
        }
        queue.add(task);
        return task;
    }

    @Override
    public void execute(Runnable command) {
        var unused = schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(java.util.concurrent.Executors.callable(command, null), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Duration wait = Duration.ofNanos(Math.max(0, unit.toNanos(delay)));
        synchronized (this) {
            return enqueue(new Task<>(callable, now.plus(wait), sequence++, null));
        }
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return repeating(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return repeating(command, initialDelay, delay, unit);
    }

    private ScheduledFuture<?> repeating(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("a period must be positive, found " + period);
        }
        Duration every = Duration.ofNanos(unit.toNanos(period));
        synchronized (this) {
            return enqueue(new Task<>(
                    java.util.concurrent.Executors.callable(command, null),
                    now.plus(Duration.ofNanos(Math.max(0, unit.toNanos(initialDelay)))),
                    sequence++,
                    every));
        }
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    /** A task due at a virtual instant. */
    private final class Task<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
        private Instant time;
        private final long order;
        private final Duration period;

        Task(Callable<V> callable, Instant time, long order, Duration period) {
            super(callable);
            this.time = time;
            this.order = order;
            this.period = period;
        }

        void runTask() {
            if (period == null) {
                run();
            } else if (runAndReset() && !isCancelled()) {
                synchronized (VirtualTime.this) {
                    time = time.plus(period);
                    if (!shutdown) {
                        queue.add(this);
                    }
                }
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            synchronized (VirtualTime.this) {
                queue.remove(this);
            }
            return cancelled;
        }

        @Override
        public boolean isPeriodic() {
            return period != null;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now(), time).toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof Task) {
                Task<?> task = (Task<?>) other;
                int byTime = time.compareTo(task.time);
                return byTime != 0 ? byTime : Long.compare(order, task.order);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(order);
        }
    }

    /** A clock over virtual time. */
    private static final class VirtualClock extends Clock {
        private final VirtualTime time;
        private final ZoneId zone;

        VirtualClock(VirtualTime time, ZoneId zone) {
            this.time = time;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new VirtualClock(time, other);
        }

        @Override
        public Instant instant() {
            return time.now();
        }
    }
}
