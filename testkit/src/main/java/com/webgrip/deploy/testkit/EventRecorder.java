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

    synchronized List<RunEvent> of(String runId) {
        return events.stream().filter(e -> e.runId().equals(runId)).toList();
    }
}
