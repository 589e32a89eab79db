package com.webgrip.deploy.helm.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webgrip.deploy.helm.chart.ChartMetadata;
import com.webgrip.deploy.helm.values.Values;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ReleaseCodecTest {
    private final ReleaseCodec codec = ReleaseCodec.create();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ReleaseCodecTest.class.getResourceAsStream("/release/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void decodesReleaseJsonWithHelmsDocumentedFields() throws IOException {
        Release r = codec.fromJson(resource("helm-release-v3.json"), "helm-release-v3.json");
        assertThat(r.name()).isEqualTo("cert-manager");
        assertThat(r.namespace()).isEqualTo("cert-manager");
        assertThat(r.revision()).isEqualTo(3);
        assertThat(r.status()).isEqualTo(ReleaseStatus.DEPLOYED);
        assertThat(r.info().firstDeployed())
                .isEqualTo(OffsetDateTime.of(2026, 3, 1, 10, 15, 30, 123456789, ZoneOffset.ofHours(1)));
        assertThat(r.info().deleted()).isEmpty();
        assertThat(r.info().description()).isEqualTo("Upgrade complete");
        assertThat(r.chartMetadata().version()).isEqualTo("v1.14.4");
        assertThat(r.chartMetadata().annotation("webgrip.com/needs")).contains("007-cluster-monitoring");
        assertThat(r.config().get("replicaCount")).contains(2L);
        assertThat(r.chart().contains("templates")).isTrue();
        assertThat(r.manifest()).startsWith("---\n# Source:");
    }

    @Test
    void aSecretCarriesTheReleaseBase64TwiceWithHelmsNameTypeAndLabels() throws IOException {
        Release r = codec.fromJson(resource("helm-release-v3.json"), "x");
        Map<String, Object> secret = codec.toSecret(r, Instant.ofEpochSecond(1_700_000_000L), true);
        assertThat(secret).containsEntry("type", "helm.sh/release.v1").containsEntry("kind", "Secret");
        Map<?, ?> metadata = (Map<?, ?>) secret.get("metadata");
        assertThat(metadata.get("name")).isEqualTo("sh.helm.release.v1.cert-manager.v3");
        assertThat((Map<Object, Object>) metadata.get("labels"))
                .containsEntry("name", "cert-manager")
                .containsEntry("owner", "helm")
                .containsEntry("status", "deployed")
                .containsEntry("version", "3")
                .containsEntry("createdAt", "1700000000")
                .doesNotContainKey("modifiedAt");
        String wire = (String) ((Map<?, ?>) secret.get("data")).get("release");
        byte[] helmLayer = Base64.getDecoder().decode(Base64.getDecoder().decode(wire));
        assertThat(helmLayer[0] & 0xFF).isEqualTo(0x1f);
        assertThat(helmLayer[1] & 0xFF).isEqualTo(0x8b);
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(helmLayer))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"version\":3");
        }
        assertThat(codec.fromSecret(secret)).isEqualTo(r);
    }

    @Test
    void aConfigMapCarriesTheReleaseBase64OnceAndAnUpdateIsLabelledModifiedAt() throws IOException {
        Release r = codec.fromJson(resource("helm-release-v3.json"), "x");
        Map<String, Object> configMap = codec.toConfigMap(r, Instant.ofEpochSecond(42), false);
        assertThat(configMap).doesNotContainKey("type");
        assertThat((Map<Object, Object>) ((Map<?, ?>) configMap.get("metadata")).get("labels"))
                .containsEntry("modifiedAt", "42")
                .doesNotContainKey("createdAt");
        String data = (String) ((Map<?, ?>) configMap.get("data")).get("release");
        assertThat(Base64.getDecoder().decode(data)[0] & 0xFF).isEqualTo(0x1f);
        assertThat(codec.fromConfigMap(configMap)).isEqualTo(r);
    }

    @Test
    void decodesAnUncompressedRecordAsHelmDoesWithoutTheGzipMagic() throws IOException {
        String plain = Base64.getEncoder().encodeToString(resource("helm-release-v3.json"));
        assertThat(codec.decode(plain, "plain").revision()).isEqualTo(3);
    }

    @Test
    void aGzipBombIsATypedErrorNotAnOutOfMemory() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 48; i++) { // 48 MiB of zeros, about 48 KiB compressed
                gzip.write(zeros);
            }
        }
        String bomb = Base64.getEncoder().encodeToString(compressed.toByteArray());
        ReleaseCodec small = ReleaseCodec.withMaxDecompressedBytes(8L * 1024 * 1024);
        assertThatThrownBy(() -> small.decode(bomb, "Secret sh.helm.release.v1.x.v1"))
                .isInstanceOf(ReleaseCodecException.class)
                .hasMessageContaining("more than 8388608 bytes")
                .hasMessageContaining("sh.helm.release.v1.x.v1");
    }

    @Test
    void rejectsBadBase64BadJsonAndAnUnknownStatusWithoutEchoingContent() {
        assertThatThrownBy(() -> codec.decode("%%%", "s")).isInstanceOf(ReleaseCodecException.class);
        String notJson = Base64.getEncoder().encodeToString("password=hunter2".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> codec.decode(notJson, "s"))
                .isInstanceOf(ReleaseCodecException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        String badStatus = "{\"name\":\"a\",\"namespace\":\"b\",\"version\":1,\"info\":{\"status\":\"exploded\","
                + "\"first_deployed\":\"2026-01-01T00:00:00Z\",\"last_deployed\":\"2026-01-01T00:00:00Z\"},"
                + "\"chart\":{\"metadata\":{\"name\":\"a\",\"version\":\"1.0.0\"}}}";
        assertThatThrownBy(() -> codec.fromJson(badStatus.getBytes(StandardCharsets.UTF_8), "s"))
                .isInstanceOf(ReleaseCodecException.class)
                .hasMessageContaining("exploded");
    }

    @Test
    void aSecretOfAnotherTypeIsRefused() {
        Map<String, Object> secret = Map.of("type", "Opaque", "metadata", Map.of("name", "x"), "data", Map.of());
        assertThatThrownBy(() -> codec.fromSecret(secret)).isInstanceOf(ReleaseCodecException.class);
    }

    @Property(tries = 200)
    void encodeThenDecodeGivesTheSameRelease(@ForAll("releases") Release release) throws IOException {
        assertThat(codec.decode(codec.encode(release), "round trip")).isEqualTo(release);
        assertThat(codec.fromSecret(codec.toSecret(release, Instant.EPOCH, true)))
                .isEqualTo(release);
    }

    @Provide
    Arbitrary<Release> releases() {
        Arbitrary<String> names =
                Arbitraries.strings().withChars("abcdefghij-").ofMinLength(1).ofMaxLength(12);
        Arbitrary<OffsetDateTime> times = Combinators.combine(
                        Arbitraries.longs().between(0, 4_000_000_000L),
                        Arbitraries.integers().between(0, 999_999_999),
                        Arbitraries.integers().between(-12, 14))
                .as((s, n, h) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n), ZoneOffset.ofHours(h)));
        Arbitrary<ReleaseInfo> infos = Combinators.combine(
                        Arbitraries.of(ReleaseStatus.class),
                        times,
                        times,
                        times.optional(),
                        Arbitraries.strings().ofMaxLength(20),
                        Arbitraries.strings().ofMaxLength(40))
                .as(ReleaseInfo::new);
        Arbitrary<Values> configs = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5),
                        Arbitraries.oneOf(
                                Arbitraries.longs()
                                        .between(-1_000_000, 1_000_000)
                                        .map(l -> (Object) l),
                                Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s),
                                Arbitraries.of(true, false).map(b -> (Object) b)))
                .ofMaxSize(5)
                .map(Values::of);
        return Combinators.combine(
                        names,
                        names,
                        Arbitraries.integers().between(1, 10_000),
                        infos,
                        names.map(n -> ChartMetadata.of(n, "1.2.3")),
                        configs,
                        Arbitraries.strings().ofMaxLength(200))
                .as((name, ns, rev, info, md, config, manifest) ->
                        new Release(name, ns, rev, info, md, Values.empty(), config, manifest));
    }

    @Test
    void historyNamesLatestLastDeployedSupersededAndLastKnownGood() throws IOException {
        Release base = codec.fromJson(resource("helm-release-v3.json"), "x");
        Release v1 = copy(base, 1, ReleaseStatus.SUPERSEDED);
        Release v2 = copy(base, 2, ReleaseStatus.SUPERSEDED);
        Release v3 = copy(base, 3, ReleaseStatus.DEPLOYED);
        Release v4 = copy(base, 4, ReleaseStatus.FAILED);
        Release v5 = copy(base, 5, ReleaseStatus.PENDING_UPGRADE);
        ReleaseHistory history = ReleaseHistory.of(java.util.List.of(v5, v2, v4, v1, v3));
        assertThat(history.revisions()).extracting(Release::revision).containsExactly(1, 2, 3, 4, 5);
        assertThat(history.latest()).contains(v5);
        assertThat(history.lastDeployed()).contains(v3);
        assertThat(history.superseded()).containsExactly(v1, v2);
        assertThat(history.lastKnownGood()).contains(v3);
        assertThat(history.lastKnownGood(r -> r.revision() != 3)).contains(v2);
        assertThat(history.lastKnownGoodBefore(2, r -> true)).contains(v1);
        assertThat(history.hasPendingOperation()).isTrue();
        assertThat(ReleaseHistory.of(java.util.List.of()).lastKnownGood()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> ReleaseHistory.of(java.util.List.of(v1, v1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Release copy(Release r, int revision, ReleaseStatus status) {
        return new Release(
                r.name(),
                r.namespace(),
                revision,
                r.info().withStatus(status),
                r.chartMetadata(),
                r.chart(),
                r.config(),
                r.manifest());
    }

    @Test
    void toStringNeverShowsConfig() throws IOException {
        Release r = codec.fromJson(resource("helm-release-v3.json"), "x");
        assertThat(r.toString()).doesNotContain("replicaCount").contains("cert-manager");
    }
}
