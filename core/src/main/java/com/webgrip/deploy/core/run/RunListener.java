package com.webgrip.deploy.core.run;

/**
 * Receives a run's events in order. Called on the executor's threads while it holds the run's lock: keep it quick.
 * An exception thrown here is logged and otherwise ignored.
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
