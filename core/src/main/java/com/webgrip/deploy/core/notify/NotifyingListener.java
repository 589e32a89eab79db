package com.webgrip.deploy.core.notify;

import com.webgrip.deploy.core.run.RunEvent;
import com.webgrip.deploy.core.run.RunListener;
import com.webgrip.deploy.core.run.RunOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns run events into notifications: a rollback decision (warning) and the run's end (info when it succeeded,
 * warning when it rolled back, critical when a rollback failed, a person is needed or it failed). Sends
 * asynchronously; a notifier that fails is logged and never stops the run.
 */
public final class NotifyingListener implements RunListener {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingListener.class);

    private final Notifier notifier;
    private final String environment;
    private final Notification.Severity minimum;

    /**
     * A listener.
     *
     * @param notifier where to send
     * @param environment the environment the runs deploy to
     * @param minimum the lowest severity to send, such as {@code WARNING} for PagerDuty
     */
    public NotifyingListener(Notifier notifier, String environment, Notification.Severity minimum) {
        this.notifier = Objects.requireNonNull(notifier, "notifier required");
        this.environment = Objects.requireNonNull(environment, "environment required");
        this.minimum = Objects.requireNonNull(minimum, "minimum required");
    }

    @Override
    public void onEvent(RunEvent event) {
        Notification notification = toNotification(event);
        if (notification == null || notification.severity().compareTo(minimum) < 0) {
            return;
        }
        notifier.send(notification).whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.warn(
                        "run {}: notification \"{}\" not sent: {}",
                        event.runId(),
                        notification.title(),
                        error.toString());
            }
        });
    }

    Notification toNotification(RunEvent event) {
        Map<String, String> details = new LinkedHashMap<>();
        if (event instanceof RunEvent.DecisionMade decision) {
            if (!decision.decision().equals("RollBack")) {
                return null;
            }
            details.put("chart", decision.chart());
            return new Notification(
                    event.at(),
                    event.runId(),
                    environment,
                    Notification.Severity.WARNING,
                    "Rolling back " + decision.chart() + " in " + environment,
                    decision.reason(),
                    details);
        }
        if (event instanceof RunEvent.RunFinished finished) {
            details.put("outcome", finished.outcome().name());
            return new Notification(
                    event.at(),
                    event.runId(),
                    environment,
                    severity(finished.outcome()),
                    "Deployment to " + environment + " "
                            + finished.outcome()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', ' '),
                    finished.reason(),
                    details);
        }
        return null;
    }

    private static Notification.Severity severity(RunOutcome outcome) {
        return switch (outcome) {
            case SUCCEEDED, DRY_RUN -> Notification.Severity.INFO;
            case ROLLED_BACK, CANCELLED, APPROVAL_REFUSED -> Notification.Severity.WARNING;
            default -> Notification.Severity.CRITICAL;
        };
    }
}
