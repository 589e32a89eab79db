package com.webgrip.deploy.kubernetes;

import com.marcnuri.helm.Helm;
import com.webgrip.deploy.core.check.Manifest;
import com.webgrip.deploy.core.check.ManifestRenderer;
import com.webgrip.deploy.core.plan.Step;
import com.webgrip.deploy.helm.values.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Renders a step's chart with real Helm ({@code helm template}, through helm-java's bundled native
 * Helm), offline. The values go to Helm through a temporary file that only the owner can read and
 * that is deleted at once; validation passes masked values, so that file never holds a secret.
 *
 * <pre>{@code
 * ValidationReport report = Validator.builder(platform).renderer(new HelmManifestRenderer()).build().validate();
 * }</pre>
 */
public final class HelmManifestRenderer implements ManifestRenderer {

    /** A renderer; Helm's native library loads on first use (about a second). */
    public HelmManifestRenderer() {}

    @Override
    public List<Manifest> render(Step step, Map<String, Object> values) throws IOException {
        Path chart = step.chartDirectory()
                .orElseThrow(() -> new IOException("step " + step.chart() + " has no chart folder to render"));
        Path valuesFile = createPrivateTempFile();
        try {
            Files.writeString(valuesFile, Values.of(values).toYaml(), StandardCharsets.UTF_8);
            String rendered = new Helm(chart)
                    .template()
                    .withName(step.release())
                    .withNamespace(step.namespace())
                    .withValuesFile(valuesFile)
                    .call();
            return Manifest.parseAll(step.chart(), rendered);
        } catch (IllegalStateException e) {
            // helm-java reports Helm's own errors (template syntax, missing values) this way
            throw new IOException("helm template failed for " + chart + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(valuesFile);
        }
    }

    private static Path createPrivateTempFile() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    "webgrip-values-",
                    ".yaml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile("webgrip-values-", ".yaml");
    }

    @Override
    public String toString() {
        return "HelmManifestRenderer[helm-java]";
    }
}
