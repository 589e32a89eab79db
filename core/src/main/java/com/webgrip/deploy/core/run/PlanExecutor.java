package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.deploy.Deployer;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.journal.JournalException;
import com.webgrip.deploy.core.journal.JournalReplay;
import com.webgrip.deploy.core.journal.ReplayedRun;
import com.webgrip.deploy.core.metrics.MetricException;
import com.webgrip.deploy.core.metrics.MetricSource;
import com.webgrip.deploy.core.policy.FindingSource;
import com.webgrip.deploy.core.policy.Policies;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs deployment plans: waves in order, the steps of a wave side by side up to a limit, each deployed through a
 * {@link Deployer}, watched through a {@link HealthCheck} and judged by a {@link RollbackPolicy}, with retries and
 * backoff, a timeout per step and a circuit breaker over the run. Every decision and state change is journaled
 * before it is acted on, so a crashed run can be resumed or rolled back.
 *
 * <p>All waits (polls, backoff, timeouts) are scheduled on the injected {@link ScheduledExecutorService} and read
 * the injected {@link Clock}; with the testkit's virtual time a run of a thousand steps takes milliseconds. Blocking
 * calls (the deployer, health checks, metric and finding sources) never run on the scheduler: they run on the
 * blocking executor, by default a bounded pool of daemon threads, so a slow {@code helm upgrade} cannot hold up
 * the timers that would time it out. Executors the builder created are shut down by {@link #close()}.
 *
 * <pre>{@code
 * try (PlanExecutor executor = PlanExecutor.builder(deployer, healthCheck)
 *         .defaultPolicy(Policies.standard())
 *         .listener(new ProgressView(System.out, false))
 *         .build()) {
 *     RunResult result = executor.start(plan, JsonLinesJournal.at(path)).result().toCompletableFuture().join();
 * }
 * }</pre>
 */
public final class PlanExecutor implements AutoCloseable {

    /** Blocking calls beyond the steps' own: health, metric and finding reads of steps being watched. */
    private static final int EXTRA_BLOCKING_THREADS = 2;

    /** Blocking calls that may wait for a thread of the default pool; more are refused (the step fails). */
    private static final int BLOCKING_QUEUE = 1024;

    private static final Duration IDLE_THREAD_LIFETIME = Duration.ofSeconds(30);

    /** Events that may wait for slow listeners before health observations are dropped. */
    private static final int LISTENER_QUEUE = 1024;

    private final Settings settings;
    private final List<ExecutorService> owned;

    private PlanExecutor(Settings settings, List<ExecutorService> owned) {
        this.settings = settings;
        this.owned = owned;
    }

    /**
     * Shuts down the scheduler and blocking pool that this executor created itself (never injected ones). Calls in
     * progress finish; waits not yet due are dropped, so close only once the runs have ended.
     */
    @Override
    public void close() {
        for (ExecutorService executor : owned) {
            executor.shutdown();
        }
    }

    /**
     * A builder.
     *
     * @param deployer what changes releases
     * @param healthCheck what reads their health
     * @return the builder
     */
    public static Builder builder(Deployer deployer, HealthCheck healthCheck) {
        return new Builder(deployer, healthCheck);
    }

    /**
     * Starts a run.
     *
     * @param plan the plan
     * @param journal where to record every decision and state change first
     * @return the run in progress
     */
    public RunHandle start(RunPlan plan, Journal journal) {
        return new Run(settings, Objects.requireNonNull(plan, "plan required"), journal, false, null, false).start();
    }

    /**
     * Starts a dry run: values are resolved (secrets decrypted in memory), the deployer is asked with its dry-run
     * flag, nothing is changed or journaled, and every step ends Skipped with what it would have done.
     *
     * @param plan the plan
     * @return the run in progress
     */
    public RunHandle dryRun(RunPlan plan) {
        return new Run(settings, Objects.requireNonNull(plan, "plan required"), Journal.NONE, true, null, false)
                .start();
    }

    /**
     * Resumes a run that did not finish, from its journal.
     *
     * @param plan the same plan the run started with
     * @param journal the run's journal
     * @param mode continue the run, or roll back what it changed
     * @return the resumed run
     * @throws JournalException when the journal cannot be read, belongs to a finished run, lists other steps
     *     than the plan, or a plan whose content digest changed (charts, values, secret files)
     */
    public RunHandle resume(RunPlan plan, Journal journal, ResumeMode mode) throws JournalException {
        ReplayedRun replayed = JournalReplay.replay(journal.entries());
        if (replayed.finished()) {
            throw new JournalException("run " + replayed.runId() + " already finished with "
                    + replayed.outcome().orElseThrow() + "; there is nothing to resume");
        }
        if (!replayed.steps().equals(plan.describeSteps())) {
            throw new JournalException("run " + replayed.runId() + " started with the steps " + replayed.steps()
                    + " but the plan now has " + plan.describeSteps() + "; resume with the plan it started with");
        }
        String digest = PlanDigest.of(plan);
        if (!replayed.planDigest().isEmpty() && !replayed.planDigest().equals(digest)) {
            throw new JournalException("run " + replayed.runId() + " started with the plan " + replayed.planDigest()
                    + " but the plan now is " + digest + " (charts, values or secret files changed); resume with"
                    + " the plan it started with, or start a new run, which asks for approval again");
        }
        return new Run(settings, plan, journal, false, replayed, mode == ResumeMode.ROLL_BACK).start();
    }

    /** Builds a {@link PlanExecutor}. */
    public static final class Builder {
        private final Deployer deployer;
        private final HealthCheck healthCheck;
        private MetricSource metricSource = (query, at) -> {
            throw new MetricException("no metric source is configured; cannot read " + query.name());
        };
        private FindingSource findingSource = FindingSource.NONE;
        private RollbackPolicy defaultPolicy = Policies.standard();
        private ApprovalGate approvalGate = ApprovalGate.NOBODY;
        private ScheduledExecutorService scheduler;
        private Executor blocking;
        private Clock clock = Clock.systemUTC();
        private final List<RunListener> listeners = new ArrayList<>();
        private Executor listenerExecutor;
        private int listenerQueue = LISTENER_QUEUE;
        private int maxParallel = 4;
        private Duration pollInterval = Duration.ofSeconds(5);
        private int maxAttempts = 3;
        private Duration backoff = Duration.ofSeconds(10);
        private double backoffMultiplier = 2.0;
        private int breakerWindow = 10;
        private int breakerMinimumCalls = 5;
        private float breakerFailureRate = 50f;
        private boolean recoverPending;
        private Function<ReleaseRef, Set<Integer>> knownUnhealthy = release -> Set.of();
        private Consumer<RunResult> onFinished = result -> {};
        private Supplier<String> runIds;

        private Builder(Deployer deployer, HealthCheck healthCheck) {
            this.deployer = Objects.requireNonNull(deployer, "deployer required");
            this.healthCheck = Objects.requireNonNull(healthCheck, "healthCheck required");
        }

        /**
         * Sets where metric policies read their numbers.
         *
         * @param source where metric policies read their numbers
         * @return this builder
         */
        public Builder metricSource(MetricSource source) {
            this.metricSource = Objects.requireNonNull(source, "metricSource required");
            return this;
        }

        /**
         * Sets where security findings come from.
         *
         * @param source where security findings come from
         * @return this builder
         */
        public Builder findingSource(FindingSource source) {
            this.findingSource = Objects.requireNonNull(source, "findingSource required");
            return this;
        }

        /**
         * Sets the rollback policy of steps that have none.
         *
         * @param policy the policy of steps that have none (default {@link Policies#standard()})
         * @return this builder
         */
        public Builder defaultPolicy(RollbackPolicy policy) {
            this.defaultPolicy = Objects.requireNonNull(policy, "policy required");
            return this;
        }

        /**
         * Sets who approves runs that need a yes.
         *
         * @param gate who approves runs that need a yes (default: nobody, so they are refused)
         * @return this builder
         */
        public Builder approvalGate(ApprovalGate gate) {
            this.approvalGate = Objects.requireNonNull(gate, "gate required");
            return this;
        }

        /**
         * Sets the scheduler of every wait.
         *
         * @param executor the scheduler for every wait (default: one daemon thread, shut down by
         *     {@link PlanExecutor#close()}); it must not run blocking calls
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService executor) {
            this.scheduler = Objects.requireNonNull(executor, "scheduler required");
            return this;
        }

        /**
         * Sets where blocking deployer and health calls run.
         *
         * @param executor where blocking deployer, health, metric and finding calls run (default: a bounded pool
         *     of {@code maxParallel + 2} daemon threads, shut down by {@link PlanExecutor#close()}); give a
         *     direct executor only with a virtual-time scheduler, whose calls never block
         * @return this builder
         */
        public Builder blockingExecutor(Executor executor) {
            this.blocking = Objects.requireNonNull(executor, "executor required");
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param time the clock (default: the system's, UTC)
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "clock required");
            return this;
        }

        /**
         * Adds a listener to the events of every run.
         *
         * @param listener receives every event of every run
         * @return this builder
         */
        public Builder listener(RunListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener required"));
            return this;
        }

        /**
         * Sets where listeners receive events. Whatever the executor, a run's events reach its listeners one at a
         * time, in order, and never under the run's lock.
         *
         * @param executor runs each run's event delivery (default: one daemon thread per run, ended when the run
         *     ends); a direct executor ({@code Runnable::run}) delivers on the run's own threads, which a test on
         *     virtual time may want and a listener that writes to a pipe must not have
         * @return this builder
         */
        public Builder listenerExecutor(Executor executor) {
            this.listenerExecutor = Objects.requireNonNull(executor, "listenerExecutor required");
            return this;
        }

        /**
         * Sets how many events may wait for slow listeners. When that many wait, health observations are dropped
         * (counted, and logged once); every other event is kept. A run's result completes only once its listeners
         * took every kept event, or after
         * at most 30 s of waiting for them, with a warning.
         *
         * @param capacity events that may wait (default 1024)
         * @return this builder
         */
        public Builder listenerQueue(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("listenerQueue is 1 or more, found " + capacity);
            }
            this.listenerQueue = capacity;
            return this;
        }

        /**
         * Sets how many steps of a wave run side by side at most.
         *
         * @param steps how many steps of a wave run side by side (default 4)
         * @return this builder
         */
        public Builder maxParallel(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("maxParallel is 1 or more, found " + steps);
            }
            this.maxParallel = steps;
            return this;
        }

        /**
         * Sets the time between health observations.
         *
         * @param interval the time between health observations (default 5 s)
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        /**
         * Retries of a step (transient deployer errors, or a policy's Retry), with exponential backoff.
         *
         * @param attempts the most attempts per step, 1 for none (default 3)
         * @param firstBackoff the wait before the second attempt (default 10 s)
         * @param multiplier the factor between waits (default 2)
         * @return this builder
         */
        public Builder retries(int attempts, Duration firstBackoff, double multiplier) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts is 1 or more, found " + attempts);
            }
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("a backoff multiplier is 1 or more, found " + multiplier);
            }
            this.maxAttempts = attempts;
            this.backoff = positive(firstBackoff, "firstBackoff");
            this.backoffMultiplier = multiplier;
            return this;
        }

        /**
         * The circuit breaker over a run's deploy attempts: once the failure rate of the last {@code window}
         * attempts (with at least {@code minimumCalls}) reaches {@code failureRatePercent}, no further attempt
         * starts and the remaining steps are skipped.
         *
         * @param window attempts in the sliding window (default 10)
         * @param minimumCalls attempts before the rate counts (default 5)
         * @param failureRatePercent the failure rate that opens it (default 50)
         * @return this builder
         */
        public Builder circuitBreaker(int window, int minimumCalls, float failureRatePercent) {
            if (window < 1 || minimumCalls < 1 || !(failureRatePercent > 0 && failureRatePercent <= 100)) {
                throw new IllegalArgumentException("a circuit breaker needs a window and minimum calls of 1 or more"
                        + " and a failure rate in (0, 100], found " + window + ", " + minimumCalls + ", "
                        + failureRatePercent);
            }
            this.breakerWindow = window;
            this.breakerMinimumCalls = minimumCalls;
            this.breakerFailureRate = failureRatePercent;
            return this;
        }

        /**
         * Sets which revisions are known to be unhealthy.
         *
         * @param unhealthy the revisions of a release known to be unhealthy, never rollback targets (such as those a
         *     deployment history recorded as failed)
         * @return this builder
         */
        public Builder knownUnhealthy(Function<ReleaseRef, Set<Integer>> unhealthy) {
            this.knownUnhealthy = Objects.requireNonNull(unhealthy, "knownUnhealthy required");
            return this;
        }

        /**
         * Sets what receives each finished run.
         *
         * @param consumer receives each finished run (not dry runs), such as a deployment history's recorder
         * @return this builder
         */
        public Builder onFinished(Consumer<RunResult> consumer) {
            this.onFinished = Objects.requireNonNull(consumer, "onFinished required");
            return this;
        }

        /**
         * Sets how new runs get their identifiers.
         *
         * @param ids gives each new run its identifier (default: UTC time and 6 random hex digits)
         * @return this builder
         */
        public Builder runIds(Supplier<String> ids) {
            this.runIds = Objects.requireNonNull(ids, "runIds required");
            return this;
        }

        /**
         * Builds the executor.
         *
         * @return the executor
         */
        public PlanExecutor build() {
            List<ExecutorService> owned = new ArrayList<>(2);
            ScheduledExecutorService timers = scheduler;
            if (timers == null) {
                timers = daemonScheduler();
                owned.add(timers);
            }
            Executor calls = blocking;
            if (calls == null) {
                ExecutorService pool = blockingPool(maxParallel + EXTRA_BLOCKING_THREADS);
                owned.add(pool);
                calls = pool;
            }
            Clock time = clock;
            Supplier<String> ids = runIds != null ? runIds : () -> defaultRunId(time);
            return new PlanExecutor(
                    new Settings(
                            deployer,
                            healthCheck,
                            metricSource,
                            findingSource,
                            defaultPolicy,
                            approvalGate,
                            timers,
                            calls,
                            time,
                            List.copyOf(listeners),
                            listenerExecutor,
                            listenerQueue,
                            maxParallel,
                            pollInterval,
                            maxAttempts,
                            backoff,
                            backoffMultiplier,
                            breakerWindow,
                            breakerMinimumCalls,
                            breakerFailureRate,
                            recoverPending,
                            knownUnhealthy,
                            onFinished,
                            ids),
                    List.copyOf(owned));
        }

        private static ScheduledExecutorService daemonScheduler() {
            ScheduledThreadPoolExecutor executor =
                    new ScheduledThreadPoolExecutor(1, daemonThreads("webgrip-deploy-timer-"));
            executor.setRemoveOnCancelPolicy(true);
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            // An idle timer thread ends, so an executor that is never closed does not keep a thread for good.
            executor.setKeepAliveTime(IDLE_THREAD_LIFETIME.toSeconds(), TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }

        private static ExecutorService blockingPool(int threads) {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(
                    threads,
                    threads,
                    IDLE_THREAD_LIFETIME.toSeconds(),
                    TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(BLOCKING_QUEUE),
                    daemonThreads("webgrip-deploy-call-"));
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }

        private static ThreadFactory daemonThreads(String prefix) {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }

        private static String defaultRunId(Clock clock) {
            byte[] random = new byte[3];
            new SecureRandom().nextBytes(random);
            return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                            .withZone(ZoneOffset.UTC)
                            .format(clock.instant())
                    + "-" + HexFormat.of().formatHex(random);
        }

        private static Duration positive(Duration duration, String what) {
            Objects.requireNonNull(duration, what + " required");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, found " + duration);
            }
            return duration;
        }
    }
}
