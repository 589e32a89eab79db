package com.webgrip.deploy.helm.release;

import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.chart.ChartDependency;
import com.webgrip.deploy.helm.chart.ChartMetadata;
import com.webgrip.deploy.helm.chart.ChartMetadataJson;
import com.webgrip.deploy.helm.chart.Maintainer;
import com.webgrip.deploy.helm.values.Values;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helm 3's release JSON ({@code pkg/release}) to and from {@link Release}, field names as Helm writes them. */
final class ReleaseJson {
    /** Go's zero time, which Helm writes for a release that was never deleted. */
    static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    private ReleaseJson() {}

    static Map<String, Object> toMap(Release r) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("first_deployed", time(r.info().firstDeployed()));
        info.put("last_deployed", time(r.info().lastDeployed()));
        info.put("deleted", r.info().deleted().map(ReleaseJson::time).orElse(GO_ZERO_TIME));
        putIfNotEmpty(info, "description", r.info().description());
        info.put("status", r.info().status().helmName());
        putIfNotEmpty(info, "notes", r.info().notes());
        Map<String, Object> chart = r.chart().toMutableMap();
        chart.put("metadata", metadata(r.chartMetadata()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", r.name());
        out.put("info", info);
        out.put("chart", chart);
        out.put("config", r.config().toMutableMap());
        out.put("manifest", r.manifest());
        out.put("version", r.revision());
        out.put("namespace", r.namespace());
        return out;
    }

    static Release fromMap(Map<String, Object> json, String source) throws HelmInputException {
        Values all = Values.of(json);
        Map<String, Object> info = all.table("info").map(Values::asMap).orElse(Map.of());
        String statusName = string(info.get("status"));
        ReleaseStatus status = ReleaseStatus.fromHelmName(statusName)
                .orElseThrow(() -> new ReleaseCodecException(source, "unknown release status '" + statusName + "'"));
        OffsetDateTime first = parseTime(info.get("first_deployed"), source, "info.first_deployed");
        OffsetDateTime last = parseTime(info.get("last_deployed"), source, "info.last_deployed");
        Object deletedRaw = info.get("deleted");
        Optional<OffsetDateTime> deleted = deletedRaw == null || GO_ZERO_TIME.equals(deletedRaw)
                ? Optional.empty()
                : Optional.of(parseTime(deletedRaw, source, "info.deleted"));
        Values chart = all.table("chart").orElse(Values.empty());
        Optional<Values> metadataJson = chart.table("metadata");
        if (metadataJson.isEmpty()) {
            throw new ReleaseCodecException(source, "the release has no chart.metadata");
        }
        ChartMetadata metadata = ChartMetadataJson.read(metadataJson.get().toJson(), source + " chart.metadata");
        Object version = json.get("version");
        if (!(version instanceof Number number)) {
            throw new ReleaseCodecException(source, "the release has no numeric version");
        }
        return new Release(
                string(json.get("name")),
                string(json.get("namespace")),
                number.intValue(),
                new ReleaseInfo(
                        status, first, last, deleted, string(info.get("description")), string(info.get("notes"))),
                metadata,
                withoutMetadata(chart),
                all.table("config").orElse(Values.empty()),
                string(json.get("manifest")));
    }

    private static Values withoutMetadata(Values chart) {
        Map<String, Object> map = chart.toMutableMap();
        map.remove("metadata");
        return Values.of(map);
    }

    static Map<String, Object> metadata(ChartMetadata m) {
        Map<String, Object> out = new LinkedHashMap<>();
        putIfNotEmpty(out, "name", m.name());
        putIfNotEmpty(out, "home", m.home());
        putIfNotEmpty(out, "sources", m.sources());
        putIfNotEmpty(out, "version", m.version());
        putIfNotEmpty(out, "description", m.description());
        putIfNotEmpty(out, "keywords", m.keywords());
        List<Object> maintainers = new ArrayList<>();
        for (Maintainer maintainer : m.maintainers()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            putIfNotEmpty(mm, "name", maintainer.name());
            putIfNotEmpty(mm, "email", maintainer.email());
            putIfNotEmpty(mm, "url", maintainer.url());
            maintainers.add(mm);
        }
        putIfNotEmpty(out, "maintainers", maintainers);
        putIfNotEmpty(out, "icon", m.icon());
        putIfNotEmpty(out, "apiVersion", m.apiVersion());
        putIfNotEmpty(out, "appVersion", m.appVersion());
        if (m.deprecated()) {
            out.put("deprecated", true);
        }
        if (!m.annotations().isEmpty()) {
            out.put("annotations", new LinkedHashMap<>(m.annotations()));
        }
        putIfNotEmpty(out, "kubeVersion", m.kubeVersion());
        List<Object> deps = new ArrayList<>();
        for (ChartDependency d : m.dependencies()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("name", d.name());
            putIfNotEmpty(dm, "version", d.version());
            dm.put("repository", d.repository());
            putIfNotEmpty(dm, "condition", d.condition());
            putIfNotEmpty(dm, "tags", d.tags());
            if (d.enabled()) {
                dm.put("enabled", true);
            }
            putIfNotEmpty(dm, "import-values", d.importValues());
            putIfNotEmpty(dm, "alias", d.alias());
            deps.add(dm);
        }
        putIfNotEmpty(out, "dependencies", deps);
        putIfNotEmpty(out, "type", m.type());
        return out;
    }

    private static void putIfNotEmpty(Map<String, Object> map, String key, Object value) {
        if ((value instanceof String s && !s.isEmpty()) || (value instanceof List<?> l && !l.isEmpty())) {
            map.put(key, value);
        }
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Go's RFC3339Nano: fraction without trailing zeros, {@code Z} for UTC. */
    static String time(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    private static OffsetDateTime parseTime(Object value, String source, String field) throws ReleaseCodecException {
        if (!(value instanceof String text)) {
            throw new ReleaseCodecException(source, field + ": expected an RFC 3339 time, found none");
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ReleaseCodecException(source, field + ": expected an RFC 3339 time, found '" + value + "'", e);
        }
    }
}
