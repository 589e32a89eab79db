package com.webgrip.deploy.helm.values;

/**
 * A {@code --set}, {@code --set-string}, {@code --set-json}, {@code --set-file} or {@code --set-literal} expression
 * that Helm would reject. The message names the flag, the key and the problem, never the value being set.
 */
public final class InvalidSetExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidSetExpressionException(String flag, String problem) {
        super(flag + ": " + problem);
    }
}
