package com.webgrip.deploy.core.check;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Where the chart-version check learns what was deployed last (from the cluster, or a file). */
@FunctionalInterface
public interface ReleaseHistory {

    /** The last deployed release of that name, if any. */
    Optional<PreviousRelease> lastDeployed(String namespace, String release);

    /** No history: the chart-version check says it could not run. */
    static ReleaseHistory none() {
        return (namespace, release) -> Optional.empty();
    }

    /**
     * What the check needs of a deployed release: Helm stores the chart's templates in the release.
     *
     * @param chartVersion the chart version deployed
     * @param templates the chart's template files by path ({@code templates/deployment.yaml}) and text
     */
    record PreviousRelease(String chartVersion, Map<String, String> templates) {
        /** Checks and copies. */
        public PreviousRelease {
            Objects.requireNonNull(chartVersion, "chart version required");
            templates = Map.copyOf(templates);
        }
    }
}
