package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every namespace that runs workloads of the plan gets a NetworkPolicy from the plan. */
final class NetworkPolicyCheck implements Check {
    @Override
    public String id() {
        return "network-policy";
    }

    @Override
    public String description() {
        return "every namespace with workloads has a NetworkPolicy";
    }

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
        Map<String, Manifest> firstWorkload = new LinkedHashMap<>();
        Set<String> covered = new TreeSet<>();
        for (Manifest manifest : context.manifests()) {
            Step step = context.plan().step(manifest.chart()).orElseThrow();
            String namespace = manifest.namespace().isEmpty() ? step.namespace() : manifest.namespace();
            if (manifest.kind().equals("NetworkPolicy")) {
                covered.add(namespace);
            } else if (Workloads.podSpec(manifest).isPresent()) {
                firstWorkload.putIfAbsent(namespace, manifest);
            }
        }
        firstWorkload.forEach((namespace, workload) -> {
            if (!covered.contains(namespace)) {
                findings.add(Finding.of(
                        Severity.ERROR,
                        id(),
                        ManifestCheck.templateFile(context, workload),
                        0,
                        "namespace " + namespace + " runs " + workload.kind() + "/" + workload.name()
                                + " but no chart of the plan gives it a NetworkPolicy",
                        "add a NetworkPolicy template (a default deny plus the traffic the workload needs)"));
            }
        });
        return findings;
    }
}
