package com.webgrip.deploy.helm.release;

import com.webgrip.deploy.helm.HelmInputException;

/** A stored release record that cannot be decoded: bad base64, a gzip stream too large or broken, bad JSON. */
public final class ReleaseCodecException extends HelmInputException {
    private static final long serialVersionUID = 1L;

    ReleaseCodecException(String source, String problem) {
        super(source, 0, problem);
    }

    ReleaseCodecException(String source, String problem, Throwable cause) {
        super(source, 0, problem, cause);
    }
}
