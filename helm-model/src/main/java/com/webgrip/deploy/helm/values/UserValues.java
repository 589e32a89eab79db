package com.webgrip.deploy.helm.values;

import com.webgrip.deploy.helm.internal.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values a user passes to {@code helm install/upgrade/template}, merged as Helm 3.21's
 * {@code values.Options.MergeValues} merges them: the {@code -f} files in order (maps merge deeply, anything else
 * replaces, a null is kept as null so that it later removes the chart's default), then every {@code --set-json},
 * then every {@code --set}, then every {@code --set-string}. Helm applies the flags in that fixed order whatever
 * their order on the command line; so does this builder.
 *
 * <pre>{@code
 * Values user = UserValues.builder()
 *         .valuesFile(Values.read(Path.of("values-production.yaml")))
 *         .set("image.tag=1.2.3,replicas=3")
 *         .setString("build=0042")
 *         .build();
 * }</pre>
 */
public final class UserValues {
    private UserValues() {}

    /** Returns a builder with no layers. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects layers; {@link #build} merges them. Not thread-safe. */
    public static final class Builder {
        private final List<Values> files = new ArrayList<>();
        private final List<String> jsonSets = new ArrayList<>();
        private final List<String> sets = new ArrayList<>();
        private final List<String> stringSets = new ArrayList<>();

        private Builder() {}

        /** Adds a values file ({@code -f}); later files win. */
        public Builder valuesFile(Values values) {
            files.add(Objects.requireNonNull(values, "values required"));
            return this;
        }

        /** Adds a {@code --set} expression such as {@code a.b=1,list[0]=x,tags={a,b}}. Checked now. */
        public Builder set(String expression) {
            sets.add(check(expression, SetParser.Mode.TYPED));
            return this;
        }

        /** Adds a {@code --set-string} expression: every value is a string. Checked now. */
        public Builder setString(String expression) {
            stringSets.add(check(expression, SetParser.Mode.STRING));
            return this;
        }

        /** Adds a {@code --set-json} expression such as {@code a={"b":[1,2]}}. Checked now. */
        public Builder setJson(String expression) {
            jsonSets.add(check(expression, SetParser.Mode.JSON));
            return this;
        }

        private static String check(String expression, SetParser.Mode mode) {
            Objects.requireNonNull(expression, "expression required");
            SetParser.parseInto(expression, new LinkedHashMap<>(), mode);
            return expression;
        }

        /**
         * Merges the layers in Helm's order.
         *
         * @throws InvalidSetExpressionException when an expression does not fit the values it lands on (an index
         *     on a mapping, nested keys on a string)
         */
        public Values build() {
            Map<String, Object> base = new LinkedHashMap<>();
            for (Values file : files) {
                base = mergeMaps(base, file.toMutableMap());
            }
            for (String expression : jsonSets) {
                SetParser.parseInto(expression, base, SetParser.Mode.JSON);
            }
            for (String expression : sets) {
                SetParser.parseInto(expression, base, SetParser.Mode.TYPED);
            }
            for (String expression : stringSets) {
                SetParser.parseInto(expression, base, SetParser.Mode.STRING);
            }
            return Values.of(base);
        }
    }

    /** Helm's {@code mergeMaps(a, b)}: b wins; two maps merge deeply; anything else in b replaces. */
    static Map<String, Object> mergeMaps(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>(a);
        for (Map.Entry<String, Object> e : b.entrySet()) {
            Object v = e.getValue();
            if (Trees.isTable(v) && Trees.isTable(out.get(e.getKey()))) {
                out.put(e.getKey(), mergeMaps(Trees.table(out.get(e.getKey())), Trees.table(v)));
            } else {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /**
     * Merges values files as Helm merges {@code -f} files: later layers win, maps merge deeply, lists and scalars
     * replace, nulls are kept (they remove chart defaults when the chart's values are coalesced).
     */
    public static Values mergeFiles(List<Values> layers) {
        Builder builder = builder();
        layers.forEach(builder::valuesFile);
        return builder.build();
    }
}
