package com.webgrip.deploy.helm.release;

import com.webgrip.deploy.helm.chart.ChartMetadata;
import com.webgrip.deploy.helm.values.Values;
import java.util.Objects;

/**
 * One revision of a Helm release, as Helm 3 stores it.
 *
 * @param name the release name
 * @param namespace the namespace the release lives in
 * @param revision the revision number, from 1 ({@code version} in Helm's JSON)
 * @param info status, timestamps, description and notes
 * @param chartMetadata the chart's Chart.yaml at that revision
 * @param chart the rest of the stored chart object ({@code chart} in Helm's JSON less its metadata: templates,
 *     values, schema, files), kept so that a record written back still lets Helm roll back to it; may be empty for records built
 *     in code
 * @param config the user-supplied values of that revision (not the coalesced ones)
 * @param manifest the rendered manifest
 */
public record Release(
        String name,
        String namespace,
        int revision,
        ReleaseInfo info,
        ChartMetadata chartMetadata,
        Values chart,
        Values config,
        String manifest) {
    /** Validates the components. */
    public Release {
        Objects.requireNonNull(name, "name required");
        Objects.requireNonNull(namespace, "namespace required");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be 1 or more, found " + revision);
        }
        Objects.requireNonNull(info, "info required");
        Objects.requireNonNull(chartMetadata, "chartMetadata required");
        Objects.requireNonNull(chart, "chart required");
        Objects.requireNonNull(config, "config required");
        Objects.requireNonNull(manifest, "manifest required");
    }

    /** Returns the status. */
    public ReleaseStatus status() {
        return info.status();
    }

    /** Returns a copy with another status (for example, superseded once a later revision is deployed). */
    public Release withStatus(ReleaseStatus status) {
        return new Release(name, namespace, revision, info.withStatus(status), chartMetadata, chart, config, manifest);
    }

    /** Shows the identity and status only: the config may hold secrets. */
    @Override
    public String toString() {
        return "Release[" + namespace + "/" + name + " v" + revision + " "
                + info.status().helmName() + ", chart " + chartMetadata.name() + "-" + chartMetadata.version() + "]";
    }
}
