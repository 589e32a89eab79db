package com.webgrip.deploy.core.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One environment of the platform (development, staging, production, or the single {@code
 * default}): its replicas, resources and ingress host (given to every chart as values), where its
 * releases go, who may read its secrets, and whether a rollout needs a person's approval.
 *
 * <pre>{@code
 * Environment staging = Environment.builder("staging").replicas(2).ingressHost("staging.example.com").build();
 * }</pre>
 */
public final class Environment {
    /** The environment of an {@code ops/} tree without {@code environments.yaml}. */
    public static final String DEFAULT = "default";

    static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern RECIPIENT = Pattern.compile("age1[02-9ac-hj-np-z]{8,}|ssh-(ed25519|rsa) \\S+.*");

    private final String name;
    private final OptionalInt replicas;
    private final Map<String, Object> resources;
    private final Optional<String> ingressHost;
    private final Optional<String> namespace;
    private final List<String> recipients;
    private final boolean approvalRequired;
    private final Optional<Duration> timeout;
    private final OptionalInt concurrency;
    private final Map<String, Object> values;

    private Environment(Builder b) {
        this.name = b.name;
        this.replicas = b.replicas;
        this.resources = Values.immutableCopy(b.resources);
        this.ingressHost = Optional.ofNullable(b.ingressHost);
        this.namespace = Optional.ofNullable(b.namespace);
        this.recipients = List.copyOf(b.recipients);
        this.approvalRequired = b.approvalRequired;
        this.timeout = Optional.ofNullable(b.timeout);
        this.concurrency = b.concurrency;
        this.values = Values.immutableCopy(b.values);
    }

    /** The environment without settings: the one an {@code ops/} tree without environments file has. */
    public static Environment named(String name) {
        return builder(name).build();
    }

    /** A builder for an environment. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The name, a DNS-1123 label. */
    public String name() {
        return name;
    }

    /** Replicas for every chart ({@code replicaCount}), when set. */
    public OptionalInt replicas() {
        return replicas;
    }

    /** Resources for every chart ({@code resources}: requests and limits), empty when unset. */
    public Map<String, Object> resources() {
        return resources;
    }

    /** The ingress host for every chart ({@code ingress.host}), when set. */
    public Optional<String> ingressHost() {
        return ingressHost;
    }

    /**
     * The namespace pattern for charts without {@code webgrip.com/namespace}: a name, where {@code
     * {release}} and {@code {environment}} are replaced. Unset means the release name.
     */
    public Optional<String> namespace() {
        return namespace;
    }

    /** The age recipients allowed to read this environment's secrets. */
    public List<String> recipients() {
        return recipients;
    }

    /** Whether a rollout to this environment needs a person's approval. */
    public boolean approvalRequired() {
        return approvalRequired;
    }

    /** The timeout of each step, when the environment sets one. */
    public Optional<Duration> timeout() {
        return timeout;
    }

    /** How many steps of a wave may run at once, when the environment limits it. */
    public OptionalInt concurrency() {
        return concurrency;
    }

    /** Extra values given to every chart. */
    public Map<String, Object> values() {
        return values;
    }

    /** The namespace of a release without its own: the pattern filled in, or the release name. */
    public String namespaceFor(String release) {
        return namespace
                .map(pattern -> pattern.replace("{release}", release).replace("{environment}", name))
                .orElse(release);
    }

    /**
     * The values every chart gets from this environment: {@code replicaCount}, {@code resources},
     * {@code ingress.host}, then {@link #values()} over them.
     */
    public Map<String, Object> chartValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        replicas.ifPresent(count -> out.put("replicaCount", count));
        if (!resources.isEmpty()) {
            out.put("resources", resources);
        }
        ingressHost.ifPresent(host -> out.put("ingress", Map.of("host", host)));
        return Values.merge(out, values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Environment[").append(name);
        replicas.ifPresent(count -> text.append(", replicas ").append(count));
        ingressHost.ifPresent(host -> text.append(", host ").append(host));
        namespace.ifPresent(pattern -> text.append(", namespace ").append(pattern));
        if (!recipients.isEmpty()) {
            text.append(", ").append(recipients.size()).append(recipients.size() == 1 ? " recipient" : " recipients");
        }
        if (approvalRequired) {
            text.append(", approval required");
        }
        return text.append(']').toString();
    }

    /** Builds an {@link Environment}; every setter checks its value. */
    public static final class Builder {
        private final String name;
        private OptionalInt replicas = OptionalInt.empty();
        private Map<String, Object> resources = Map.of();
        private String ingressHost;
        private String namespace;
        private final List<String> recipients = new ArrayList<>();
        private boolean approvalRequired;
        private Duration timeout;
        private OptionalInt concurrency = OptionalInt.empty();
        private Map<String, Object> values = Map.of();

        private Builder(String name) {
            Objects.requireNonNull(name, "environment name required");
            if (name.length() > 63 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "environment name '" + name + "' is not a DNS-1123 label (lower case, digits, '-')");
            }
            this.name = name;
        }

        /** Replicas for every chart. */
        public Builder replicas(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("replicas must be 0 or more, found " + count);
            }
            this.replicas = OptionalInt.of(count);
            return this;
        }

        /** Resources for every chart, e.g. {@code Map.of("requests", Map.of("cpu", "50m"))}. */
        public Builder resources(Map<String, Object> value) {
            for (String key : value.keySet()) {
                if (!key.equals("requests") && !key.equals("limits")) {
                    throw new IllegalArgumentException(
                            "resources may hold 'requests' and 'limits', found '" + key + "'");
                }
            }
            this.resources = value;
            return this;
        }

        /** The ingress host for every chart. */
        public Builder ingressHost(String host) {
            this.ingressHost = Objects.requireNonNull(host, "host required");
            return this;
        }

        /** The namespace pattern; {@code {release}} and {@code {environment}} are filled in. */
        public Builder namespace(String pattern) {
            Objects.requireNonNull(pattern, "namespace required");
            String probe = pattern.replace("{release}", "r").replace("{environment}", "e");
            if (!NAME.matcher(probe).matches()) {
                throw new IllegalArgumentException("namespace '" + pattern
                        + "' does not make a DNS-1123 label (lower case, digits, '-', {release}, {environment})");
            }
            this.namespace = pattern;
            return this;
        }

        /** Adds age recipients that may read this environment's secrets. */
        public Builder recipients(String... values) {
            for (String recipient : values) {
                if (!RECIPIENT.matcher(recipient).matches()) {
                    throw new IllegalArgumentException("expected an age recipient (age1…) or an ssh public key,"
                            + " found '" + abbreviate(recipient) + "'");
                }
                recipients.add(recipient);
            }
            return this;
        }

        /** Whether a rollout needs a person's approval. */
        public Builder approvalRequired(boolean value) {
            this.approvalRequired = value;
            return this;
        }

        /** The timeout of each step. */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, found " + value);
            }
            this.timeout = value;
            return this;
        }

        /** How many steps of a wave may run at once. */
        public Builder concurrency(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("concurrency must be 1 or more, found " + limit);
            }
            this.concurrency = OptionalInt.of(limit);
            return this;
        }

        /** Extra values for every chart. */
        public Builder values(Map<String, Object> value) {
            this.values = Objects.requireNonNull(value, "values required");
            return this;
        }

        /** The environment. */
        public Environment build() {
            return new Environment(this);
        }

        private static String abbreviate(String text) {
            return text.length() <= 16 ? text : text.substring(0, 16) + "…";
        }
    }
}
