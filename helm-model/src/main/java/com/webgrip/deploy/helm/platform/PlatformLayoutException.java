package com.webgrip.deploy.helm.platform;

import com.webgrip.deploy.helm.HelmInputException;
import java.util.Objects;

/** An {@code ops/helm/} folder that breaks the platform's layout rules; {@link #kind()} says which rule. */
public final class PlatformLayoutException extends HelmInputException {
    private static final long serialVersionUID = 1L;

    /** The rule that was broken. */
    public enum Kind {
        /** A folder name that is not {@code NNN-name}. */
        MALFORMED_FOLDER_NAME,
        /** Two folders with one order number. */
        DUPLICATE_ORDER,
        /** A chart folder without a Chart.yaml. */
        MISSING_CHART_YAML,
        /** A {@code webgrip.com/needs} entry that is not a chart folder name, or is listed twice. */
        INVALID_NEEDS,
        /** A release name (from {@code webgrip.com/release} or the folder) that Helm would refuse. */
        INVALID_RELEASE_NAME,
        /** A {@code webgrip.com/namespace} that is not a Kubernetes namespace name. */
        INVALID_NAMESPACE,
        /** The {@code ops/helm} folder itself is missing. */
        MISSING_HELM_FOLDER
    }

    private final Kind kind;

    PlatformLayoutException(Kind kind, String source, int line, String problem) {
        super(source, line, problem);
        this.kind = Objects.requireNonNull(kind, "kind required");
    }

    /** Returns the rule that was broken. */
    public Kind kind() {
        return kind;
    }
}
