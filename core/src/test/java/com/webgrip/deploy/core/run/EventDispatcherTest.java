package com.webgrip.deploy.core.run;

import static com.webgrip.deploy.core.run.RealTimeCluster.STUCK_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration STUCK = Duration.ofSeconds(STUCK_SECONDS);

    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThread() {
        thread.shutdownNow();
    }

    @Test
    void aFullQueueDropsHealthObservationsAndKeepsEveryOtherEvent() {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        RunListener stuck = event -> {
            if (seen.isEmpty()) {
                entered.countDown();
                RealTimeCluster.await(release);
            }
            seen.add(event);
        };
        EventDispatcher dispatcher = new EventDispatcher("run-1", List.of(stuck), thread, 2);

        dispatcher.dispatch(health(0));
        RealTimeCluster.await(entered); // the first event is being delivered; the queue is empty
        for (int i = 1; i <= 5; i++) {
            dispatcher.dispatch(health(i));
        }
        dispatcher.dispatch(finished("010-a"));
        dispatcher.dispatch(runFinished());
        release.countDown();

        assertThat(dispatcher.awaitDelivered(STUCK)).isTrue();
        assertThat(seen).containsExactly(health(0), health(1), health(2), finished("010-a"), runFinished());
        assertThat(dispatcher.dropped()).isEqualTo(3);
    }

    @Test
    void waitingForDeliveryGivesUpAtItsBoundWhileAListenerIsBlocked() {
        CountDownLatch release = new CountDownLatch(1);
        EventDispatcher dispatcher =
                new EventDispatcher("run-1", List.of(event -> RealTimeCluster.await(release)), thread, 8);
        dispatcher.dispatch(runFinished());

        try {
            assertThat(dispatcher.awaitDelivered(Duration.ofMillis(50))).isFalse();
        } finally {
            release.countDown();
        }
        assertThat(dispatcher.awaitDelivered(STUCK)).isTrue();
    }

    @Test
    void anErrorThrownByAListenerDoesNotEndTheDeliveryOfLaterEvents() {
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        RunListener failsOnce = event -> {
            if (event.equals(health(0))) {
                throw new AssertionError("a listener with a bug");
            }
            seen.add(event);
        };
        EventDispatcher dispatcher = new EventDispatcher("run-1", List.of(failsOnce), thread, 8);

        dispatcher.dispatch(health(0));
        dispatcher.dispatch(health(1));
        dispatcher.dispatch(runFinished());

        assertThat(dispatcher.awaitDelivered(STUCK)).isTrue();
        assertThat(seen).containsExactly(health(1), runFinished());
    }

    @Test
    void aDirectExecutorDeliversBeforeDispatchReturns() {
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        EventDispatcher dispatcher = new EventDispatcher("run-1", List.of(seen::add), Runnable::run, 1);

        dispatcher.dispatch(health(0));

        assertThat(seen).containsExactly(health(0));
    }

    private static RunEvent health(int n) {
        return new RunEvent.HealthObserved(AT.plusSeconds(n), "run-1", "010-a", "IN_PROGRESS", "poll " + n);
    }

    private static RunEvent finished(String chart) {
        return new RunEvent.StepFinished(AT, "run-1", chart, StepState.SUCCEEDED, "healthy", 1);
    }

    private static RunEvent runFinished() {
        return new RunEvent.RunFinished(AT, "run-1", RunOutcome.SUCCEEDED, "1 of 1 steps succeeded");
    }
}
