package com.webgrip.deploy.age;

import java.util.Objects;

/**
 * An age plugin ({@code age-plugin-NAME}, C2SP age-plugin) could not do its part: it is not on
 * the search path, it did not start, it stopped answering, it exited early, it broke the
 * protocol, or it reported an error. {@link #reason()} tells which; the message names the plugin
 * and never holds a file key or a secret the person typed.
 */
public class AgePluginException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong with the plugin. */
    public enum Reason {
        /** No executable {@code age-plugin-NAME} in the search path. */
        NOT_FOUND,
        /** The executable was found but could not be started. */
        FAILED_TO_START,
        /** The plugin sent nothing for longer than the configured timeout; it was stopped. */
        TIMED_OUT,
        /** The plugin closed its output or exited before the protocol was done. */
        EXITED,
        /** The plugin sent something the protocol does not allow. */
        PROTOCOL,
        /** The plugin reported an error (its {@code error} command). */
        PLUGIN_ERROR
    }

    private final String pluginName;
    private final Reason reason;

    /** An error of the plugin {@code age-plugin-pluginName}; the message says what happened. */
    public AgePluginException(String pluginName, Reason reason, String message) {
        super("age plugin \"" + pluginName + "\": " + message);
        this.pluginName = Objects.requireNonNull(pluginName, "pluginName");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** An error of the plugin {@code age-plugin-pluginName} with its cause. */
    public AgePluginException(String pluginName, Reason reason, String message, Throwable cause) {
        this(pluginName, reason, message);
        initCause(cause);
    }

    /** The plugin's name, as in {@code age-plugin-NAME}. */
    public String pluginName() {
        return pluginName;
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
