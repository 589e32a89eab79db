package com.webgrip.deploy.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every image is pinned: a tag other than {@code latest}, or a digest. */
final class ImageTagCheck extends ManifestCheck {
    @Override
    public String id() {
        return "image-tag";
    }

    @Override
    public String description() {
        return "every image has a tag other than latest, or a digest";
    }

    @Override
    List<String> problems(Manifest manifest, Map<?, ?> podSpec) {
        List<String> out = new ArrayList<>();
        for (Workloads.Container c : Workloads.containers(podSpec, true)) {
            Object image = c.spec().get("image");
            if (!(image instanceof String ref) || ref.isBlank()) {
                out.add(c.label() + " has no image");
                continue;
            }
            if (ref.contains("@sha256:")) {
                continue;
            }
            int slash = ref.lastIndexOf('/');
            int colon = ref.lastIndexOf(':');
            if (colon <= slash) {
                out.add(c.label() + " uses image " + ref + " without a tag (that means latest)");
            } else if (ref.substring(colon + 1).equals("latest")) {
                out.add(c.label() + " uses image " + ref + " with the latest tag");
            }
        }
        return out;
    }

    @Override
    String hint() {
        return "pin the image to a version tag (image.tag) or a digest (@sha256:…)";
    }
}
