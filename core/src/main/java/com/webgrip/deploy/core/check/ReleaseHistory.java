package com.webgrip.deploy.core.check;

import java.util.Collection;
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
     * The history Helm keeps: for each release, its last revision in status {@code deployed}, with the templates Helm
     * stored in the release's chart ({@code chart.templates}, base64). A release whose stored chart has no templates
     * (a record built in code, a simulated cluster) is treated as having no history, so the check does not compare
     * it rather than reporting every template as changed.
     *
     * @param histories the release histories, for example decoded from the cluster by helm-model's ReleaseCodec
     */
    static ReleaseHistory fromHelm(Collection<com.webgrip.deploy.helm.release.ReleaseHistory> histories) {
        return HelmReleaseTemplates.index(histories);
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
