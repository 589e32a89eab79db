package com.webgrip.deploy.kubernetes;

import com.marcnuri.helm.Helm;
import com.webgrip.deploy.core.check.Manifest;
import com.webgrip.deploy.core.check.ManifestRenderer;
import com.webgrip.deploy.core.plan.Step;
import com.webgrip.deploy.helm.values.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a step's chart with real Helm ({@code helm template}, through helm-java's bundled native
 * Helm), offline. The values go to Helm through a file in a fresh folder that only the owner can
 * enter, deleted with its folder as soon as Helm returns or fails. Pass masked values
 * ({@link Step#maskedValues()}), as validation does: the file must never hold a secret, because a
 * crash or {@code kill -9} during rendering leaves it on disk.
 *
 * <pre>{@code
 * ValidationReport report = Validator.builder(platform).renderer(new HelmManifestRenderer()).build().validate();
 * }</pre>
 */
public final class HelmManifestRenderer implements ManifestRenderer {

    private final Path tempRoot;

    /** A renderer; Helm's native library loads on first use (about a second). */
    public HelmManifestRenderer() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * A renderer that makes its private values folders under the given folder instead of the system's temp folder.
     *
     * @param tempRoot where each render's private values folder is made and deleted
     */
    public HelmManifestRenderer(Path tempRoot) {
        this.tempRoot = Objects.requireNonNull(tempRoot, "tempRoot required");
    }

    @Override
    public List<Manifest> render(Step step, Map<String, Object> values) throws IOException {
        Path chart = step.chartDirectory()
                .orElseThrow(() -> new IOException("step " + step.chart() + " has no chart folder to render"));
        try (PrivateValuesFile valuesFile =
                PrivateValuesFile.write(tempRoot, Values.of(values).toYaml())) {
            String rendered = new Helm(chart)
                    .template()
                    .withName(step.release())
                    .withNamespace(step.namespace())
                    .withValuesFile(valuesFile.path())
                    .call();
            return Manifest.parseAll(step.chart(), rendered);
        } catch (IllegalStateException e) {
            // helm-java reports Helm's own errors (template syntax, missing values) this way
            throw new IOException("helm template failed for " + chart + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HelmManifestRenderer[helm-java]";
    }
}
