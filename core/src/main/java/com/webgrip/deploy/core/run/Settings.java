package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.deploy.Deployer;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.metrics.MetricSource;
import com.webgrip.deploy.core.policy.FindingSource;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Everything a run needs from its executor; built by {@link PlanExecutor.Builder}. */
record Settings(
        Deployer deployer,
        HealthCheck healthCheck,
        MetricSource metricSource,
        FindingSource findingSource,
        RollbackPolicy defaultPolicy,
        ApprovalGate approvalGate,
        ScheduledExecutorService scheduler,
        Executor blocking,
        Clock clock,
        List<RunListener> listeners,
        Executor listenerExecutor,
        int listenerQueue,
        int maxParallel,
        Duration pollInterval,
        int maxAttempts,
        Duration backoff,
        double backoffMultiplier,
        int breakerWindow,
        int breakerMinimumCalls,
        float breakerFailureRate,
        boolean recoverPending,
        Function<ReleaseRef, Set<Integer>> knownUnhealthy,
        Consumer<RunResult> onFinished,
        Supplier<String> runIds) {}
