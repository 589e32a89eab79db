package com.webgrip.deploy.core.graph;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a selection: what was picked, what came along because it is needed, and which
 * needs were left out on request.
 *
 * @param charts every chart in the selection, in deployment order
 * @param addedNeeds charts that no selector picked but that the picked charts need
 * @param droppedNeeds needs left out because the caller asked for the selection without its needs
 */
public record GraphSelection(List<String> charts, List<String> addedNeeds, List<DroppedNeed> droppedNeeds) {

    /** Copies the lists. */
    public GraphSelection {
        charts = List.copyOf(charts);
        addedNeeds = List.copyOf(addedNeeds);
        droppedNeeds = List.copyOf(droppedNeeds);
    }

    /**
     * A need of a selected chart that the selection leaves out.
     *
     * @param chart the selected chart
     * @param need the chart it needs, not in the selection
     */
    public record DroppedNeed(String chart, String need) {
        /** Checks the names. */
        public DroppedNeed {
            Objects.requireNonNull(chart, "chart required");
            Objects.requireNonNull(need, "need required");
        }

        @Override
        public String toString() {
            return chart + " needs " + need;
        }
    }
}
