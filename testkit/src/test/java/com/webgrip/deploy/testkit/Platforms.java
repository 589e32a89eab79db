package com.webgrip.deploy.testkit;

import com.webgrip.deploy.core.deploy.ChartRef;
import com.webgrip.deploy.core.policy.RollbackPolicy;
import com.webgrip.deploy.core.run.RunPlan;
import com.webgrip.deploy.core.run.RunStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The platform of the design as a run plan: waves [005], [007], [010, 060], [020], [030], [040], [045], [950]. */
final class Platforms {

    static final List<List<String>> WAVES = List.of(
            List.of("005-tainters"),
            List.of("007-cluster-monitoring"),
            List.of("010-cert-manager", "060-grafana-stack"),
            List.of("020-cluster-issuers"),
            List.of("030-ingress-controllers"),
            List.of("040-gha-runners-controller"),
            List.of("045-gha-runners"),
            List.of("950-example-services"));

    private Platforms() {}

    static String release(String chart) {
        return chart.replaceFirst("^\\d+-", "");
    }

    static String namespace(String chart) {
        return "ns-" + release(chart);
    }

    static RunPlan plan() {
        return plan(step -> step);
    }

    static RunPlan plan(String chart, RollbackPolicy policy) {
        return plan(step -> step.chart().equals(chart) ? step.withPolicy(policy) : step);
    }

    static RunPlan plan(UnaryOperator<RunStep> change) {
        List<List<RunStep>> waves = new ArrayList<>();
        for (List<String> wave : WAVES) {
            List<RunStep> steps = new ArrayList<>();
            for (String chart : wave) {
                RunStep step = RunStep.of(chart, release(chart), namespace(chart))
                        .withChart(new ChartRef(release(chart), "2.0.0", Optional.empty()))
                        .withValues(() -> Map.of("replicaCount", 2));
                steps.add(change.apply(step));
            }
            waves.add(steps);
        }
        return RunPlan.of("staging", waves);
    }
}
