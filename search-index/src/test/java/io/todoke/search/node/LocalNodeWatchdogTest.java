package io.todoke.search.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.todoke.search.TestElasticsearch;

class LocalNodeWatchdogTest {

    /** A node of its own (not the shared one), so killing it does not disturb the other tests. */
    @Test
    void aKilledLocalNodeIsRestartedOnTheSameAddress() throws Exception {
        LocalNodeSettings settings = LocalNodeSettings.defaults()
                .withVarDir(TestElasticsearch.settings().varDir().resolveSibling("es-watchdog-test"))
                .withJavaOpts(TestElasticsearch.FAST_START);
        try (LocalElasticsearch node = new LocalElasticsearch(settings)) {
            node.start();
            URI address = node.httpUri();
            long killed = Long.parseLong(Files.readString(settings.pidFile()).trim());
            try (LocalNodeWatchdog watchdog = new LocalNodeWatchdog(node, Duration.ofMillis(200), 3,
                    Duration.ofMillis(100), Duration.ofMinutes(10))) {
                ProcessHandle.of(killed).orElseThrow().destroyForcibly();

                long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                while (watchdog.restarts() == 0 && !watchdog.gaveUp() && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }

                assertThat(watchdog.restarts()).isEqualTo(1);
                assertThat(node.isRunning()).isTrue();
                assertThat(node.httpUri()).isEqualTo(address);
                assertThat(Long.parseLong(Files.readString(settings.pidFile()).trim())).isNotEqualTo(killed);
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        address.resolve("/_cluster/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void aNodeStoppedOnPurposeIsNotRestarted() throws Exception {
        LocalNodeSettings settings = new LocalNodeSettings(null, Path.of("target", "no-such.zip"),
                Path.of("target", "es-watchdog-stopped"), null, 0, 0, null, null, null, null, null);
        LocalElasticsearch never = new LocalElasticsearch(settings);
        try (LocalNodeWatchdog watchdog = new LocalNodeWatchdog(never, Duration.ofMillis(10), 3,
                Duration.ofMillis(1), Duration.ofMinutes(10))) {
            watchdog.check();
            watchdog.check();
            assertThat(watchdog.restarts()).isZero();
            assertThat(watchdog.gaveUp()).isFalse();
        }
    }
}
