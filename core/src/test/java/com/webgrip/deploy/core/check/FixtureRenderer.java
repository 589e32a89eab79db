package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.plan.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Renders every step as a pre-rendered fixture from test resources, as helm template would print it. */
record FixtureRenderer(Map<String, String> resourceByChart) implements ManifestRenderer {
    @Override
    public List<Manifest> render(Step step, Map<String, Object> values) throws IOException {
        String resource = resourceByChart.get(step.chart());
        if (resource == null) {
            return List.of();
        }
        try (InputStream in = FixtureRenderer.class.getResourceAsStream("/check/" + resource)) {
            if (in == null) {
                throw new IOException("no fixture " + resource);
            }
            return Manifest.parseAll(step.chart(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
