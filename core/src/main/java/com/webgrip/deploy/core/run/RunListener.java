package com.webgrip.deploy.core.run;

/**
 * Receives a run's events in order. Events reach the listeners of a run one at a time, on the run's event thread
 * (or the executor given to {@link PlanExecutor.Builder#listenerExecutor}), never under the run's lock: a listener
 * that is slow or blocked (a full pipe, a slow webhook) holds up only the listeners, not the run's steps or timers.
 * Each event reaches the listeners in the order they were added, before the next event reaches any of them. When
 * listeners fall far behind, health observations are dropped (see {@link PlanExecutor.Builder#listenerQueue}); every
 * other event is delivered, and all of them before the run's result completes. An exception thrown here is logged
 * and otherwise ignored.
 */
@FunctionalInterface
public interface RunListener {

    /**
     * One event.
     *
     * @param event the event
     */
    void onEvent(RunEvent event);
}
