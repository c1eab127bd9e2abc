package io.todoke.search.ops;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.todoke.search.config.SearchCluster;

/**
 * The search component of {@code /actuator/health}. An unreachable or red cluster is {@link #DEGRADED}, not DOWN:
 * intake and review go on without it and the outbox catches up, so a probe must not restart the application for it.
 */
public class SearchHealthIndicator implements HealthIndicator {

    /** Ranked between DOWN and UP in the status order; answered with HTTP 200. */
    public static final Status DEGRADED = new Status("DEGRADED", "search unavailable; intake and review go on");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;
    private final SearchCluster cluster;
    private final RequestOptions options;
    private final RepeatedFailureLog failures = new RepeatedFailureLog(
            LoggerFactory.getLogger(SearchHealthIndicator.class), "Search health check", Duration.ofMinutes(5));

    public SearchHealthIndicator(RestClient client, SearchCluster cluster, Duration timeout) {
        this.client = client;
        this.cluster = cluster;
        int millis = (int) timeout.toMillis();
        this.options = RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(millis).setSocketTimeout(millis).build()).build();
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            Request request = new Request("GET", "/_cluster/health");
            request.setOptions(options);
            Response response = client.performRequest(request);
            String status;
            try (InputStream body = response.getEntity().getContent()) {
                JsonNode json = JSON.readTree(body);
                status = json.path("status").asText("unknown");
            }
            health = "red".equals(status) ? Health.status(DEGRADED) : Health.up();
            health.withDetail("cluster", status);
            if ("red".equals(status)) {
                failures.failure("cluster status red");
            } else {
                failures.success();
            }
        } catch (IOException | RuntimeException e) {
            failures.failure(e);
            health = Health.status(DEGRADED).withDetail("error", "unreachable (" + e.getClass().getSimpleName() + ")");
        }
        if (cluster.localNode().isPresent()) {
            health.withDetail("node", "local").withDetail("restarts", cluster.localNodeRestarts());
        }
        return health.build();
    }
}
