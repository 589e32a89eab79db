package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.plan.Step;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Renders a step's chart into Kubernetes objects, as {@code helm template} does. The real-Helm
 * implementation lives in the {@code kubernetes} module; core never runs Helm itself.
 */
@FunctionalInterface
public interface ManifestRenderer {

    /**
     * Renders.
     *
     * @param step the step: chart folder, release, namespace
     * @param values the user values to render with (secrets masked during validation)
     * @return the objects, in the order Helm writes them
     */
    List<Manifest> render(Step step, Map<String, Object> values) throws IOException;
}
