package com.webgrip.deploy.core.policy;

import com.webgrip.deploy.core.health.HealthTarget;
import java.util.List;

/** Where security findings about a deployed release come from, such as an image scanner's report. */
@FunctionalInterface
public interface FindingSource {

    /** A source that never finds anything. */
    FindingSource NONE = target -> List.of();

    /**
     * The current findings about a release revision.
     *
     * @param target the release revision
     * @return the findings, empty when there are none
     */
    List<SecurityFinding> findings(HealthTarget target);
}
