package com.webgrip.deploy.core.deploy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The chart a step deploys.
 *
 * @param name the chart name from {@code Chart.yaml}
 * @param version the chart version
 * @param directory the chart folder, when the chart is on disk
 */
public record ChartRef(String name, String version, Optional<Path> directory) {

    /** Checks the fields. */
    public ChartRef {
        Objects.requireNonNull(name, "chart name required");
        Objects.requireNonNull(version, "chart version required");
        Objects.requireNonNull(directory, "directory required (empty when not on disk)");
    }

    /**
     * A chart in a folder.
     *
     * @param name the chart name
     * @param version the chart version
     * @param directory the folder
     * @return the reference
     */
    public static ChartRef of(String name, String version, Path directory) {
        return new ChartRef(name, version, Optional.of(directory));
    }

    @Override
    public String toString() {
        return name + "-" + version;
    }
}
