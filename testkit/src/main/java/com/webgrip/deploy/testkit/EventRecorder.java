package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.run.RunEvent;
import com.webgrip.deploy.core.run.RunListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event it receives. */
final class EventRecorder implements RunListener {

    private final List<RunEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(RunEvent event) {
        events.add(event);
    }

    /** The events of the latest start (or resume) of a run. */
    synchronized List<RunEvent> of(String runId) {
        List<RunEvent> mine =
                events.stream().filter(e -> e.runId().equals(runId)).toList();
        int start = 0;
        for (int i = 0; i < mine.size(); i++) {
            if (mine.get(i) instanceof RunEvent.RunStarted) {
                start = i;
            }
        }
        return mine.subList(start, mine.size());
    }
}
