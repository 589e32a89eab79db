package com.webgrip.deploy.helm.values;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.webgrip.deploy.helm.HelmInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates values against a chart's values.schema.json, as Helm 3.21 does before rendering.
 *
 * <p>Helm 3.21 compiles schemas with santhosh-tekuri/jsonschema v6: a schema's {@code $schema} picks the draft,
 * and a schema without one is read as the latest draft, 2020-12 ({@link Draft#HELM_DEFAULT}); older Helm used
 * draft 7, which {@link #withDefaultDraft} selects. A {@code $schema} that names no known draft (Bitnami's
 * {@code http://json-schema.org/schema#}) is read with the default draft here; Helm would try to download it.
 */
public final class ValuesSchema {
    /** The JSON Schema drafts a schema may name. */
    public enum Draft {
        DRAFT_4(SpecificationVersion.DRAFT_4),
        DRAFT_6(SpecificationVersion.DRAFT_6),
        DRAFT_7(SpecificationVersion.DRAFT_7),
        DRAFT_2019_09(SpecificationVersion.DRAFT_2019_09),
        DRAFT_2020_12(SpecificationVersion.DRAFT_2020_12);

        /** What Helm 3.21 uses for a schema without {@code $schema}. */
        public static final Draft HELM_DEFAULT = DRAFT_2020_12;

        final SpecificationVersion version;

        Draft(SpecificationVersion version) {
            this.version = version;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Draft defaultDraft;

    private ValuesSchema(Draft defaultDraft) {
        this.defaultDraft = defaultDraft;
    }

    /** Helm 3.21's behaviour. */
    public static ValuesSchema helm() {
        return new ValuesSchema(Draft.HELM_DEFAULT);
    }

    /** Reads schemas without a (known) {@code $schema} with this draft. */
    public static ValuesSchema withDefaultDraft(Draft draft) {
        return new ValuesSchema(Objects.requireNonNull(draft, "draft required"));
    }

    /**
     * Validates values against one schema.
     *
     * @param chart the chart's name, for the violations
     * @param schemaJson the values.schema.json text
     * @return the violations; empty when the values conform
     * @throws HelmInputException when the schema is not JSON or not a schema
     */
    public List<SchemaViolation> validate(String chart, Values values, String schemaJson) throws HelmInputException {
        JsonNode schemaNode;
        try {
            schemaNode = JSON.readTree(schemaJson);
        } catch (JacksonException e) {
            throw new HelmInputException(chart + "/values.schema.json", 0, "not valid JSON");
        }
        Draft draft = defaultDraft;
        if (schemaNode instanceof ObjectNode object && object.has("$schema")) {
            Optional<SpecificationVersion> named =
                    SpecificationVersion.fromDialectId(object.get("$schema").asString());
            if (named.isPresent()) {
                draft = fromVersion(named.get());
            } else {
                object.remove("$schema");
            }
        }
        Schema schema;
        List<Error> errors;
        try {
            schema =
                    SchemaRegistry.withDefaultDialect(draft.version).getSchema(schemaNode.toString(), InputFormat.JSON);
            errors = schema.validate(values.toJson(), InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new HelmInputException(
                    chart + "/values.schema.json",
                    0,
                    "the schema cannot be used: " + e.getClass().getSimpleName());
        }
        List<SchemaViolation> out = new ArrayList<>();
        for (Error error : errors) {
            out.add(new SchemaViolation(
                    chart,
                    pointer(error.getInstanceLocation()),
                    String.valueOf(error.getKeyword()),
                    error.getMessage()));
        }
        return out;
    }

    private static Draft fromVersion(SpecificationVersion version) {
        for (Draft d : Draft.values()) {
            if (d.version == version) {
                return d;
            }
        }
        return Draft.HELM_DEFAULT;
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(path.getName(i).replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
