package com.webgrip.deploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.webgrip.deploy.core.run.RunEvent;
import com.webgrip.deploy.core.run.RunOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder tells a resumed run's events from late ones of the crashed run under the same id. */
class EventRecorderTest {
    private static final Instant T = Instant.parse("2026-11-27T04:00:00Z");

    private static void deliverOnAThreadOfItsOwn(EventRecorder recorder, RunEvent... events)
            throws InterruptedException {
        Thread thread = new Thread(() -> {
            for (RunEvent event : events) {
                recorder.onEvent(event);
            }
        });
        thread.start();
        thread.join();
    }

    @Test
    void eventsOfACrashedRunArrivingAfterTheResumedRunsAreLeftOut() throws InterruptedException {
        EventRecorder recorder = new EventRecorder();
        RunEvent resumed = new RunEvent.RunStarted(T.plusSeconds(10), "run-1", "staging", List.of(), true);
        RunEvent finished = new RunEvent.RunFinished(T.plusSeconds(20), "run-1", RunOutcome.SUCCEEDED, "done");
        RunEvent crashedStart = new RunEvent.RunStarted(T, "run-1", "staging", List.of(), false);

        deliverOnAThreadOfItsOwn(recorder, resumed, finished);
        // the crashed run's delivery thread hands over its (first) event only now
        deliverOnAThreadOfItsOwn(recorder, crashedStart);

        assertThat(recorder.of("run-1")).containsExactly(resumed, finished);
    }

    @Test
    void aRunThatHasNotFinishedGivesItsLatestStartAsBefore() throws InterruptedException {
        EventRecorder recorder = new EventRecorder();
        RunEvent first = new RunEvent.RunStarted(T, "run-2", "staging", List.of(), false);
        RunEvent second = new RunEvent.RunStarted(T.plusSeconds(5), "run-2", "staging", List.of(), true);

        deliverOnAThreadOfItsOwn(recorder, first, second);

        assertThat(recorder.of("run-2")).containsExactly(second);
    }
}
