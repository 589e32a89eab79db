package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.graph.OrderFinding;
import com.webgrip.deploy.core.platform.ChartEntry;
import com.webgrip.deploy.core.platform.YamlTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A chart numbered before a chart it needs: a warning, an error in strict mode. */
final class ChartOrderCheck implements Check {
    @Override
    public String id() {
        return "chart-order";
    }

    @Override
    public String description() {
        return "no chart is numbered before a chart it needs";
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (OrderFinding order : context.platform().graph().orderFindings()) {
            Path file = context.platform()
                    .chart(order.chart())
                    .flatMap(ChartEntry::directory)
                    .map(dir -> dir.resolve("Chart.yaml"))
                    .orElse(null);
            int line = file == null ? 0 : YamlTree.read(file).lineOrParent("annotations.webgrip.com/needs");
            findings.add(Finding.of(
                    context.strict() ? Severity.ERROR : Severity.WARNING,
                    id(),
                    file,
                    line,
                    order.message(),
                    "renumber " + order.chart() + " above " + order.need()));
        }
        return findings;
    }
}
