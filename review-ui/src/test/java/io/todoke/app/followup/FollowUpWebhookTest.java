package io.todoke.app.followup;

import com.sun.net.httpserver.HttpServer;
import io.todoke.store.followup.FollowUpProperties;
import io.todoke.store.followup.FollowUpWebhookOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook against a local HTTP server: what arrives, and that a refusal is a failure to try again. */
class FollowUpWebhookTest {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ids.add(exchange.getRequestHeaders().getFirst("X-Todoke-Event-Id") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private FollowUpWebhook webhook() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        return new FollowUpWebhook(new FollowUpProperties.Webhook(List.of(url), false, Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(1)));
    }

    @Test
    void anEventArrivesAsJsonWithItsIdForTellingRepeats() throws Exception {
        webhook().send(new FollowUpWebhookOutbox.Event(42, "STATUS_CHANGED", "{\"status\":\"closed\"}", 0));

        assertThat(bodies).containsExactly("{\"status\":\"closed\"}");
        assertThat(ids).containsExactly("42 application/json");
    }

    @Test
    void aReceiverThatAnswersAnErrorFailsTheDeliverySoItIsTriedAgain() {
        answer.set(503);

        assertThatThrownBy(() -> webhook().send(new FollowUpWebhookOutbox.Event(7, "ASSIGNED", "{}", 0)))
                .hasMessage("webhook answered HTTP 503");
    }
}
