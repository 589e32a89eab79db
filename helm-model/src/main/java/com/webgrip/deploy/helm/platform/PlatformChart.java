package com.webgrip.deploy.helm.platform;

import com.webgrip.deploy.helm.chart.Chart;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One numbered chart folder of the platform, {@code ops/helm/NNN-name/}.
 *
 * @param order the folder's number ({@code 10} for {@code 010-cert-manager})
 * @param folderName the folder's name ({@code 010-cert-manager})
 * @param name the folder's name without its number ({@code cert-manager})
 * @param chart the chart loaded from the folder
 * @param dir the folder
 * @param needs folder names from the {@code webgrip.com/needs} annotation, in the order written, no duplicates
 * @param releaseName {@code webgrip.com/release}, else {@link #name}; a valid Helm release name
 * @param namespace {@code webgrip.com/namespace}, if set; a valid namespace name
 */
public record PlatformChart(
        int order,
        String folderName,
        String name,
        Chart chart,
        Path dir,
        List<String> needs,
        String releaseName,
        Optional<String> namespace) {

    /** The annotation that lists the platform charts a chart needs: comma-separated folder names. */
    public static final String NEEDS_ANNOTATION = "webgrip.com/needs";
    /** The annotation that names the release (default: the folder name without its number). */
    public static final String RELEASE_ANNOTATION = "webgrip.com/release";
    /** The annotation that names the namespace (optional). */
    public static final String NAMESPACE_ANNOTATION = "webgrip.com/namespace";

    /** Validates that no component is null, and copies the needs. */
    public PlatformChart {
        Objects.requireNonNull(folderName, "folderName required");
        Objects.requireNonNull(name, "name required");
        Objects.requireNonNull(chart, "chart required");
        Objects.requireNonNull(dir, "dir required");
        needs = List.copyOf(needs);
        Objects.requireNonNull(releaseName, "releaseName required");
        Objects.requireNonNull(namespace, "namespace required");
    }
}
