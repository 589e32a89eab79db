package com.webgrip.deploy.core.check;

import com.webgrip.deploy.helm.release.Release;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the templates Helm stores in a release ({@code chart.templates}: name and base64 data per file). */
final class HelmReleaseTemplates {
    private HelmReleaseTemplates() {}

    static ReleaseHistory index(Collection<com.webgrip.deploy.helm.release.ReleaseHistory> histories) {
        Map<String, ReleaseHistory.PreviousRelease> byRelease = new HashMap<>();
        for (com.webgrip.deploy.helm.release.ReleaseHistory history : histories) {
            Optional<Release> last = history.lastDeployed();
            if (last.isPresent()) {
                previous(last.get()).ifPresent(previous -> byRelease.put(key(last.get()), previous));
            }
        }
        Map<String, ReleaseHistory.PreviousRelease> frozen = Map.copyOf(byRelease);
        return (namespace, release) -> Optional.ofNullable(frozen.get(namespace + "/" + release));
    }

    private static String key(Release release) {
        return release.namespace() + "/" + release.name();
    }

    /** Empty when the stored chart holds no templates list: nothing to compare with. */
    static Optional<ReleaseHistory.PreviousRelease> previous(Release release) {
        Optional<Object> stored = release.chart().get("templates");
        if (stored.isEmpty() || !(stored.get() instanceof List<?> files)) {
            return Optional.empty();
        }
        Map<String, String> templates = new TreeMap<>();
        for (Object file : files) {
            if (!(file instanceof Map<?, ?> entry)
                    || !(entry.get("name") instanceof String name)
                    || !(entry.get("data") instanceof String data)) {
                return Optional.empty();
            }
            try {
                templates.put(name, new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.of(
                new ReleaseHistory.PreviousRelease(release.chartMetadata().version(), templates));
    }
}
