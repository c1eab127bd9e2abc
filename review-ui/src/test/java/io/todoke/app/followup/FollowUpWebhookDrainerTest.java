package io.todoke.app.followup;

import com.sun.net.httpserver.HttpServer;
import io.todoke.store.followup.FollowUp;
import io.todoke.store.followup.FollowUpEvents;
import io.todoke.store.followup.FollowUpProperties;
import io.todoke.store.followup.FollowUpWebhookOutbox;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the change to the receiver: an event queued in the database is sent by the drainer to a local HTTP server,
 * again after the server first refused it, and leaves the outbox once accepted.
 */
class FollowUpWebhookDrainerTest {

    @Test
    void aQueuedEventReachesTheReceiverAfterARefusalAndLeavesTheOutbox() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:webhook-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        FollowUpProperties properties = new FollowUpProperties("config/followup", Duration.ofHours(24),
                new FollowUpProperties.Webhook(List.of("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
                        false, Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(50)),
                "unused");
        FollowUpWebhookOutbox outbox = new FollowUpWebhookOutbox(jdbc);
        FollowUpWebhookDrainer drainer = new FollowUpWebhookDrainer(outbox, properties);
        UUID caseId = UUID.randomUUID();
        new FollowUpEvents(jdbc, properties).enqueue(FollowUpEvents.STATUS_CHANGED, new FollowUp(caseId, "covid19",
                "西区", null, "closed", "nurse", null, null, Instant.now(), null, null, "氏名", 3), "observing", Instant.now());
        try {
            drainer.start();
            Instant until = Instant.now().plusSeconds(30);
            while (outbox.pending() > 0) {
                assertThat(Instant.now()).as("sent in time").isBefore(until);
                Thread.sleep(50);
            }
        } finally {
            drainer.stop();
            server.stop(0);
        }

        assertThat(calls.get()).isEqualTo(2);
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0)).contains(caseId.toString(), "\"status\":\"closed\"")
                .doesNotContain("氏名", "nurse");
    }
}
