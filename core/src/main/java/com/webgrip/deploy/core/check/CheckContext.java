package com.webgrip.deploy.core.check;

import com.webgrip.deploy.core.plan.DeploymentPlan;
import com.webgrip.deploy.core.platform.Platform;
import com.webgrip.deploy.core.platform.SecretDecryptor;
import java.util.List;
import java.util.Optional;

/**
 * What a check may look at: the platform, the plan of one environment, the manifests rendered for it
 * (empty when no renderer was given), the release history, a way to open SOPS files (to verify their
 * MAC; the plaintext is dropped at once), and whether strict mode is on.
 *
 * @param platform the platform
 * @param plan the plan being validated
 * @param manifests the rendered objects of every step, in plan order
 * @param rendered whether a renderer ran (false: manifest checks have nothing to look at)
 * @param releases the release history
 * @param decryptor opens SOPS files, when keys were given
 * @param strict whether warnings that strict mode promotes become errors
 */
public record CheckContext(
        Platform platform,
        DeploymentPlan plan,
        List<Manifest> manifests,
        boolean rendered,
        ReleaseHistory releases,
        Optional<SecretDecryptor> decryptor,
        boolean strict) {

    /** Copies the list. */
    public CheckContext {
        manifests = List.copyOf(manifests);
    }

    /** The manifests of one chart. */
    public List<Manifest> manifests(String chart) {
        return manifests.stream().filter(m -> m.chart().equals(chart)).toList();
    }
}
