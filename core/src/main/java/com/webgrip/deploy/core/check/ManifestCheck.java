package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.platform.ChartEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A check over each container of each rendered workload. */
abstract class ManifestCheck implements Check {

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        if (!context.rendered()) {
            findings.add(Finding.of(
                    Severity.INFO,
                    id(),
                    null,
                    0,
                    "no manifests were rendered, so nothing was checked",
                    "give the validator a ManifestRenderer (the kubernetes module has one)"));
            return findings;
        }
        for (Manifest manifest : context.manifests()) {
            Workloads.podSpec(manifest).ifPresent(pod -> {
                Path file = templateFile(context, manifest);
                for (String problem : problems(manifest, pod)) {
                    findings.add(Finding.of(
                            Severity.ERROR,
                            id(),
                            file,
                            0,
                            manifest.kind() + "/" + manifest.name() + ": " + problem,
                            hint()));
                }
            });
        }
        return findings;
    }

    /** What is wrong with the workload, one sentence each. */
    abstract List<String> problems(Manifest manifest, Map<?, ?> podSpec);

    /** How to fix it. */
    abstract String hint();

    static Path templateFile(CheckContext context, Manifest manifest) {
        Path dir = context.platform()
                .chart(manifest.chart())
                .flatMap(ChartEntry::directory)
                .orElse(null);
        if (dir == null) {
            return manifest.template().isEmpty() ? null : Path.of(manifest.chart(), manifest.template());
        }
        return manifest.template().isEmpty() ? dir : dir.resolve(manifest.template());
    }
}
