package com.webgrip.deploy.core.run;

import static com.webgrip.deploy.core.run.RealTimeCluster.STUCK_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.health.HealthReport;
import com.webgrip.deploy.core.health.ResourceHealth;
import com.webgrip.deploy.core.health.ResourceRef;
import com.webgrip.deploy.core.journal.EntryType;
import com.webgrip.deploy.core.journal.JournalEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Listeners take a run's events on a thread of their own: a blocked listener stalls no step or timer, events keep
 * their order, a throwing listener is isolated, and every event is delivered by the time the result completes. Real
 * threads and a 1 ms poll interval; every wait is bounded by {@link RealTimeCluster#STUCK_SECONDS}.
 */
class ListenerDispatchTest {

    private static final RealTimeCluster HEALTHY = new RealTimeCluster(
            target -> HealthReport.of(ResourceHealth.current(ResourceRef.of("Deployment", "ns", target.release()))));

    @Test
    void aBlockedListenerHoldsUpNeitherTheStepsNorTheTimersOfTheRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondWaveWatched = new CountDownLatch(1);
        AtomicBoolean listenerReturned = new AtomicBoolean();
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        RunListener blocking = event -> {
            seen.add(event);
            if (event instanceof RunEvent.HealthObserved observed
                    && observed.chart().equals("010-a")) {
                // Like a progress view writing to a pipe nobody reads.
                RealTimeCluster.await(release);
                listenerReturned.set(true);
            }
        };
        RealTimeCluster cluster = new RealTimeCluster(target -> {
            if (target.release().equals("b")) {
                secondWaveWatched.countDown();
            }
            return HEALTHY.check(target);
        });
        PlanExecutor executor = cluster.executor().listener(blocking).build();

        var handle = executor.start(RealTimeCluster.plan(List.of(List.of("010-a"), List.of("020-b"))), journal());
        try {
            // Reaching the second wave's health check takes the first step's decision and two poll timers.
            assertThat(secondWaveWatched.await(STUCK_SECONDS, TimeUnit.SECONDS))
                    .as("the second wave was watched while the listener was blocked")
                    .isTrue();
            assertThat(listenerReturned).isFalse();
        } finally {
            release.countDown();
        }
        RunResult result = handle.result().toCompletableFuture().get(STUCK_SECONDS, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(seen).last().isInstanceOf(RunEvent.RunFinished.class);
        executor.close();
    }

    @Test
    void eachEventReachesEveryListenerInListenerOrderAndInTheJournalsOrder() throws Exception {
        List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        RealTimeCluster.ListJournal journal = journal();
        PlanExecutor executor = HEALTHY.executor()
                .listener(event -> deliveries.add("first " + event))
                .listener(event -> {
                    deliveries.add("second " + event);
                    events.add(event);
                })
                .build();

        RunResult result = executor.start(
                        RealTimeCluster.plan(List.of(List.of("010-a", "011-b", "012-c"), List.of("020-d"))), journal)
                .result()
                .toCompletableFuture()
                .get(STUCK_SECONDS, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(deliveries).hasSize(2 * events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(deliveries.subList(2 * i, 2 * i + 2))
                    .containsExactly("first " + events.get(i), "second " + events.get(i));
        }
        assertThat(events).first().isInstanceOf(RunEvent.RunStarted.class);
        assertThat(events).last().isInstanceOf(RunEvent.RunFinished.class);
        // Steps of one wave finish in any order, but the events tell it in the order the journal recorded it.
        List<String> finishedInJournal = journal.entries().stream()
                .filter(e -> e.type() == EntryType.STEP_FINISHED)
                .map(JournalEntry::chart)
                .toList();
        List<String> finishedInEvents = events.stream()
                .filter(RunEvent.StepFinished.class::isInstance)
                .map(e -> ((RunEvent.StepFinished) e).chart())
                .toList();
        assertThat(finishedInEvents).hasSize(4).isEqualTo(finishedInJournal);
        for (String chart : List.of("010-a", "011-b", "012-c", "020-d")) {
            assertThat(kindsOf(events, chart)).containsSubsequence("step-started", "step-deployed", "step-finished");
        }
        executor.close();
    }

    @Test
    void aListenerThatThrowsNeitherStopsTheOtherListenersNorTheRun() throws Exception {
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        PlanExecutor executor = HEALTHY.executor()
                .listener(event -> {
                    throw new IllegalStateException("a broken listener");
                })
                .listener(events::add)
                .build();

        RunResult result = executor.start(RealTimeCluster.plan(List.of(List.of("010-a"), List.of("020-b"))), journal())
                .result()
                .toCompletableFuture()
                .get(STUCK_SECONDS, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(events).first().isInstanceOf(RunEvent.RunStarted.class);
        assertThat(events).last().isInstanceOf(RunEvent.RunFinished.class);
        assertThat(events.stream().filter(RunEvent.StepFinished.class::isInstance))
                .hasSize(2);
        executor.close();
    }

    @Test
    void everyEventIsDeliveredBeforeTheRunsResultCompletes() throws Exception {
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        PlanExecutor executor = HEALTHY.executor()
                .listener(event -> {
                    if (event instanceof RunEvent.RunFinished) {
                        // A slow last write: the result must still wait for it.
                        sleep(200);
                    }
                    events.add(event);
                })
                .build();

        RunResult result = executor.start(RealTimeCluster.plan(List.of(List.of("010-a"))), journal())
                .result()
                .toCompletableFuture()
                .get(STUCK_SECONDS, TimeUnit.SECONDS);

        assertThat(events)
                .last()
                .isEqualTo(
                        new RunEvent.RunFinished(result.finished(), result.runId(), result.outcome(), result.reason()));
        executor.close();
    }

    private static List<String> kindsOf(List<RunEvent> events, String chart) {
        return events.stream()
                .filter(e ->
                        e instanceof RunEvent.StepEvent step && step.chart().equals(chart))
                .map(RunEvent::kind)
                .toList();
    }

    private static RealTimeCluster.ListJournal journal() {
        return new RealTimeCluster.ListJournal();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
