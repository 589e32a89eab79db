package com.webgrip.deploy.helm.values;

import com.webgrip.deploy.helm.internal.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values a user passes to {@code helm install/upgrade/template}, merged as Helm 3.21's
 * {@code values.Options.MergeValues} merges them: the {@code -f} files in order (maps merge deeply, anything else
 * replaces, a null is kept as null so that it later removes the chart's default), then every {@code --set-json},
 * every {@code --set}, every {@code --set-string}, every {@code --set-file} and every {@code --set-literal}. Helm
 * applies the flags in that fixed order whatever their order on the command line; so does this builder.
 *
 * <pre>{@code
 * Values user = UserValues.builder()
 *         .valuesFile(Values.read(Path.of("values-production.yaml")))
 *         .set("image.tag=1.2.3,replicas=3")
 *         .setString("build=0042")
 *         .setFile("tls.crt=certs/tls.crt", opsFolder)
 *         .setLiteral("greeting=hello, world")
 *         .build();
 * }</pre>
 *
 * <p>Errors name the flag and the key, never a value or a file's content.
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
        private final List<FileSet> fileSets = new ArrayList<>();
        private final List<String> literalSets = new ArrayList<>();

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

        /**
         * Adds a {@code --set-file} expression such as {@code tls.crt=certs/tls.crt,ca={a.pem,b.pem}}: each value is
         * a file path, and the file's whole content becomes a string value. The files are read now, relative to
         * the working directory; URLs and standard input ({@code -}) are refused.
         *
         * @throws com.webgrip.deploy.helm.HelmInputException naming the path when a file cannot be read
         */
        public Builder setFile(String expression) throws IOException {
            return setFile(expression, Path.of(""));
        }

        /**
         * Adds a {@code --set-file} expression whose relative paths resolve against {@code baseDirectory}.
         *
         * @throws com.webgrip.deploy.helm.HelmInputException naming the path when a file cannot be read
         */
        public Builder setFile(String expression, Path baseDirectory) throws IOException {
            Objects.requireNonNull(expression, "expression required");
            Objects.requireNonNull(baseDirectory, "baseDirectory required");
            fileSets.add(new FileSet(expression, SetFileReader.readAll(expression, baseDirectory)));
            return this;
        }

        /**
         * Adds a {@code --set-literal} expression: one key, and everything after the first {@code =} is its string
         * value, commas, braces and backslashes included ({@code a.b=x,y=z} sets {@code a.b} to {@code "x,y=z"}).
         */
        public Builder setLiteral(String expression) {
            literalSets.add(check(expression, SetParser.Mode.LITERAL));
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
            for (FileSet fileSet : fileSets) {
                SetParser.parseInto(fileSet.expression, base, SetParser.Mode.FILE, fileSet.contents::get);
            }
            for (String expression : literalSets) {
                SetParser.parseInto(expression, base, SetParser.Mode.LITERAL);
            }
            return Values.of(base);
        }
    }

    /** A {@code --set-file} expression and the contents of the files it names, by the path as written. */
    private record FileSet(String expression, Map<String, String> contents) {}

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
