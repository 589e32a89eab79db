package com.webgrip.deploy.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartGraphTest {

    /** The platform of DESIGN.md, declared out of order on purpose. */
    static List<ChartNode> platform() {
        return List.of(
                ChartNode.of(
                        "950-example-services",
                        950,
                        "005-tainters",
                        "007-cluster-monitoring",
                        "010-cert-manager",
                        "020-cluster-issuers",
                        "030-ingress-controllers",
                        "040-gha-runners-controller",
                        "045-gha-runners",
                        "060-grafana-stack"),
                ChartNode.of("060-grafana-stack", 60, List.of("007-cluster-monitoring"), Set.of("monitoring")),
                ChartNode.of("045-gha-runners", 45, "040-gha-runners-controller"),
                ChartNode.of("040-gha-runners-controller", 40, "030-ingress-controllers"),
                ChartNode.of("030-ingress-controllers", 30, "020-cluster-issuers"),
                ChartNode.of("020-cluster-issuers", 20, "010-cert-manager"),
                ChartNode.of("010-cert-manager", 10, "007-cluster-monitoring"),
                ChartNode.of("007-cluster-monitoring", 7, List.of("005-tainters"), Set.of("monitoring")),
                ChartNode.of("005-tainters", 5));
    }

    @Test
    void ordersThePlatformIntoTheWavesOfTheDesign() {
        var graph = ChartGraph.of(platform());

        assertThat(graph.toString())
                .isEqualTo("[[005-tainters], [007-cluster-monitoring], [010-cert-manager, 060-grafana-stack],"
                        + " [020-cluster-issuers], [030-ingress-controllers], [040-gha-runners-controller],"
                        + " [045-gha-runners], [950-example-services]]");
        assertThat(graph.waveOf("060-grafana-stack")).isEqualTo(2);
    }

    @Test
    void tearsDownInTheReverseOrder() {
        var graph = ChartGraph.of(platform());

        assertThat(graph.teardownWaves().get(0)).extracting(ChartNode::name).containsExactly("950-example-services");
        assertThat(graph.teardownWaves().get(5))
                .extracting(ChartNode::name)
                .containsExactly("010-cert-manager", "060-grafana-stack");
        assertThat(graph.teardownWaves().get(7)).extracting(ChartNode::name).containsExactly("005-tainters");
    }

    @Test
    void reportsACycleAsItsPathInDeploymentOrder() {
        List<ChartNode> charts = List.of(
                ChartNode.of("007-cluster-monitoring", 7),
                ChartNode.of("010-cert-manager", 10, "007-cluster-monitoring", "020-cluster-issuers"),
                ChartNode.of("020-cluster-issuers", 20, "010-cert-manager"));

        assertThatThrownBy(() -> ChartGraph.of(charts))
                .isInstanceOfSatisfying(ChartGraphException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ChartGraphException.Kind.CYCLE);
                    assertThat(e.charts())
                            .containsExactly("010-cert-manager", "020-cluster-issuers", "010-cert-manager");
                })
                .hasMessageContaining("010-cert-manager → 020-cluster-issuers → 010-cert-manager");
    }

    @Test
    void reportsAChartThatNeedsItselfAsACycleOfOne() {
        assertThatThrownBy(() -> ChartGraph.of(List.of(ChartNode.of("005-tainters", 5, "005-tainters"))))
                .hasMessageContaining("005-tainters → 005-tainters");
    }

    @Test
    void namesBothChartsOfAMissingNeed() {
        List<ChartNode> charts = List.of(ChartNode.of("020-cluster-issuers", 20, "011-cert-manager"));

        assertThatThrownBy(() -> ChartGraph.of(charts))
                .isInstanceOfSatisfying(
                        ChartGraphException.class,
                        e -> assertThat(e.kind()).isEqualTo(ChartGraphException.Kind.MISSING_NEED))
                .hasMessage("chart 020-cluster-issuers needs 011-cert-manager, which is not a chart of the platform");
    }

    @Test
    void rejectsTwoChartsWithOneNumber() {
        List<ChartNode> charts = List.of(ChartNode.of("010-cert-manager", 10), ChartNode.of("010-other", 10));

        assertThatThrownBy(() -> ChartGraph.of(charts))
                .hasMessage("charts 010-cert-manager and 010-other both have order number 10");
    }

    @Test
    void rejectsTwoChartsWithOneName() {
        List<ChartNode> charts = List.of(ChartNode.of("010-cert-manager", 10), ChartNode.of("010-cert-manager", 11));

        assertThatThrownBy(() -> ChartGraph.of(charts)).hasMessage("two charts are named 010-cert-manager");
    }

    @Test
    void findsAChartNumberedBeforeAChartItNeeds() {
        var graph = ChartGraph.of(List.of(ChartNode.of("010-a", 10, "020-b"), ChartNode.of("020-b", 20)));

        assertThat(graph.orderFindings()).containsExactly(new OrderFinding("010-a", "020-b"));
        assertThat(graph.toString()).isEqualTo("[[020-b], [010-a]]");
        assertThat(ChartGraph.of(platform()).orderFindings()).isEmpty();
    }

    @Test
    void selectsARangeWithItsNeeds() {
        var graph = ChartGraph.of(platform());

        GraphSelection selection = graph.select(List.of(Selector.parse("020-030")), true);

        assertThat(selection.charts())
                .containsExactly(
                        "005-tainters",
                        "007-cluster-monitoring",
                        "010-cert-manager",
                        "020-cluster-issuers",
                        "030-ingress-controllers");
        assertThat(selection.addedNeeds())
                .containsExactly("005-tainters", "007-cluster-monitoring", "010-cert-manager");
        assertThat(selection.droppedNeeds()).isEmpty();
    }

    @Test
    void reportsTheNeedsASelectionWithoutNeedsDrops() {
        var graph = ChartGraph.of(platform());

        GraphSelection selection = graph.select(List.of(Selector.parse("cert-manager")), false);

        assertThat(selection.charts()).containsExactly("010-cert-manager");
        assertThat(selection.droppedNeeds())
                .containsExactly(new GraphSelection.DroppedNeed("010-cert-manager", "007-cluster-monitoring"));
    }

    @Test
    void selectsByLabelNumberAndFolderName() {
        var graph = ChartGraph.of(platform());

        assertThat(graph.select(List.of(Selector.parse("label=monitoring")), false)
                        .charts())
                .containsExactly("007-cluster-monitoring", "060-grafana-stack");
        assertThat(graph.select(List.of(Selector.parse("045")), false).charts()).containsExactly("045-gha-runners");
        assertThat(graph.select(List.of(Selector.parse("005-tainters"), Selector.parse("950")), false)
                        .charts())
                .containsExactly("005-tainters", "950-example-services");
    }

    @Test
    void rejectsASelectorThatMatchesNothing() {
        var graph = ChartGraph.of(platform());

        assertThatThrownBy(() -> graph.select(List.of(Selector.parse("100-200")), true))
                .hasMessage("selector 100-200 matches no chart");
        assertThatThrownBy(() -> Selector.parse("045-010")).hasMessageContaining("range 45-10 is empty");
    }

    @Test
    void recomputesWavesOverASubgraph() {
        var graph = ChartGraph.of(platform());

        var sub = graph.subgraph(
                graph.select(List.of(Selector.parse("grafana-stack")), true).charts());

        assertThat(sub.toString()).isEqualTo("[[005-tainters], [007-cluster-monitoring], [060-grafana-stack]]");
        assertThat(graph.subgraph(List.of("005-tainters", "045-gha-runners")).toString())
                .isEqualTo("[[005-tainters, 045-gha-runners]]");
    }

    @Test
    void listsTransitiveDependentsAndNeeds() {
        var graph = ChartGraph.of(platform());

        assertThat(graph.dependentsOf("030-ingress-controllers"))
                .extracting(ChartNode::name)
                .containsExactly("040-gha-runners-controller", "045-gha-runners", "950-example-services");
        assertThat(graph.needsOf("020-cluster-issuers"))
                .extracting(ChartNode::name)
                .containsExactly("005-tainters", "007-cluster-monitoring", "010-cert-manager");
    }

    @Test
    void findsTheCriticalPathUnweightedAndWeighted() {
        var graph = ChartGraph.of(platform());

        assertThat(graph.criticalPath())
                .extracting(ChartNode::name)
                .containsExactly(
                        "005-tainters",
                        "007-cluster-monitoring",
                        "010-cert-manager",
                        "020-cluster-issuers",
                        "030-ingress-controllers",
                        "040-gha-runners-controller",
                        "045-gha-runners",
                        "950-example-services");
        assertThat(graph.criticalPath(chart -> chart.name().equals("060-grafana-stack") ? 100 : 1))
                .extracting(ChartNode::name)
                .containsExactly("005-tainters", "007-cluster-monitoring", "060-grafana-stack", "950-example-services");
    }

    @Test
    void anEmptyGraphHasNoWaves() {
        var graph = ChartGraph.of(List.<ChartNode>of());

        assertThat(graph.waves()).isEmpty();
        assertThat(graph.criticalPath()).isEmpty();
    }
}
