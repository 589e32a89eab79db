package com.webgrip.deploy.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds the pod template and containers of workload objects. */
final class Workloads {
    static final Set<String> KINDS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod");

    private Workloads() {}

    /** The pod spec of a workload, or empty for other kinds. */
    static Optional<Map<?, ?>> podSpec(Manifest manifest) {
        Object spec = manifest.object().get("spec");
        return switch (manifest.kind()) {
            case "Pod" -> map(spec);
            case "CronJob" ->
                map(spec)
                        .flatMap(s -> map(s.get("jobTemplate")))
                        .flatMap(j -> map(j.get("spec")))
                        .flatMap(j -> map(j.get("template")))
                        .flatMap(t -> map(t.get("spec")));
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
                map(spec).flatMap(s -> map(s.get("template"))).flatMap(t -> map(t.get("spec")));
            default -> Optional.empty();
        };
    }

    /** Whether pods of this workload run to completion (no probes expected). */
    static boolean runsToCompletion(Manifest manifest, Map<?, ?> podSpec) {
        return manifest.kind().equals("Job")
                || manifest.kind().equals("CronJob")
                || (manifest.kind().equals("Pod") && "Never".equals(podSpec.get("restartPolicy")));
    }

    /** The containers ({@code containers}, and {@code initContainers} when asked), each with a label. */
    static List<Container> containers(Map<?, ?> podSpec, boolean withInit) {
        List<Container> out = new ArrayList<>();
        add(out, podSpec.get("containers"), "container");
        if (withInit) {
            add(out, podSpec.get("initContainers"), "init container");
        }
        return out;
    }

    private static void add(List<Container> out, Object list, String role) {
        if (list instanceof List<?> items) {
            for (Object item : items) {
                map(item).ifPresent(c -> out.add(new Container(role + " " + c.get("name"), c)));
            }
        }
    }

    static Optional<Map<?, ?>> map(Object value) {
        return value instanceof Map<?, ?> map ? Optional.of(map) : Optional.empty();
    }

    /** A container and how to name it in a message. */
    record Container(String label, Map<?, ?> spec) {}
}
