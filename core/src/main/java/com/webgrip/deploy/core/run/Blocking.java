package com.webgrip.deploy.core.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Runs a blocking call (a deployer or health check call) on the blocking executor. */
final class Blocking {

    /** A call that may throw a checked exception. */
    @FunctionalInterface
    interface Call<T> {
        T get() throws Exception;
    }

    private Blocking() {}

    static <T> CompletableFuture<T> call(Executor executor, Call<T> call) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(call.get());
                } catch (Exception | Error e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(e);
        }
        return future;
    }
}
