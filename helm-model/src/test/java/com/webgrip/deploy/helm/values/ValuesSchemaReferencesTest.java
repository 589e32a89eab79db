package com.webgrip.deploy.helm.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.peer.CountingHttpServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A values.schema.json never makes the validator load anything: remote and relative references and unknown
 * meta-schemas are refused with an error naming them, and a loopback server counts that nobody asked it for
 * anything. (The peer test {@code SchemaReferencesDifferentialTest} shows that real Helm does ask it.)
 */
class ValuesSchemaReferencesTest {
    private CountingHttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = CountingHttpServer.serving("{\"type\": \"string\"}");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Values values(String yaml) throws HelmInputException {
        return Values.parse(yaml, "values.yaml");
    }

    private List<SchemaViolation> validate(String schema, String yaml) throws HelmInputException {
        return ValuesSchema.helm().validate("app", values(yaml), schema);
    }

    @Test
    void refusesARemoteRefWithoutFetchingIt() {
        String ref = server.base() + "/defs.json";
        assertThatThrownBy(() -> validate("{\"properties\": {\"a\": {\"$ref\": \"" + ref + "\"}}}", "a: 1\n"))
                .isInstanceOfSatisfying(SchemaReferenceException.class, e -> {
                    assertThat(e.reference()).isEqualTo(ref);
                    assertThat(e.source()).isEqualTo("app/values.schema.json");
                    assertThat(e.getMessage()).contains(ref);
                });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refusesARemoteRefThatTheValuesNeverReach() {
        String ref = server.base() + "/unused.json";
        String schema = "{\"properties\": {\"a\": {\"type\": \"integer\"}, \"b\": {\"$ref\": \"" + ref + "\"}}}";
        assertThatThrownBy(() -> validate(schema, "a: 1\n"))
                .isInstanceOfSatisfying(
                        SchemaReferenceException.class,
                        e -> assertThat(e.reference()).isEqualTo(ref));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refusesAnUnknownMetaSchemaWithoutFetchingIt() {
        String meta = server.base() + "/meta";
        assertThatThrownBy(() -> validate("{\"$schema\": \"" + meta + "\", \"type\": \"object\"}", "a: 1\n"))
                .isInstanceOfSatisfying(SchemaReferenceException.class, e -> {
                    assertThat(e.reference()).isEqualTo(meta);
                    assertThat(e.getMessage()).contains("meta-schema");
                });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refusesARelativeRefThatHelmWouldReadFromTheFileSystemRoot() {
        assertThatThrownBy(() -> validate("{\"properties\": {\"a\": {\"$ref\": \"defs.json#/x\"}}}", "a: 1\n"))
                .isInstanceOfSatisfying(
                        SchemaReferenceException.class,
                        e -> assertThat(e.reference()).startsWith("file:///").endsWith("/defs.json"));
    }

    @Test
    void refusesClasspathAndFileRefs() {
        for (String ref : List.of("classpath:archunit.properties", "file:///etc/hostname")) {
            assertThatThrownBy(() -> validate("{\"properties\": {\"a\": {\"$ref\": \"" + ref + "\"}}}", "a: 1\n"))
                    .as(ref)
                    .isInstanceOfSatisfying(
                            SchemaReferenceException.class,
                            e -> assertThat(e.reference()).isEqualTo(ref));
        }
    }

    @Test
    void resolvesReferencesInsideTheSchemaEvenUnderRemoteLookingIds() throws HelmInputException {
        String base = server.base();
        String schema = "{\"$id\": \"" + base + "/root.json\", \"$defs\": {"
                + "\"port\": {\"$id\": \"" + base + "/port.json\", \"type\": \"integer\"},"
                + "\"name\": {\"type\": \"string\"}},"
                + "\"properties\": {\"port\": {\"$ref\": \"port.json\"}, \"name\": {\"$ref\": \"#/$defs/name\"}}}";
        assertThat(validate(schema, "port: 80\nname: web\n")).isEmpty();
        assertThat(validate(schema, "port: high\nname: 7\n"))
                .extracting(SchemaViolation::path)
                .containsExactlyInAnyOrder("/port", "/name");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnresolvedUrnRefAcceptsEverythingAsInHelm() throws HelmInputException {
        String schema = "{\"properties\": {\"a\": {\"$ref\": \"urn:example:thing\"}, \"b\": {\"type\": \"string\"}}}";
        assertThat(validate(schema, "a: {any: thing}\nb: x\n")).isEmpty();
        assertThat(validate(schema, "a: 1\nb: 2\n"))
                .extracting(SchemaViolation::path)
                .containsExactly("/b");
    }

    @Test
    void readsBitnamisSchemaUrlAsTheLatestDraftWhateverTheDefault() throws HelmInputException {
        // prefixItems exists only since 2020-12: under draft 7 it would be ignored.
        String schema = "{\"$schema\": \"http://json-schema.org/schema#\","
                + " \"properties\": {\"pair\": {\"prefixItems\": [{\"type\": \"string\"}]}}}";
        Values bad = values("pair: [1]\n");
        assertThat(ValuesSchema.withDefaultDraft(ValuesSchema.Draft.DRAFT_7).validate("app", bad, schema))
                .extracting(SchemaViolation::path)
                .containsExactly("/pair/0");
        String draft7 = schema.replace("http://json-schema.org/schema#", "http://json-schema.org/draft-07/schema#");
        assertThat(ValuesSchema.helm().validate("app", bad, draft7)).isEmpty();
    }

    @Test
    void aFragmentAfterAKnownDraftMakesItUnknownAsInHelm() {
        assertThatThrownBy(() ->
                        validate("{\"$schema\": \"http://json-schema.org/draft-07/schema#/definitions\"}", "a: 1\n"))
                .isInstanceOf(SchemaReferenceException.class);
        assertThat(server.requests()).isEmpty();
    }
}
