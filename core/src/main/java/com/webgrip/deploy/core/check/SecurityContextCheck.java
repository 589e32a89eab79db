package com.webgrip.deploy.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every container runs as non-root (its own or the pod's {@code runAsNonRoot: true}), cannot gain
 * privileges ({@code allowPrivilegeEscalation: false}) and has a read-only root filesystem.
 */
final class SecurityContextCheck extends ManifestCheck {
    @Override
    public String id() {
        return "security-context";
    }

    @Override
    public String description() {
        return "containers run as non-root, without privilege escalation, on a read-only root filesystem";
    }

    @Override
    List<String> problems(Manifest manifest, Map<?, ?> podSpec) {
        List<String> out = new ArrayList<>();
        Map<?, ?> pod = Workloads.map(podSpec.get("securityContext")).orElse(Map.of());
        for (Workloads.Container c : Workloads.containers(podSpec, true)) {
            Map<?, ?> own = Workloads.map(c.spec().get("securityContext")).orElse(Map.of());
            Object nonRoot = own.containsKey("runAsNonRoot") ? own.get("runAsNonRoot") : pod.get("runAsNonRoot");
            if (!Boolean.TRUE.equals(nonRoot)) {
                out.add(c.label() + " does not set runAsNonRoot: true");
            }
            if (!Boolean.FALSE.equals(own.get("allowPrivilegeEscalation"))) {
                out.add(c.label() + " does not set allowPrivilegeEscalation: false");
            }
            if (!Boolean.TRUE.equals(own.get("readOnlyRootFilesystem"))) {
                out.add(c.label() + " does not set readOnlyRootFilesystem: true");
            }
        }
        return out;
    }

    @Override
    String hint() {
        return "set securityContext with runAsNonRoot: true, allowPrivilegeEscalation: false and"
                + " readOnlyRootFilesystem: true";
    }
}
