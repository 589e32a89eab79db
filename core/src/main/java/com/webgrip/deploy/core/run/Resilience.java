package com.webgrip.deploy.core.run;

import com.webgrip.deploy.core.deploy.DeployException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The run's resilience4j Retry and CircuitBreaker. Only their asynchronous forms are used, on the injected
 * scheduler: their blocking forms sleep in real time.
 */
final class Resilience {

    /** A policy asked for another attempt. */
    static final class RetryRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryRequested(String reason) {
            super(reason, null, false, false);
        }
    }

    private Resilience() {}

    static Retry retry(String runId, Settings settings) {
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(
                        IntervalFunction.ofExponentialBackoff(settings.backoff(), settings.backoffMultiplier()))
                .retryOnException(error -> {
                    Throwable cause = unwrap(error);
                    return cause instanceof RetryRequested
                            || (cause instanceof DeployException deployError && deployError.retryable());
                })
                .failAfterMaxAttempts(false)
                .build();
        return Retry.of("run-" + runId, config);
    }

    static CircuitBreaker breaker(String runId, Settings settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(
                        settings.breakerWindow(),
                        settings.breakerMinimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(settings.breakerFailureRate())
                // Stays open for the rest of the run: a run is short next to this, so it never half-opens.
                .waitDurationInOpenState(Duration.ofDays(1))
                .recordResult(result -> result instanceof Verdict verdict && !verdict.succeeded())
                .ignoreExceptions(Run.RunAborted.class)
                .writableStackTraceEnabled(false)
                .build();
        return CircuitBreaker.of("run-" + runId, config);
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
