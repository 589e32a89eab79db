package com.webgrip.deploy.core.notify;

import java.util.concurrent.CompletionStage;

/** Sends notifications somewhere people read them: Slack, PagerDuty, a webhook. See {@link Notifiers}. */
@FunctionalInterface
public interface Notifier {

    /**
     * Sends one notification.
     *
     * @param notification what to send
     * @return completes when the service accepted it; fails with {@link NotificationException} otherwise
     */
    CompletionStage<Void> send(Notification notification);
}
