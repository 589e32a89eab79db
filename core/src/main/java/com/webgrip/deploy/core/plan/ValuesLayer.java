package com.webgrip.deploy.core.plan;

import java.util.Map;
import java.util.Objects;

/**
 * One layer of a step's values. Layers are merged in the order a step lists them, later layers
 * winning, by Helm's rules: maps merge deeply, lists and scalars replace, {@code null} removes.
 */
public sealed interface ValuesLayer {

    /** Where a layer comes from; a step lists its layers in this order. */
    enum Kind {
        /** The chart's own {@code values.yaml}. */
        CHART_DEFAULTS,
        /** Values the environment sets for every chart ({@code environments.yaml}). */
        ENVIRONMENT,
        /** The chart's {@code values-ENV.yaml}. */
        ENVIRONMENT_FILE,
        /** A SOPS file under {@code secrets/}: {@code values.sops.yaml}, then {@code ENV.sops.yaml}. */
        SECRET,
        /** Values set explicitly by the caller, like {@code --set}. */
        OVERRIDE
    }

    /** Where this layer comes from. */
    Kind kind();

    /** A file path or a short description such as {@code environments.yaml (staging)}. */
    String source();

    /** A plain layer of values. */
    static ValuesLayer plain(Kind kind, String source, Map<String, Object> values) {
        return new Plain(kind, source, values);
    }

    /** An encrypted layer. */
    static ValuesLayer secret(SecretValues secret) {
        return new Secret(secret);
    }

    /**
     * Plain values, held as an unmodifiable deep copy.
     *
     * @param kind where they come from; never {@link Kind#SECRET}
     * @param source the file or a description
     * @param values the values tree
     */
    record Plain(Kind kind, String source, Map<String, Object> values) implements ValuesLayer {
        /** Checks the fields and copies the tree. */
        public Plain {
            Objects.requireNonNull(kind, "kind required");
            Objects.requireNonNull(source, "source required");
            if (kind == Kind.SECRET) {
                throw new IllegalArgumentException("a plain layer cannot be of kind SECRET: use ValuesLayer.secret");
            }
            values = ValuesTrees.immutableCopy(values);
        }

        @Override
        public String toString() {
            return kind + " " + source;
        }
    }

    /**
     * An encrypted layer: decrypted only when its step runs.
     *
     * @param values the encrypted file
     */
    record Secret(SecretValues values) implements ValuesLayer {
        /** Checks the field. */
        public Secret {
            Objects.requireNonNull(values, "secret values required");
        }

        @Override
        public Kind kind() {
            return Kind.SECRET;
        }

        @Override
        public String source() {
            return values.file().toString();
        }

        @Override
        public String toString() {
            return "SECRET " + source() + " (" + values.fingerprint() + ")";
        }
    }
}
