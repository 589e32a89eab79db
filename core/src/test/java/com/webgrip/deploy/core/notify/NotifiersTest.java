package com.webgrip.deploy.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.webgrip.deploy.core.run.RunEvent;
import com.webgrip.deploy.core.run.RunOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotifiersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Notification ROLLED_BACK = new Notification(
            Instant.parse("2024-05-01T12:00:00Z"),
            "run-7",
            "production",
            Notification.Severity.WARNING,
            "Deployment to production rolled back",
            "060-grafana-stack: workload failure <CrashLoopBackOff> & more",
            Map.of("outcome", "ROLLED_BACK"));

    private HttpServer server;
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(JSON.readTree(exchange.getRequestBody()));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] answer = (status == 202
                            ? "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}"
                            : status == 200 ? "ok" : "invalid_payload")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void postsASlackIncomingWebhookMessageWithTextAndBlocks() {
        Notifiers.slack(uri("/services/T000/B000/XXXX"), client)
                .send(ROLLED_BACK)
                .toCompletableFuture()
                .join();

        JsonNode body = bodies.get(0);
        assertThat(contentTypes).containsExactly("application/json");
        assertThat(body.path("text").asText()).isEqualTo(":warning: Deployment to production rolled back");
        assertThat(body.path("blocks").get(0).path("type").asText()).isEqualTo("section");
        assertThat(body.path("blocks").get(0).path("text").path("type").asText())
                .isEqualTo("mrkdwn");
        assertThat(body.path("blocks").get(0).path("text").path("text").asText())
                .contains("&lt;CrashLoopBackOff&gt; &amp; more");
        assertThat(body.path("blocks").get(1).path("elements").toString())
                .contains("run run-7", "outcome: ROLLED_BACK");
    }

    @Test
    void postsAPagerDutyEventsV2TriggerGroupedByRun() {
        status = 202;
        Notifiers.pagerDuty(uri("/v2/enqueue"), "R0UT1NGKEY", client)
                .send(ROLLED_BACK)
                .toCompletableFuture()
                .join();

        JsonNode body = bodies.get(0);
        assertThat(body.path("routing_key").asText()).isEqualTo("R0UT1NGKEY");
        assertThat(body.path("event_action").asText()).isEqualTo("trigger");
        assertThat(body.path("dedup_key").asText()).isEqualTo("webgrip-deploy/run-7");
        JsonNode payload = body.path("payload");
        assertThat(payload.path("summary").asText()).startsWith("Deployment to production rolled back: ");
        assertThat(payload.path("source").asText()).isEqualTo("webgrip-deploy");
        assertThat(payload.path("severity").asText()).isEqualTo("warning");
        assertThat(payload.path("timestamp").asText()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(payload.path("component").asText()).isEqualTo("production");
        assertThat(payload.path("class").asText()).isEqualTo("ROLLED_BACK");
        assertThat(payload.path("custom_details").path("run").asText()).isEqualTo("run-7");
    }

    @Test
    void postsAGenericWebhookWithEveryField() {
        Notifiers.webhook(uri("/hooks/deploy"), client)
                .send(ROLLED_BACK)
                .toCompletableFuture()
                .join();

        JsonNode body = bodies.get(0);
        assertThat(body.path("runId").asText()).isEqualTo("run-7");
        assertThat(body.path("environment").asText()).isEqualTo("production");
        assertThat(body.path("severity").asText()).isEqualTo("warning");
        assertThat(body.path("details").path("outcome").asText()).isEqualTo("ROLLED_BACK");
    }

    @Test
    void failsWithTheServiceAnswerOnANon2xxStatus() {
        status = 400;
        Notifier slack = Notifiers.slack(uri("/services/T000/B000/XXXX"), client);

        assertThatThrownBy(() -> slack.send(ROLLED_BACK).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NotificationException.class)
                .hasMessageContaining("Slack answered HTTP 400: invalid_payload");
        assertThat(slack.toString()).doesNotContain("XXXX");
    }

    @Test
    void notifiesOfRollbacksAndProblemOutcomesAtOrAboveTheMinimum() {
        List<Notification> sent = new ArrayList<>();
        NotifyingListener listener = new NotifyingListener(
                n -> {
                    sent.add(n);
                    return CompletableFuture.completedFuture(null);
                },
                "production",
                Notification.Severity.WARNING);
        Instant at = Instant.parse("2024-05-01T12:00:00Z");

        listener.onEvent(new RunEvent.DecisionMade(at, "run-7", "060-grafana-stack", "Wait", "analysing"));
        listener.onEvent(new RunEvent.DecisionMade(at, "run-7", "060-grafana-stack", "RollBack", "crash loop"));
        listener.onEvent(new RunEvent.RunFinished(at, "run-7", RunOutcome.SUCCEEDED, "all good"));
        listener.onEvent(new RunEvent.RunFinished(at, "run-8", RunOutcome.ROLLBACK_FAILED, "grafana stuck"));

        assertThat(sent)
                .extracting(Notification::title)
                .containsExactly(
                        "Rolling back 060-grafana-stack in production", "Deployment to production rollback failed");
        assertThat(sent.get(1).severity()).isEqualTo(Notification.Severity.CRITICAL);
    }
}
