package com.webgrip.deploy.helm.chart;

import com.webgrip.deploy.helm.semver.Version;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chart.yaml as Helm 3 reads it (apiVersion v2, and v1 with requirements.yaml). Absent strings are empty; the
 * version is kept as written, {@link #semver()} parses it.
 *
 * @param apiVersion {@code v2}, {@code v1}, or what the file says (lint reports an unknown one)
 * @param name the chart name
 * @param version the chart version as written
 * @param appVersion the version of the application inside, free text
 * @param kubeVersion a constraint on the Kubernetes version, or empty
 * @param description one-line description
 * @param type {@code application}, {@code library}, or empty (application)
 * @param home the project's home page URL
 * @param icon an icon URL
 * @param sources source URLs
 * @param keywords keywords
 * @param maintainers maintainers
 * @param deprecated whether the chart is deprecated
 * @param annotations annotations (webgrip reads {@code webgrip.com/needs}, {@code webgrip.com/release} and
 *     {@code webgrip.com/namespace} from here)
 * @param dependencies declared dependencies (from requirements.yaml for an apiVersion v1 chart)
 */
public record ChartMetadata(
        String apiVersion,
        String name,
        String version,
        String appVersion,
        String kubeVersion,
        String description,
        String type,
        String home,
        String icon,
        List<String> sources,
        List<String> keywords,
        List<Maintainer> maintainers,
        boolean deprecated,
        Map<String, String> annotations,
        List<ChartDependency> dependencies) {

    /** Validates that no field is null, and copies collections. */
    public ChartMetadata {
        Objects.requireNonNull(apiVersion, "apiVersion required");
        Objects.requireNonNull(name, "name required");
        Objects.requireNonNull(version, "version required");
        Objects.requireNonNull(appVersion, "appVersion required");
        Objects.requireNonNull(kubeVersion, "kubeVersion required");
        Objects.requireNonNull(description, "description required");
        Objects.requireNonNull(type, "type required");
        Objects.requireNonNull(home, "home required");
        Objects.requireNonNull(icon, "icon required");
        sources = List.copyOf(sources);
        keywords = List.copyOf(keywords);
        maintainers = List.copyOf(maintainers);
        annotations = Map.copyOf(annotations);
        dependencies = List.copyOf(dependencies);
    }

    /** Minimal apiVersion v2 metadata with a name and a version, for charts built in code. */
    public static ChartMetadata of(String name, String version) {
        return new ChartMetadata(
                "v2", name, version, "", "", "", "", "", "", List.of(), List.of(), List.of(), false, Map.of(),
                List.of());
    }

    /** Returns a copy with these dependencies. */
    public ChartMetadata withDependencies(List<ChartDependency> newDependencies) {
        return new ChartMetadata(
                apiVersion,
                name,
                version,
                appVersion,
                kubeVersion,
                description,
                type,
                home,
                icon,
                sources,
                keywords,
                maintainers,
                deprecated,
                annotations,
                newDependencies);
    }

    /** Returns a copy with these annotations. */
    public ChartMetadata withAnnotations(Map<String, String> newAnnotations) {
        return new ChartMetadata(
                apiVersion,
                name,
                version,
                appVersion,
                kubeVersion,
                description,
                type,
                home,
                icon,
                sources,
                keywords,
                maintainers,
                deprecated,
                newAnnotations,
                dependencies);
    }

    /** Parses {@link #version} as Helm does; empty if it is not a version. */
    public Optional<Version> semver() {
        return Version.tryParse(version);
    }

    /** Returns one annotation. */
    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }
}
