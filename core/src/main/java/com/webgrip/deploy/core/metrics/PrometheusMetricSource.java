package com.webgrip.deploy.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads instant queries from Prometheus's HTTP API ({@code GET /api/v1/query?query=...&time=...}) with
 * {@code java.net.http}. A query must give one number: a scalar, or a vector of exactly one series; an empty vector
 * or {@code NaN} is "no data" (inconclusive), several series are an error that names the query.
 */
public final class PrometheusMetricSource implements MetricSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client;
    private final Duration timeout;
    private final Optional<String> bearerToken;

    private PrometheusMetricSource(URI base, HttpClient client, Duration timeout, Optional<String> bearerToken) {
        this.base = Objects.requireNonNull(base, "base URI required");
        this.client = Objects.requireNonNull(client, "client required");
        this.timeout = Objects.requireNonNull(timeout, "timeout required");
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken required");
    }

    /**
     * A source over a Prometheus server, with a 10 s timeout per query.
     *
     * @param base the server, such as {@code http://prometheus.monitoring:9090}
     * @return the source
     */
    public static PrometheusMetricSource at(URI base) {
        return new PrometheusMetricSource(
                base,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Duration.ofSeconds(10),
                Optional.empty());
    }

    /**
     * A source with every option.
     *
     * @param base the server
     * @param client the HTTP client
     * @param timeout the timeout of each query
     * @param bearerToken a token sent as {@code Authorization: Bearer}, if the server needs one
     * @return the source
     */
    public static PrometheusMetricSource of(
            URI base, HttpClient client, Duration timeout, Optional<String> bearerToken) {
        return new PrometheusMetricSource(base, client, timeout, bearerToken);
    }

    @Override
    public MetricReading read(MetricQuery query, Instant at) throws MetricException {
        URI uri = base.resolve("/api/v1/query?query=" + URLEncoder.encode(query.expression(), StandardCharsets.UTF_8)
                + "&time=" + at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MetricException("could not query Prometheus at " + base + " for " + query.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricException("interrupted while querying Prometheus for " + query.name(), e);
        }
        return parse(query, at, response.statusCode(), response.body());
    }

    private MetricReading parse(MetricQuery query, Instant at, int status, String body) throws MetricException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MetricException(
                    "Prometheus answered " + query.name() + " with HTTP " + status + " and a body that is not JSON", e);
        }
        if (status != 200 || !"success".equals(root.path("status").asText())) {
            throw new MetricException("Prometheus answered " + query.name() + " with HTTP " + status + ", "
                    + root.path("errorType").asText("no errorType") + ": "
                    + root.path("error").asText("no error"));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        if (type.equals("scalar")) {
            return reading(query, at, result);
        }
        if (!type.equals("vector")) {
            throw new MetricException("the query " + query.name() + " gave a result of type [" + type
                    + "]; expected a scalar or a vector of one series");
        }
        if (result.size() == 0) {
            return MetricReading.noData(query, at);
        }
        if (result.size() > 1) {
            throw new MetricException("the query " + query.name() + " gave " + result.size()
                    + " series; expected one number (aggregate it, for example with sum())");
        }
        return reading(query, at, result.get(0).path("value"));
    }

    private static MetricReading reading(MetricQuery query, Instant at, JsonNode pair) throws MetricException {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(1).isTextual()) {
            throw new MetricException("the query " + query.name() + " gave a sample that is not [time, \"value\"]");
        }
        String text = pair.get(1).asText();
        try {
            return MetricReading.of(query, at, Double.parseDouble(text.replace("Inf", "Infinity")));
        } catch (NumberFormatException e) {
            throw new MetricException("the query " + query.name() + " gave [" + text + "], which is not a number", e);
        }
    }

    @Override
    public String toString() {
        return "PrometheusMetricSource[" + base + (bearerToken.isPresent() ? ", with a bearer token" : "") + "]";
    }
}
