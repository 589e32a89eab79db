package com.webgrip.deploy.helm.semver;

/** A version or a version constraint that does not follow the syntax Helm accepts. */
public final class InvalidVersionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidVersionException(String message) {
        super(message);
    }
}
