package com.webgrip.deploy.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusMetricSourceTest {

    private static final MetricQuery ERRORS = new MetricQuery(
                    "error-rate",
                    "sum(rate(http_requests_total{release=\"{release}\",code=~\"5..\"}[{window}]))"
                            + " / sum(rate(http_requests_total{release=\"{release}\"}[{window}]))",
                    Duration.ofMinutes(2))
            .bind("grafana-stack", "monitoring");
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00.250Z");

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query", exchange -> {
            requests.add(URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PrometheusMetricSource source() {
        return PrometheusMetricSource.at(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Test
    void readsAVectorOfOneSeriesAndSendsTheBoundQueryAndTime() throws MetricException {
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                + "\"value\":[1714564800.25,\"0.0731\"]}]}}";

        MetricReading reading = source().read(ERRORS, AT);

        assertThat(reading.value()).hasValue(0.0731);
        assertThat(requests)
                .singleElement()
                .satisfies(query -> assertThat(query)
                        .contains("query=sum(rate(http_requests_total{release=\"grafana-stack\",code=~\"5..\"}[2m]))")
                        .endsWith("&time=1714564800.250"));
    }

    @Test
    void readsAScalar() throws MetricException {
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1714564800.25,\"2\"]}}";

        assertThat(source().read(ERRORS, AT).value()).hasValue(2.0);
    }

    @Test
    void treatsAnEmptyVectorAsNoData() throws MetricException {
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

        assertThat(source().read(ERRORS, AT).inconclusive()).isTrue();
    }

    @Test
    void treatsNaNAsNoData() throws MetricException {
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                + "\"value\":[1714564800.25,\"NaN\"]}]}}";

        assertThat(source().read(ERRORS, AT).inconclusive()).isTrue();
    }

    @Test
    void rejectsSeveralSeriesNamingTheQuery() {
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"pod\":\"a\"},\"value\":[1,\"1\"]},{\"metric\":{\"pod\":\"b\"},\"value\":[1,\"2\"]}]}}";

        assertThatThrownBy(() -> source().read(ERRORS, AT))
                .isInstanceOf(MetricException.class)
                .hasMessageContaining("error-rate gave 2 series");
    }

    @Test
    void reportsPrometheusErrorsWithTheirType() {
        status = 400;
        body = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 4\"}";

        assertThatThrownBy(() -> source().read(ERRORS, AT))
                .isInstanceOf(MetricException.class)
                .hasMessageContaining("HTTP 400, bad_data: parse error at char 4");
    }

    @Test
    void reportsABodyThatIsNotJson() {
        status = 502;
        body = "<html>bad gateway</html>";

        assertThatThrownBy(() -> source().read(ERRORS, AT))
                .isInstanceOf(MetricException.class)
                .hasMessageContaining("HTTP 502 and a body that is not JSON");
    }

    @Test
    void reportsAnUnreachableServer() {
        PrometheusMetricSource closed = PrometheusMetricSource.at(URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(() -> closed.read(ERRORS, AT))
                .isInstanceOf(MetricException.class)
                .hasMessageContaining("could not query Prometheus");
    }

    @Test
    void sendsTheBearerTokenButNeverPrintsIt() throws MetricException {
        body = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"0\"]}}";
        PrometheusMetricSource withToken = PrometheusMetricSource.of(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                HttpClient.newHttpClient(),
                Duration.ofSeconds(5),
                Optional.of("s3cr3t-token"));

        withToken.read(ERRORS, AT);

        assertThat(authorizations).containsExactly("Bearer s3cr3t-token");
        assertThat(withToken.toString()).doesNotContain("s3cr3t");
    }
}
