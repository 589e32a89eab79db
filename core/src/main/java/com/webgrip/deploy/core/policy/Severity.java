package com.webgrip.deploy.core.policy;

/** The severity of a security finding, lowest first. */
public enum Severity {
    /** Low. */
    LOW,
    /** Medium. */
    MEDIUM,
    /** High. */
    HIGH,
    /** Critical. */
    CRITICAL
}
