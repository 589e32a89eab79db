package com.webgrip.deploy.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.webgrip.deploy.core.plan.ValuesLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The content digest of a run plan ({@code sha256:...}): per step its wave, chart, release, namespace, chart reference,
 * timeout and values digest; per values layer its kind, source and content, a secret layer by its encrypted file's
 * digest (never decrypted). Journaled when a run starts; a resume with another digest is refused, so an approval is
 * never carried over to a plan whose content changed.
 */
final class PlanDigest {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PlanDigest() {}

    static String of(RunPlan plan) {
        MessageDigest sha = sha256();
        List<List<RunStep>> waves = plan.waves();
        update(sha, "environment", plan.environment());
        for (int w = 0; w < waves.size(); w++) {
            for (RunStep step : waves.get(w)) {
                update(sha, "wave", Integer.toString(w));
                update(sha, "chart", step.chart());
                update(
                        sha,
                        "release",
                        step.release().name() + "/" + step.release().namespace());
                update(sha, "chartRef", step.chartRef().toString());
                update(sha, "timeout", step.timeout().toString());
                try {
                    update(sha, "values", step.values().contentDigest());
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "the values of " + step.chart() + " could not be read for the plan digest", e);
                }
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    static String ofLayers(List<ValuesLayer> layers) {
        MessageDigest sha = sha256();
        for (ValuesLayer layer : layers) {
            update(sha, "kind", layer.kind().name());
            update(sha, "source", layer.source());
            if (layer instanceof ValuesLayer.Secret secret) {
                update(sha, "secret", secret.values().fingerprint());
            } else if (layer instanceof ValuesLayer.Plain plain) {
                try {
                    update(sha, "plain", CANONICAL.writeValueAsString(plain.values()));
                } catch (JsonProcessingException e) {
                    // Values read from YAML are plain JSON types; anything else still digests by its text.
                    update(sha, "plain", plain.values().toString());
                }
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** Length-prefixed fields, so that no two different plans give the same byte stream. */
    private static void update(MessageDigest sha, String field, String value) {
        for (String part : new String[] {field, value}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(new byte[] {
                (byte) (bytes.length >>> 24),
                (byte) (bytes.length >>> 16),
                (byte) (bytes.length >>> 8),
                (byte) bytes.length
            });
            sha.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
