package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.HelmInputException;

/**
 * Reads chart metadata from the JSON Helm stores in a release record ({@code chart.metadata}); the field names are
 * Chart.yaml's, and JSON is YAML, so Chart.yaml's reader applies. Public for the release package; not for callers.
 */
public final class ChartMetadataJson {
    private ChartMetadataJson() {}

    /** Reads {@code chart.metadata} of a stored release. */
    public static ChartMetadata read(String json, String source) throws HelmInputException {
        return ChartYaml.parse(json, source).metadata();
    }
}
