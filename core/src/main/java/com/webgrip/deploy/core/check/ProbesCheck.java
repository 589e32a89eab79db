package com.webgrip.deploy.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every long-running container has a liveness and a readiness probe. */
final class ProbesCheck extends ManifestCheck {
    @Override
    public String id() {
        return "probes";
    }

    @Override
    public String description() {
        return "every long-running container has a liveness and a readiness probe";
    }

    @Override
    List<String> problems(Manifest manifest, Map<?, ?> podSpec) {
        List<String> out = new ArrayList<>();
        if (Workloads.runsToCompletion(manifest, podSpec)) {
            return out;
        }
        for (Workloads.Container c : Workloads.containers(podSpec, false)) {
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
                if (!(c.spec().get(probe) instanceof Map<?, ?>)) {
                    out.add(c.label() + " has no " + probe);
                }
            }
        }
        return out;
    }

    @Override
    String hint() {
        return "add livenessProbe and readinessProbe (httpGet, tcpSocket, exec or grpc) to the container";
    }
}
