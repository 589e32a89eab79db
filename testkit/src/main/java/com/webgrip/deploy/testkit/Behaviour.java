package com.webgrip.deploy.testkit;

/** How the workload of one simulated revision behaves once deployed. */
enum Behaviour {
    /** Becomes Current after the script's ready delay. */
    HEALTHY,
    /** Crash-loops once its pods start: Failed with reason CrashLoopBackOff. */
    CRASH_LOOP,
    /** Its containers are OOM-killed: Failed with reason OOMKilled. */
    OOM_KILLED,
    /** Its image cannot be pulled: Failed with reason ImagePullBackOff. */
    IMAGE_PULL_FAILS,
    /** Never becomes ready: stays InProgress, so its step times out. */
    NEVER_READY
}
