package com.webgrip.deploy.helm.chart;

import java.util.Objects;

/**
 * A chart maintainer from Chart.yaml; absent fields are empty strings.
 *
 * @param name the maintainer's name
 * @param email the e-mail address, or empty
 * @param url a URL, or empty
 */
public record Maintainer(String name, String email, String url) {
    /** Validates that no field is null. */
    public Maintainer {
        Objects.requireNonNull(name, "name required");
        Objects.requireNonNull(email, "email required");
        Objects.requireNonNull(url, "url required");
    }
}
