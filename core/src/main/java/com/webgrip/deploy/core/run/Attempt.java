package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.health.HealthObservation;
import com.webgrip.deploy.core.metrics.MetricReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One attempt of a step: its deploy, then its observations until a verdict. */
final class Attempt {

    final int number;
    final CompletableFuture<Verdict> result = new CompletableFuture<>();
    /** Completes once the deploy call has ended and its outcome is journaled (either way). */
    final CompletableFuture<Void> deployDone = new CompletableFuture<>();

    final List<HealthObservation> health = new ArrayList<>();
    final List<MetricReading> metrics = new ArrayList<>();
    volatile int revision;
    volatile Instant deployedAt;
    volatile String failure = "";

    Attempt(int number) {
        this.number = number;
    }

    /** Whether the attempt is over (a verdict, a timeout or a failure): no more observations. */
    boolean over() {
        return result.isDone();
    }
}
