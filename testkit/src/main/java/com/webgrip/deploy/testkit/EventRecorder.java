package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.run.RunEvent;
import com.webgrip.deploy.core.run.RunListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every event it receives, with the thread that delivered it.
 *
 * <p>Each run (start or resume) hands its events to listeners on a delivery thread of its own. A run
 * that a test "crashes" never finishes, so its delivery thread may still be handing over its events
 * while the resumed run, under the same run id, delivers its own: arrival order alone cannot tell
 * the two apart. The delivering thread can.
 */
final class EventRecorder implements RunListener {

    private record Delivered(RunEvent event, Thread thread) {}

    private final List<Delivered> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(RunEvent event) {
        events.add(new Delivered(event, Thread.currentThread()));
    }

    /**
     * The events of the run that finished last under this id: those its delivery thread handed over,
     * from its latest start (or resume). Events of a crashed run that never finished are left out,
     * as they would die with its process.
     */
    synchronized List<RunEvent> of(String runId) {
        Thread finisher = null;
        for (Delivered d : events) {
            if (d.event().runId().equals(runId) && d.event() instanceof RunEvent.RunFinished) {
                finisher = d.thread();
            }
        }
        List<RunEvent> mine = new ArrayList<>();
        for (Delivered d : events) {
            if (d.event().runId().equals(runId) && (finisher == null || d.thread() == finisher)) {
                mine.add(d.event());
            }
        }
        int start = 0;
        for (int i = 0; i < mine.size(); i++) {
            if (mine.get(i) instanceof RunEvent.RunStarted) {
                start = i;
            }
        }
        return List.copyOf(mine.subList(start, mine.size()));
    }
}
