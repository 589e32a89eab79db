package com.webgrip.deploy.helm.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Helm 3's release storage ({@code pkg/storage/driver}): a release is JSON, gzipped at best compression and base64
 * encoded ({@code encodeRelease}); it lives in {@code data.release} of a Secret named
 * {@code sh.helm.release.v1.NAME.vREVISION} of type {@code helm.sh/release.v1} (where the Secret's own base64 makes
 * it base64 twice on the wire) or of a ConfigMap (base64 once), labelled {@code name}, {@code owner=helm},
 * {@code status}, {@code version}, and {@code createdAt} when created or {@code modifiedAt} when updated (Unix
 * seconds).
 *
 * <p>The codec works on plain maps shaped like the Kubernetes objects (as a JSON parser gives them), so it needs no
 * Kubernetes client. Decoding stops a gzip stream at {@link #maxDecompressedBytes()}: a gzip bomb is a
 * {@link ReleaseCodecException}, not an out-of-memory error.
 */
public final class ReleaseCodec {
    /** The default bound on a decompressed release: 64 MiB (Helm's largest records are a few MiB). */
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 64L * 1024 * 1024;
    /** The Secret type Helm uses. */
    public static final String SECRET_TYPE = "helm.sh/release.v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};

    private final long maxDecompressedBytes;

    private ReleaseCodec(long maxDecompressedBytes) {
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /** A codec with the default decompression bound. */
    public static ReleaseCodec create() {
        return new ReleaseCodec(DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    /** A codec with another decompression bound. */
    public static ReleaseCodec withMaxDecompressedBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("the bound must be positive, found " + bytes);
        }
        return new ReleaseCodec(bytes);
    }

    /** Returns the bound on a decompressed release. */
    public long maxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    /** Returns {@code sh.helm.release.v1.NAME.vREVISION}. */
    public static String storageName(String releaseName, int revision) {
        return "sh.helm.release.v1." + releaseName + ".v" + revision;
    }

    /** Helm's {@code encodeRelease}: base64(gzip(JSON)). */
    public String encode(Release release) {
        Objects.requireNonNull(release, "release required");
        try {
            byte[] json = JSON.writeValueAsBytes(ReleaseJson.toMap(release));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new BestCompressionGzip(buffer)) {
                gzip.write(json);
            }
            return Base64.getEncoder().encodeToString(buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's {@code decodeRelease}: base64, then gunzip if the gzip magic is there, then JSON. */
    public Release decode(String data, String source) throws ReleaseCodecException {
        Objects.requireNonNull(data, "data required");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.strip());
        } catch (IllegalArgumentException e) {
            throw new ReleaseCodecException(source, "data.release is not base64", e);
        }
        if (bytes.length > 3 && bytes[0] == GZIP_MAGIC[0] && bytes[1] == GZIP_MAGIC[1] && bytes[2] == GZIP_MAGIC[2]) {
            bytes = gunzip(bytes, source);
        }
        return fromJson(bytes, source);
    }

    /** Reads a release from Helm's JSON. */
    public Release fromJson(byte[] json, String source) throws ReleaseCodecException {
        Map<String, Object> map;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = JSON.readValue(json, Map.class);
            map = read;
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the input, which may hold secret values: give the position only.
            long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new ReleaseCodecException(source, "the release is not JSON (error near byte " + offset + ")");
        } catch (IOException e) {
            throw new ReleaseCodecException(source, "the release cannot be read", e);
        }
        if (map == null) {
            throw new ReleaseCodecException(source, "the release JSON is null");
        }
        try {
            return ReleaseJson.fromMap(map, source);
        } catch (ReleaseCodecException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new ReleaseCodecException(source, "the release JSON does not hold a release: " + e.getMessage(), e);
        }
    }

    /** Writes the release as Helm's JSON (what {@link #encode} compresses). */
    public String toJson(Release release) {
        try {
            return JSON.writeValueAsString(ReleaseJson.toMap(release));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds the Secret Helm's secrets driver writes for this release.
     *
     * @param at the time of the write (the {@code createdAt} or {@code modifiedAt} label)
     * @param created true for a create ({@code createdAt}), false for an update ({@code modifiedAt})
     */
    public Map<String, Object> toSecret(Release release, Instant at, boolean created) {
        Map<String, Object> secret = object("Secret", release, at, created);
        secret.put("type", SECRET_TYPE);
        String helmEncoded = encode(release);
        secret.put(
                "data",
                Map.of("release", Base64.getEncoder().encodeToString(helmEncoded.getBytes(StandardCharsets.US_ASCII))));
        return secret;
    }

    /** Builds the ConfigMap Helm's configmaps driver writes for this release. */
    public Map<String, Object> toConfigMap(Release release, Instant at, boolean created) {
        Map<String, Object> configMap = object("ConfigMap", release, at, created);
        configMap.put("data", Map.of("release", encode(release)));
        return configMap;
    }

    /** Reads a release Secret (its {@code data.release} is base64 twice). */
    public Release fromSecret(Map<String, ?> secret) throws ReleaseCodecException {
        String source = "Secret " + objectName(secret);
        if (!SECRET_TYPE.equals(secret.get("type"))) {
            throw new ReleaseCodecException(source, "expected type " + SECRET_TYPE + ", found " + secret.get("type"));
        }
        String outer = releaseData(secret, source);
        byte[] inner;
        try {
            inner = Base64.getDecoder().decode(outer.strip());
        } catch (IllegalArgumentException e) {
            throw new ReleaseCodecException(source, "data.release is not base64", e);
        }
        return decode(new String(inner, StandardCharsets.US_ASCII), source);
    }

    /** Reads a release ConfigMap (its {@code data.release} is base64 once). */
    public Release fromConfigMap(Map<String, ?> configMap) throws ReleaseCodecException {
        String source = "ConfigMap " + objectName(configMap);
        return decode(releaseData(configMap, source), source);
    }

    private static Map<String, Object> object(String kind, Release release, Instant at, boolean created) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("name", release.name());
        labels.put("owner", "helm");
        labels.put("status", release.status().helmName());
        labels.put("version", Integer.toString(release.revision()));
        labels.put(created ? "createdAt" : "modifiedAt", Long.toString(at.getEpochSecond()));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", storageName(release.name(), release.revision()));
        metadata.put("namespace", release.namespace());
        metadata.put("labels", labels);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", "v1");
        out.put("kind", kind);
        out.put("metadata", metadata);
        return out;
    }

    private static String objectName(Map<String, ?> object) {
        return object.get("metadata") instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "(no name)";
    }

    private static String releaseData(Map<String, ?> object, String source) throws ReleaseCodecException {
        if (object.get("data") instanceof Map<?, ?> data && data.get("release") instanceof String s) {
            return s;
        }
        throw new ReleaseCodecException(source, "expected data.release to hold the release, found none");
    }

    private byte[] gunzip(byte[] compressed, String source) throws ReleaseCodecException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxDecompressedBytes) {
                    throw new ReleaseCodecException(
                            source,
                            "the release decompresses to more than " + maxDecompressedBytes
                                    + " bytes (a gzip bomb?); refusing to read further");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ReleaseCodecException e) {
            throw e;
        } catch (IOException e) {
            throw new ReleaseCodecException(source, "the release is not a valid gzip stream: " + e.getMessage(), e);
        }
    }

    /** GZIPOutputStream at gzip.BestCompression, as Helm writes. */
    private static final class BestCompressionGzip extends GZIPOutputStream {
        BestCompressionGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
