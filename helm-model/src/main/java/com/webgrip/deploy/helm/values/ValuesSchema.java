package com.webgrip.deploy.helm.values;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.resource.InputStreamSource;
import com.webgrip.deploy.helm.HelmInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates values against a chart's values.schema.json, as Helm 3.21 does before rendering.
 *
 * <p>Helm 3.21 compiles schemas with santhosh-tekuri/jsonschema v6: a schema's {@code $schema} picks the draft
 * ({@code http://json-schema.org/schema#}, as Bitnami charts write it, means the latest draft, 2020-12), and a
 * schema without one is read as the latest draft ({@link Draft#HELM_DEFAULT}); older Helm used draft 7, which
 * {@link #withDefaultDraft} selects.
 *
 * <p><b>Nothing is ever loaded from outside the schema.</b> Helm 3.21 downloads a {@code $ref} to an
 * {@code http(s)} URL and a {@code $schema} it does not know, and reads a relative {@code $ref} from the file system
 * (relative to {@code /}, not to the chart). Here such a schema is refused with a {@link SchemaReferenceException}
 * naming the reference: deliberately stricter than Helm, so that validating values never opens a connection or a
 * file. References inside the schema ({@code #/$defs/x}, anchors, embedded {@code $id}s) work as in Helm; a
 * {@code urn:} reference that nothing resolves is a schema that accepts everything, as in Helm 3.21.
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

    /** The address Helm 3.21 gives the schema it compiles; relative references resolve against it. */
    static final String ROOT = "file:///values.schema.json";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** A schema that accepts everything, in every draft. */
    private static final byte[] PERMISSIVE = "{}".getBytes(StandardCharsets.UTF_8);

    private final Draft defaultDraft;

    private ValuesSchema(Draft defaultDraft) {
        this.defaultDraft = defaultDraft;
    }

    /** Helm 3.21's behaviour. */
    public static ValuesSchema helm() {
        return new ValuesSchema(Draft.HELM_DEFAULT);
    }

    /** Reads schemas without {@code $schema} with this draft. */
    public static ValuesSchema withDefaultDraft(Draft draft) {
        return new ValuesSchema(Objects.requireNonNull(draft, "draft required"));
    }

    /**
     * Validates values against one schema.
     *
     * @param chart the chart's name, for the violations
     * @param schemaJson the values.schema.json text
     * @return the violations; empty when the values conform
     * @throws SchemaReferenceException when the schema needs a document outside itself
     * @throws HelmInputException when the schema is not JSON or not a schema
     */
    public List<SchemaViolation> validate(String chart, Values values, String schemaJson) throws HelmInputException {
        String source = chart + "/values.schema.json";
        JsonNode schemaNode;
        try {
            schemaNode = JSON.readTree(schemaJson);
        } catch (JacksonException e) {
            throw new HelmInputException(source, 0, "not valid JSON");
        }
        Draft draft = defaultDraft;
        if (schemaNode instanceof ObjectNode object && object.has("$schema")) {
            JsonNode named = object.get("$schema");
            if (named.isString()) {
                draft = draftFromUrl(named.asString(), source);
            }
            // The draft is passed as the default dialect, so the validator never resolves $schema itself.
            object.remove("$schema");
        }
        String text = schemaNode.toString();
        List<String> refused = new ArrayList<>();
        List<Error> errors;
        try {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    draft.version,
                    builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
                            .allow(iri -> allowed(iri, refused))
                            .resourceLoaders(loaders -> loaders.add(iri -> resource(iri, text)))));
            Schema schema = registry.getSchema(SchemaLocation.of(ROOT));
            // Resolves every reference now, as Helm's compiler does, not only those the values happen to reach.
            schema.initializeValidators();
            errors = schema.validate(values.toJson(), InputFormat.JSON);
        } catch (RuntimeException e) {
            if (!refused.isEmpty()) {
                throw new SchemaReferenceException(source, refused.get(0), "the reference");
            }
            throw new HelmInputException(
                    source, 0, "the schema cannot be used: " + e.getClass().getSimpleName());
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

    /** Only the schema itself, and {@code urn:} references (which Helm answers with an accept-all schema). */
    private static boolean allowed(AbsoluteIri iri, List<String> refused) {
        String s = iri.toString();
        if (s.equals(ROOT) || isUrn(s)) {
            return true;
        }
        refused.add(s);
        return false;
    }

    private static InputStreamSource resource(AbsoluteIri iri, String rootText) {
        String s = iri.toString();
        if (s.equals(ROOT)) {
            byte[] bytes = rootText.getBytes(StandardCharsets.UTF_8);
            return () -> new ByteArrayInputStream(bytes);
        } else if (isUrn(s)) {
            return () -> new ByteArrayInputStream(PERMISSIVE);
        }
        return null;
    }

    private static boolean isUrn(String iri) {
        return iri.regionMatches(true, 0, "urn:", 0, 4);
    }

    /**
     * santhosh-tekuri/jsonschema v6's {@code draftFromURL}: http or https, json-schema.org, one of the five drafts
     * or {@code schema} (the latest), with no fragment but an empty one.
     */
    static Draft draftFromUrl(String url, String source) throws SchemaReferenceException {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        boolean noFragment = hash < 0 || hash == url.length() - 1;
        String path = base.startsWith("http://")
                ? base.substring("http://".length())
                : base.startsWith("https://") ? base.substring("https://".length()) : base;
        Draft draft = switch (path) {
            case "json-schema.org/schema", "json-schema.org/draft/2020-12/schema" -> Draft.DRAFT_2020_12;
            case "json-schema.org/draft/2019-09/schema" -> Draft.DRAFT_2019_09;
            case "json-schema.org/draft-07/schema" -> Draft.DRAFT_7;
            case "json-schema.org/draft-06/schema" -> Draft.DRAFT_6;
            case "json-schema.org/draft-04/schema" -> Draft.DRAFT_4;
            default -> null;
        };
        if (draft == null || !noFragment) {
            // Helm loads such a meta-schema (from the network, unless it is one of json-schema.org's it embeds).
            throw new SchemaReferenceException(source, url, "the meta-schema");
        }
        return draft;
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(path.getName(i).replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
