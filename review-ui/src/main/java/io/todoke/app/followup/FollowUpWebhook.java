package io.todoke.app.followup;

import io.todoke.store.followup.FollowUpProperties;
import io.todoke.store.followup.FollowUpWebhookOutbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * POSTs one follow-up event as JSON to every configured URL, with its outbox id in {@code X-Todoke-Event-Id}
 * (a repeat after a failure carries the same id). Anything but a 2xx is a failure, to be tried again.
 */
public class FollowUpWebhook implements FollowUpWebhookOutbox.Sender {

    private final FollowUpProperties.Webhook settings;
    private final HttpClient http;

    public FollowUpWebhook(FollowUpProperties.Webhook settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(FollowUpWebhookOutbox.Event event) throws IOException, InterruptedException {
        for (String url : settings.urls()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Todoke-Event-Id", Long.toString(event.id()))
                    .header("X-Todoke-Event", event.event())
                    .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                // The URL may carry a token: the log and the stored error name the status only.
                throw new IOException("webhook answered HTTP " + response.statusCode());
            }
        }
    }
}
