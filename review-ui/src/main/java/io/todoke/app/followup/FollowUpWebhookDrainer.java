package io.todoke.app.followup;

import io.todoke.store.followup.FollowUpProperties;
import io.todoke.store.followup.FollowUpWebhookOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Sends due follow-up events every {@code todoke.followup.webhook.interval}, when a webhook URL is configured. */
@Component
public class FollowUpWebhookDrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FollowUpWebhookDrainer.class);

    private final FollowUpWebhookOutbox outbox;
    private final FollowUpProperties.Webhook settings;
    private ScheduledExecutorService timer;

    public FollowUpWebhookDrainer(FollowUpWebhookOutbox outbox, FollowUpProperties properties) {
        this.outbox = outbox;
        this.settings = properties.webhook();
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || timer != null) {
            return;
        }
        FollowUpWebhook webhook = new FollowUpWebhook(settings);
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "followup-webhook"));
        long every = settings.interval().toMillis();
        timer.scheduleWithFixedDelay(() -> drain(webhook), every, every, TimeUnit.MILLISECONDS);
        log.info("Follow-up webhook on: {} URL(s), every {}", settings.urls().size(), settings.interval());
    }

    private void drain(FollowUpWebhook webhook) {
        try {
            var sent = outbox.drain(50, webhook, settings.firstDelay(), settings.maxDelay());
            if (sent.failed() > 0) {
                log.warn("Follow-up webhook: {} event(s) refused or unreachable, tried again later", sent.failed());
            }
        } catch (RuntimeException e) {
            log.warn("Follow-up webhook pass failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
