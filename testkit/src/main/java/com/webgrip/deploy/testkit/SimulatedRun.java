package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.run.RunEvent;
import com.webgrip.deploy.core.run.RunResult;
import java.util.List;
import java.util.Objects;

/**
 * A finished run on the simulated cluster: its result and every event it emitted, in order.
 *
 * @param result the run's result
 * @param events its events
 */
public record SimulatedRun(RunResult result, List<RunEvent> events) {

    /** Copies the events. */
    public SimulatedRun {
        Objects.requireNonNull(result, "result required");
        events = List.copyOf(events);
    }
}
