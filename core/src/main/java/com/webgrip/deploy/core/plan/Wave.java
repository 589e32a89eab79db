package com.webgrip.deploy.core.plan;

import java.util.List;

/**
 * Steps that may run side by side: none needs another, and each needs only steps of earlier waves.
 *
 * @param number the wave's place in the plan, from 1
 * @param steps its steps, by order number
 * @param concurrencyLimit how many of its steps may run at once
 */
public record Wave(int number, List<Step> steps, int concurrencyLimit) {

    /** Checks and copies. */
    public Wave {
        steps = List.copyOf(steps);
        if (number < 1) {
            throw new IllegalArgumentException("wave numbers start at 1, found " + number);
        }
        if (concurrencyLimit < 1) {
            throw new IllegalArgumentException(
                    "a wave's concurrency limit must be at least 1, found " + concurrencyLimit);
        }
    }

    /** The steps' chart names. */
    public List<String> charts() {
        return steps.stream().map(Step::chart).toList();
    }

    @Override
    public String toString() {
        return "Wave " + number + " " + charts() + " (at most " + concurrencyLimit + " at once)";
    }
}
