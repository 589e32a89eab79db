package com.webgrip.deploy.age;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The client side of age plugins (C2SP age-plugin): a recipient {@code age1NAME1…} or an
 * identity {@code AGE-PLUGIN-NAME-1…} is handled by the executable {@code age-plugin-NAME},
 * found in the search path and spoken to over its standard input and output. {@link AgeKeys}
 * uses {@link #defaults(AgeUi)}; build your own to change the search path or the timeouts.
 *
 * <pre>{@code
 * AgePlugins plugins = AgePlugins.builder().ui(terminalUi).timeout(Duration.ofMinutes(2)).build();
 * Identity yubikey = plugins.identity("AGE-PLUGIN-YUBIKEY-1…");
 * }</pre>
 *
 * <p>A plugin name holds only letters, digits and {@code + - . _}, as in age v1.2.1; relative
 * folders of {@code PATH} are never searched.
 */
public final class AgePlugins {
    /** How long a plugin may stay silent (while the client waits for it) before it is stopped. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** After this long a silent plugin makes {@link AgeUi#waiting} run, as Go age's wait timer. */
    public static final Duration DEFAULT_WAIT_NOTICE = Duration.ofSeconds(5);

    private final AgeUi ui;
    private final List<Path> searchPath;
    private final Duration timeout;
    private final Duration waitNotice;
    private final ScheduledExecutorService scheduler;
    private final SecureRandom random;
    private final Redirect pluginStderr;
    private final Map<String, String> extraEnvironment;

    private AgePlugins(Builder builder) {
        this.ui = builder.ui;
        this.searchPath = List.copyOf(builder.searchPath);
        this.timeout = builder.timeout;
        this.waitNotice = builder.waitNotice;
        this.scheduler = builder.scheduler == null ? SchedulerHolder.SCHEDULER : builder.scheduler;
        this.random = builder.random == null ? AgeKeys.defaultRandom() : builder.random;
        this.pluginStderr = builder.pluginStderr;
        this.extraEnvironment = builder.extraEnvironment;
    }

    /** A builder with the defaults: no UI, {@code PATH}, {@link #DEFAULT_TIMEOUT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults with this UI. */
    public static AgePlugins defaults(AgeUi ui) {
        return builder().ui(ui).build();
    }

    /**
     * A plugin recipient, {@code age1NAME1…}. Nothing runs until it wraps a file key.
     *
     * @throws AgeKeyException when the text is not Bech32 or the plugin name is not allowed
     */
    public Recipient recipient(String encoded) throws AgeKeyException {
        return new PluginRecipient(this, PluginNames.ofRecipient(encoded), encoded.strip());
    }

    /**
     * A plugin identity, {@code AGE-PLUGIN-NAME-1…}. Nothing runs until it unwraps a header.
     *
     * @throws AgeKeyException when the text is not Bech32 or the plugin name is not allowed
     */
    public Identity identity(String encoded) throws AgeKeyException {
        return new PluginIdentity(this, PluginNames.ofIdentity(encoded), encoded.strip());
    }

    /**
     * A plugin identity without data (age's {@code -j NAME}): the plugin finds the keys itself,
     * for example in an agent or on a hardware token. Nothing runs until it unwraps a header.
     *
     * @throws AgeKeyException when the plugin name is not allowed
     */
    public Identity identityWithoutData(String name) throws AgeKeyException {
        if (!PluginNames.isValid(name)) {
            throw new AgeKeyException("plugin name " + SshPublicKey.printable(name)
                    + " is not allowed; expected letters, digits and + - . _ only");
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return new PluginIdentity(this, lower, Bech32.encodeUpper("age-plugin-" + lower + "-", new byte[0]));
    }

    /**
     * The recipient of a plugin identity (age's {@code -e -i}): the plugin is given the identity
     * ({@code add-identity}) and wraps to the key it names.
     *
     * @throws IllegalArgumentException when the identity is not a plugin identity
     */
    public Recipient recipientOf(Identity pluginIdentity) {
        if (!(pluginIdentity instanceof PluginIdentity identity)) {
            throw new IllegalArgumentException(
                    "identity of type " + pluginIdentity.typeName() + " is not a plugin identity");
        }
        return identity.recipient(this);
    }

    /** The folders of a {@code PATH} value that are absolute: relative ones are never searched. */
    static List<Path> searchPathOf(String pathVariable) {
        List<Path> folders = new ArrayList<>();
        for (String folder : pathVariable.split(File.pathSeparator, -1)) {
            if (!folder.isEmpty() && Path.of(folder).isAbsolute()) {
                folders.add(Path.of(folder));
            }
        }
        return folders;
    }

    /** The executable {@code age-plugin-NAME}, first in the search path. */
    Path executable(String name) throws AgePluginException {
        String file = PluginNames.executable(name);
        for (Path folder : searchPath) {
            Path candidate = folder.resolve(file);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new AgePluginException(
                name,
                AgePluginException.Reason.NOT_FOUND,
                "no executable " + file + " in the search path (" + searchPath.size() + " folders)");
    }

    AgeUi ui() {
        return ui;
    }

    Duration timeout() {
        return timeout;
    }

    Duration waitNotice() {
        return waitNotice;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    SecureRandom random() {
        return random;
    }

    Redirect pluginStderr() {
        return pluginStderr;
    }

    Map<String, String> extraEnvironment() {
        return extraEnvironment;
    }

    private static final class SchedulerHolder {
        static final ScheduledExecutorService SCHEDULER = newScheduler();

        private static ScheduledExecutorService newScheduler() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "age-plugin-timer");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }

    /** Builds {@link AgePlugins}; every setting has a default. */
    public static final class Builder {
        private AgeUi ui = AgeUi.nonInteractive();
        private List<Path> searchPath = searchPathOf(System.getenv().getOrDefault("PATH", ""));
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration waitNotice = DEFAULT_WAIT_NOTICE;
        private ScheduledExecutorService scheduler;
        private SecureRandom random;
        private Redirect pluginStderr = Redirect.DISCARD;
        private Map<String, String> extraEnvironment = Map.of();

        private Builder() {}

        /** Answers the plugins' messages and requests; default {@link AgeUi#nonInteractive()}. */
        public Builder ui(AgeUi ui) {
            this.ui = Objects.requireNonNull(ui, "ui");
            return this;
        }

        /** The folders searched for {@code age-plugin-NAME}, in order; default the absolute folders of PATH. */
        public Builder searchPath(List<Path> folders) {
            for (Path folder : folders) {
                if (!folder.isAbsolute()) {
                    throw new IllegalArgumentException("plugin folder " + folder + " is relative; expected absolute");
                }
            }
            this.searchPath = List.copyOf(folders);
            return this;
        }

        /** How long a plugin may be silent while the client waits for it; default 5 minutes. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** When {@link AgeUi#waiting} is called for a silent plugin; default 5 seconds. */
        public Builder waitNotice(Duration waitNotice) {
            this.waitNotice = positive(waitNotice, "waitNotice");
            return this;
        }

        /** Runs the timeout and wait-notice timers; default a shared daemon thread. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The source of the protocol's grease; default a shared {@link SecureRandom}. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Where the plugins' standard error goes; default discarded, as Go age does. */
        public Builder pluginStderr(Redirect redirect) {
            if (redirect.type() == Redirect.Type.PIPE) {
                throw new IllegalArgumentException(
                        "a piped standard error would never be read; use a file," + " INHERIT or DISCARD");
            }
            this.pluginStderr = redirect;
            return this;
        }

        /**
         * Variables a plugin gets on top of the few it inherits. A plugin does not receive the
         * JVM's whole environment (which often holds {@code SOPS_AGE_KEY}, {@code AGE_PASSPHRASE}
         * or cloud credentials), only {@code PATH}, {@code HOME}, {@code USER}, {@code LOGNAME},
         * {@code SHELL}, the temporary folder ({@code TMPDIR}, {@code TMP}, {@code TEMP}), the
         * locale ({@code LANG}, {@code LANGUAGE}, {@code LC_*}, {@code TZ}), {@code AGEDEBUG},
         * {@code SSH_AUTH_SOCK}, the XDG folders and Windows' system folders, when set. Give here
         * what a plugin needs beyond that, for example a PC/SC or TPM setting. Default none.
         *
         * @throws IllegalArgumentException when a name is empty or holds {@code =} or NUL
         */
        public Builder environment(Map<String, String> variables) {
            this.extraEnvironment = PluginEnvironment.checkedCopy(variables);
            return this;
        }

        /** The settings, fixed; the builder may be reused. */
        public AgePlugins build() {
            return new AgePlugins(this);
        }

        private static Duration positive(Duration duration, String what) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " is " + duration + "; expected a positive duration");
            }
            return duration;
        }
    }
}
