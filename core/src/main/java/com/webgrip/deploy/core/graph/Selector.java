package com.webgrip.deploy.core.graph;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Picks charts out of a graph: by name, by label or by a range of order numbers.
 *
 * <p>{@link #parse} reads the command line's spelling: {@code 010} (one number), {@code 010-045}
 * (a range, both ends included), {@code label=monitoring}, or a name ({@code 010-cert-manager}, or
 * {@code cert-manager} without its number).
 */
public sealed interface Selector {

    /** Whether this selector picks the chart. */
    boolean matches(ChartNode chart);

    /** Charts whose name is {@code name}, or is {@code name} after an {@code NNN-} prefix. */
    static Selector name(String name) {
        return new ByName(name);
    }

    /** Charts carrying the label. */
    static Selector label(String label) {
        return new ByLabel(label);
    }

    /** Charts numbered from {@code first} to {@code last}, both included. */
    static Selector range(int first, int last) {
        return new ByRange(first, last);
    }

    /** Reads {@code 010}, {@code 010-045}, {@code label=NAME} or a chart name. */
    static Selector parse(String text) {
        Objects.requireNonNull(text, "selector text required");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(
                    "empty selector: expected a number, a range like 010-045," + " label=NAME or a chart name");
        }
        var range = Patterns.RANGE.matcher(trimmed);
        if (range.matches()) {
            return range(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)));
        }
        if (Patterns.NUMBER.matcher(trimmed).matches()) {
            int number = Integer.parseInt(trimmed);
            return range(number, number);
        }
        if (trimmed.startsWith("label=")) {
            return label(trimmed.substring("label=".length()));
        }
        return name(trimmed);
    }

    /** Selects by name. */
    record ByName(String name) implements Selector {
        public ByName {
            Objects.requireNonNull(name, "name required");
        }

        @Override
        public boolean matches(ChartNode chart) {
            String candidate = chart.name();
            if (candidate.equals(name)) {
                return true;
            }
            var numbered = Patterns.NUMBERED.matcher(candidate);
            return numbered.matches() && numbered.group(2).equals(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Selects by label. */
    record ByLabel(String label) implements Selector {
        public ByLabel {
            Objects.requireNonNull(label, "label required");
            if (label.isBlank()) {
                throw new IllegalArgumentException("label selector needs a label: label=NAME");
            }
        }

        @Override
        public boolean matches(ChartNode chart) {
            return chart.labels().contains(label);
        }

        @Override
        public String toString() {
            return "label=" + label;
        }
    }

    /** Selects by a range of order numbers. */
    record ByRange(int first, int last) implements Selector {
        public ByRange {
            if (first > last) {
                throw new IllegalArgumentException(
                        "range " + first + "-" + last + " is empty: the first number must not exceed the last");
            }
        }

        @Override
        public boolean matches(ChartNode chart) {
            return chart.order() >= first && chart.order() <= last;
        }

        @Override
        public String toString() {
            return first == last ? String.format("%03d", first) : String.format("%03d-%03d", first, last);
        }
    }
}

/** Patterns shared by the selectors (an interface cannot hold private constants). */
final class Patterns {
    static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
    static final Pattern NUMBER = Pattern.compile("\\d+");
    static final Pattern NUMBERED = Pattern.compile("(\\d+)-(.+)");

    private Patterns() {}
}
