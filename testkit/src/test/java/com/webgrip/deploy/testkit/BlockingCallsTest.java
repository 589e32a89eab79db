package com.webgrip.deploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.deploy.DeployException;
import com.webgrip.deploy.core.deploy.DeployRequest;
import com.webgrip.deploy.core.deploy.Deployer;
import com.webgrip.deploy.core.deploy.ReleaseRef;
import com.webgrip.deploy.core.health.HealthCheck;
import com.webgrip.deploy.core.journal.Journal;
import com.webgrip.deploy.core.run.PlanExecutor;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.core.run.RunResult;
import com.webgrip.deploy.core.run.RunStep;
import com.webgrip.deploy.helm.release.Release;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The executor's own threads, in real time: a deploy call that blocks must not hold up the rest of the run, and
 * {@link PlanExecutor#close()} ends the threads the executor created.
 */
class BlockingCallsTest {

    /** Far longer than any of these runs takes; reaching it means the run is stuck. */
    private static final long STUCK_SECONDS = 30;

    @Test
    void aBlockedDeployCallDoesNotHoldUpTheOtherStepsOfItsWave() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherDeployStarted = new CountDownLatch(1);
        Set<String> deployThreads = ConcurrentHashMap.newKeySet();
        Deployer deployer = new FailingDeployer(deployThreads) {
            @Override
            public Release upgradeOrInstall(DeployRequest request) throws DeployException {
                deployThreads.add(Thread.currentThread().getName());
                if (request.release().name().equals("blocked")) {
                    await(release);
                } else {
                    otherDeployStarted.countDown();
                }
                return super.upgradeOrInstall(request);
            }
        };
        try (PlanExecutor executor = PlanExecutor.builder(deployer, NOT_CALLED)
                .retries(1, Duration.ofMillis(1), 1)
                .build()) {
            var handle = executor.start(oneWave("010-blocked", "020-other"), Journal.NONE);
            try {
                assertThat(otherDeployStarted.await(STUCK_SECONDS, TimeUnit.SECONDS))
                        .as("the second step's deploy started while the first one's call was blocked")
                        .isTrue();
            } finally {
                release.countDown();
            }
            RunResult result = handle.result().toCompletableFuture().get(STUCK_SECONDS, TimeUnit.SECONDS);
            assertThat(result.steps()).hasSize(2);
        }
        assertThat(deployThreads).allSatisfy(name -> assertThat(name).startsWith("webgrip-deploy-call-"));
    }

    @Test
    void closingEndsTheThreadsTheExecutorCreated() throws Exception {
        Set<String> deployThreads = ConcurrentHashMap.newKeySet();
        PlanExecutor executor = PlanExecutor.builder(new FailingDeployer(deployThreads), NOT_CALLED)
                .retries(1, Duration.ofMillis(1), 1)
                .build();
        executor.start(oneWave("010-a", "020-b"), Journal.NONE)
                .result()
                .toCompletableFuture()
                .get(STUCK_SECONDS, TimeUnit.SECONDS);
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("webgrip-deploy-") && t.isAlive())
                .toList();
        assertThat(started).isNotEmpty();

        executor.close();

        for (Thread thread : started) {
            thread.join(TimeUnit.SECONDS.toMillis(STUCK_SECONDS));
        }
        assertThat(started).noneMatch(Thread::isAlive);
    }

    private static RunPlan oneWave(String... charts) {
        return RunPlan.of(
                "staging",
                List.of(java.util.Arrays.stream(charts)
                        .map(chart ->
                                RunStep.of(chart, chart.substring(4), "ns").withValues(() -> Map.of()))
                        .toList()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(STUCK_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the deploy call");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HealthCheck NOT_CALLED = target -> {
        throw new AssertionError("no release was deployed, so none is watched");
    };

    /** A deployer whose releases do not exist and whose deploys are rejected, so every step ends quickly. */
    private static class FailingDeployer implements Deployer {
        private final Set<String> threads;

        FailingDeployer(Set<String> threads) {
            this.threads = threads;
        }

        @Override
        public Release upgradeOrInstall(DeployRequest request) throws DeployException {
            threads.add(Thread.currentThread().getName());
            throw new DeployException(DeployException.Kind.REJECTED, "rejected by the test");
        }

        @Override
        public Release rollback(ReleaseRef release, int toRevision, Duration timeout) throws DeployException {
            throw new DeployException(DeployException.Kind.REJECTED, "nothing to roll back");
        }

        @Override
        public List<Release> history(ReleaseRef release) {
            return List.of();
        }

        @Override
        public void uninstall(ReleaseRef release, Duration timeout) {}
    }
}
