package com.webgrip.deploy.core.plan;

import java.util.Map;
import java.util.Objects;

/**
 * What is deployed now for a release, as its history tells: the chart version and the values it
 * was installed with (Helm's release {@code config}, which may hold secrets in clear: a diff never
 * prints values).
 *
 * @param release the release name
 * @param namespace its namespace
 * @param chartVersion the chart version deployed
 * @param config the user values it was deployed with
 */
public record DeployedRelease(String release, String namespace, String chartVersion, Map<String, Object> config) {

    /** Checks and copies. */
    public DeployedRelease {
        Objects.requireNonNull(release, "release required");
        Objects.requireNonNull(namespace, "namespace required");
        Objects.requireNonNull(chartVersion, "chart version required");
        config = ValuesTrees.immutableCopy(config);
    }

    @Override
    public String toString() {
        return "DeployedRelease[" + release + " in " + namespace + ", chart " + chartVersion + ", " + config.size()
                + " top-level values (hidden)]";
    }
}
