package com.webgrip.deploy.core.check;

import java.io.IOException;
import java.util.List;

/**
 * A pre-deployment check over the platform, the plan and the rendered manifests. The built-in checks
 * come with {@link Validator}; others are found with {@link java.util.ServiceLoader} (list the class
 * in {@code META-INF/services/com.webgrip.deploy.core.check.Check}; it needs a public no-argument
 * constructor).
 */
public interface Check {

    /** A short, stable id, e.g. {@code resources}; findings carry it. */
    String id();

    /** One sentence on what the check checks. */
    String description();

    /** Runs the check. A check that cannot run fully says so with an {@link Severity#INFO} finding. */
    List<Finding> run(CheckContext context) throws IOException;
}
