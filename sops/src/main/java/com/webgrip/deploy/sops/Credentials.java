package com.webgrip.deploy.sops;

import com.webgrip.deploy.age.Identity;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What master key providers may use: age identities, PGP keys, the environment (for SPI providers
 * that read their own settings), a clock and a source of randomness. Nothing here is read from the
 * process environment unless the caller put it there ({@link SopsEnvironment} does that on
 * request). Immutable; build with {@link #builder()}.
 */
public final class Credentials {
    private final List<Identity> ageIdentities;
    private final List<String> ageIdentityNames;
    private final PgpKeyring pgpKeys;
    private final Map<String, String> environment;
    private final Clock clock;
    private final SecureRandom random;

    private Credentials(Builder b) {
        this.ageIdentities = List.copyOf(b.ageIdentities);
        this.ageIdentityNames = List.copyOf(b.ageIdentityNames);
        this.pgpKeys = b.pgpKeys;
        this.environment = Map.copyOf(b.environment);
        this.clock = b.clock;
        this.random = b.random;
    }

    /** No credentials: enough to encrypt to age recipients. */
    public static Credentials none() {
        return builder().build();
    }

    /** A builder with the system clock and a default {@link SecureRandom}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The age identities to try, in order. */
    public List<Identity> ageIdentities() {
        return ageIdentities;
    }

    /** How each age identity is named in messages ({@code type:public-part}), in the same order. */
    public List<String> ageIdentityNames() {
        return ageIdentityNames;
    }

    /** The PGP keys (secret keys to decrypt, public keys to encrypt). */
    public PgpKeyring pgpKeys() {
        return pgpKeys;
    }

    /** Environment variables given by the caller, for SPI providers. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The clock for {@code created_at} and {@code lastmodified}. */
    public Clock clock() {
        return clock;
    }

    /** The source of data keys, IVs and Shamir coefficients. */
    public SecureRandom random() {
        return random;
    }

    /** A builder of {@link Credentials}. */
    public static final class Builder {
        private final List<Identity> ageIdentities = new ArrayList<>();
        private final List<String> ageIdentityNames = new ArrayList<>();
        private PgpKeyring pgpKeys = PgpKeyring.empty();
        private Map<String, String> environment = Map.of();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();

        private Builder() {}

        /** Adds an age identity, named in messages by its type and public key (never the secret). */
        public Builder ageIdentity(Identity identity) {
            return ageIdentity(identity, AgeKeyProvider.describe(identity));
        }

        /** Adds an age identity with its message name ({@code type:public-part}; never the secret). */
        public Builder ageIdentity(Identity identity, String name) {
            ageIdentities.add(Objects.requireNonNull(identity, "identity"));
            ageIdentityNames.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** Adds age identities, each named by its type and public key. */
        public Builder ageIdentities(List<? extends Identity> identities) {
            identities.forEach(this::ageIdentity);
            return this;
        }

        /** Sets the PGP keys. */
        public Builder pgpKeys(PgpKeyring keys) {
            this.pgpKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** Sets the environment map handed to SPI providers. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Sets the clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the source of randomness. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The credentials. */
        public Credentials build() {
            return new Credentials(this);
        }
    }
}
