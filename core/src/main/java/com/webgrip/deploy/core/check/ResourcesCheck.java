package com.webgrip.deploy.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every container sets resource requests and limits for cpu and memory. */
final class ResourcesCheck extends ManifestCheck {
    @Override
    public String id() {
        return "resources";
    }

    @Override
    public String description() {
        return "every container sets cpu and memory requests and limits";
    }

    @Override
    List<String> problems(Manifest manifest, Map<?, ?> podSpec) {
        List<String> out = new ArrayList<>();
        for (Workloads.Container c : Workloads.containers(podSpec, true)) {
            Map<?, ?> resources = Workloads.map(c.spec().get("resources")).orElse(Map.of());
            for (String kind : List.of("requests", "limits")) {
                Map<?, ?> set = Workloads.map(resources.get(kind)).orElse(Map.of());
                for (String resource : List.of("cpu", "memory")) {
                    if (set.get(resource) == null
                            || String.valueOf(set.get(resource)).isBlank()) {
                        out.add(c.label() + " has no " + resource + " " + kind.substring(0, kind.length() - 1));
                    }
                }
            }
        }
        return out;
    }

    @Override
    String hint() {
        return "set resources.requests and resources.limits (cpu, memory) in the chart or its values";
    }
}
