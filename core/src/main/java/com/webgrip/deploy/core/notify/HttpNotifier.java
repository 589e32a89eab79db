package com.webgrip.deploy.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** POSTs a JSON payload made from each notification; a 2xx answer is success. */
final class HttpNotifier implements Notifier {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final URI endpoint;
    private final HttpClient client;
    private final Function<Notification, ObjectNode> payload;

    HttpNotifier(String service, URI endpoint, HttpClient client, Function<Notification, ObjectNode> payload) {
        this.service = service;
        this.endpoint = endpoint;
        this.client = client;
        this.payload = payload;
    }

    @Override
    public CompletionStage<Void> send(Notification notification) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(payload.apply(notification));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(
                    new NotificationException("could not write the " + service + " payload", e));
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> {
                    if (error != null) {
                        throw new java.util.concurrent.CompletionException(
                                new NotificationException(service + " could not be reached: " + error, error));
                    }
                    if (response.statusCode() / 100 != 2) {
                        String answer = response.body();
                        throw new java.util.concurrent.CompletionException(new NotificationException(service
                                + " answered HTTP " + response.statusCode() + ": "
                                + (answer.length() > 200 ? answer.substring(0, 200) + "..." : answer)));
                    }
                    return null;
                });
    }

    @Override
    public String toString() {
        // The endpoint of a Slack webhook is itself a secret: never printed.
        return service + " notifier";
    }
}
