package com.webgrip.deploy.core.health;

import java.util.Set;

/** Reason tokens that health checks report and policies react to; Kubernetes' own words where it has one. */
public final class Reasons {

    /** A container keeps crashing and the kubelet backs off restarting it. */
    public static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";

    /** A container was killed because it ran out of memory. */
    public static final String OOM_KILLED = "OOMKilled";

    /** The kubelet backs off pulling an image after failures. */
    public static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";

    /** An image could not be pulled. */
    public static final String ERR_IMAGE_PULL = "ErrImagePull";

    /** A Deployment did not progress within its progress deadline. */
    public static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

    /** A controller has not yet observed the latest generation of its object. */
    public static final String LATEST_GENERATION_NOT_OBSERVED = "LatestGenerationNotObserved";

    /** The health check itself failed (the cluster could not be read). */
    public static final String CHECK_FAILED = "CheckFailed";

    /** The reasons that mean a workload is broken rather than slow. */
    public static final Set<String> WORKLOAD_FAILURES =
            Set.of(CRASH_LOOP_BACK_OFF, OOM_KILLED, IMAGE_PULL_BACK_OFF, ERR_IMAGE_PULL);

    private Reasons() {}
}
