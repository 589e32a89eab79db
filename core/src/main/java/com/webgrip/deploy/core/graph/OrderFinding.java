package com.webgrip.deploy.core.graph;

/**
 * A chart numbered before a chart it needs: the graph still orders them by their needs, but the
 * numbers tell a reader the opposite. A warning by default, an error in strict mode.
 *
 * @param chart the chart with the lower number
 * @param need the chart it needs, which has a higher number
 */
public record OrderFinding(String chart, String need) {

    /** A sentence for a report. */
    public String message() {
        return chart + " is numbered before " + need + ", which it needs; it will still be deployed after it";
    }
}
