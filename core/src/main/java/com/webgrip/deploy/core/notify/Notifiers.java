package com.webgrip.deploy.core.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Objects;

/** Notifiers for Slack incoming webhooks, generic JSON webhooks and PagerDuty Events API v2. */
public final class Notifiers {

    /** PagerDuty's Events API v2 endpoint. */
    public static final URI PAGERDUTY_EVENTS = URI.create("https://events.pagerduty.com/v2/enqueue");

    private static final int PAGERDUTY_SUMMARY_LIMIT = 1024;

    private Notifiers() {}

    /**
     * A Slack incoming webhook: posts {@code text} (the fallback and notification text) and a section block in
     * mrkdwn, with a context block of the details.
     *
     * @param webhook the webhook URL Slack gave (a secret: it is never printed)
     * @param client the HTTP client
     * @return the notifier
     */
    public static Notifier slack(URI webhook, HttpClient client) {
        return new HttpNotifier("Slack", Objects.requireNonNull(webhook, "webhook required"), client, n -> {
            ObjectNode root = HttpNotifier.JSON.createObjectNode();
            root.put("text", icon(n.severity()) + " " + n.title());
            ArrayNode blocks = root.putArray("blocks");
            ObjectNode section = blocks.addObject().put("type", "section");
            section.putObject("text")
                    .put("type", "mrkdwn")
                    .put("text", "*" + escape(n.title()) + "*\n" + escape(n.text()));
            ObjectNode context = blocks.addObject().put("type", "context");
            ArrayNode elements = context.putArray("elements");
            elements.addObject()
                    .put("type", "mrkdwn")
                    .put("text", "run " + n.runId() + " · " + n.environment() + " · " + n.at());
            n.details()
                    .forEach((key, value) ->
                            elements.addObject().put("type", "mrkdwn").put("text", escape(key) + ": " + escape(value)));
            return root;
        });
    }

    /**
     * A generic JSON webhook: posts the notification as one JSON object with the fields of {@link Notification}.
     *
     * @param endpoint where to post
     * @param client the HTTP client
     * @return the notifier
     */
    public static Notifier webhook(URI endpoint, HttpClient client) {
        return new HttpNotifier("webhook", Objects.requireNonNull(endpoint, "endpoint required"), client, n -> {
            ObjectNode root = HttpNotifier.JSON.createObjectNode();
            root.put("at", n.at().toString());
            root.put("runId", n.runId());
            root.put("environment", n.environment());
            root.put("severity", n.severity().name().toLowerCase(Locale.ROOT));
            root.put("title", n.title());
            root.put("text", n.text());
            ObjectNode details = root.putObject("details");
            n.details().forEach(details::put);
            return root;
        });
    }

    /**
     * PagerDuty Events API v2: a {@code trigger} event whose {@code dedup_key} is the run, so that the notifications of
     * one run group into one incident.
     *
     * @param endpoint {@link #PAGERDUTY_EVENTS}, or another for tests
     * @param routingKey the integration's routing key (a secret: it is never printed)
     * @param client the HTTP client
     * @return the notifier
     */
    public static Notifier pagerDuty(URI endpoint, String routingKey, HttpClient client) {
        Objects.requireNonNull(routingKey, "routingKey required");
        return new HttpNotifier("PagerDuty", Objects.requireNonNull(endpoint, "endpoint required"), client, n -> {
            ObjectNode root = HttpNotifier.JSON.createObjectNode();
            root.put("routing_key", routingKey);
            root.put("event_action", "trigger");
            root.put("dedup_key", "webgrip-deploy/" + n.runId());
            ObjectNode payload = root.putObject("payload");
            String summary = n.title() + ": " + n.text();
            payload.put(
                    "summary",
                    summary.length() > PAGERDUTY_SUMMARY_LIMIT
                            ? summary.substring(0, PAGERDUTY_SUMMARY_LIMIT - 3) + "..."
                            : summary);
            payload.put("source", "webgrip-deploy");
            payload.put("severity", n.severity().name().toLowerCase(Locale.ROOT));
            payload.put("timestamp", n.at().toString());
            payload.put("component", n.environment());
            payload.put("group", "deployments");
            payload.put("class", n.details().getOrDefault("outcome", "deployment"));
            ObjectNode details = payload.putObject("custom_details");
            details.put("run", n.runId());
            n.details().forEach(details::put);
            return root;
        });
    }

    private static String icon(Notification.Severity severity) {
        return switch (severity) {
            case CRITICAL, ERROR -> ":rotating_light:";
            case WARNING -> ":warning:";
            default -> ":white_check_mark:";
        };
    }

    /** Slack's mrkdwn needs &, < and > escaped. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
