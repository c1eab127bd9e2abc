package io.todoke.app.ops;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the operations endpoints besides a signed-in administrator.
 *
 * @param metricsScrapeAddresses addresses or CIDR ranges (e.g. {@code 127.0.0.1}, {@code 10.0.5.0/24}) from which
 *                               {@code /actuator/prometheus} and {@code /actuator/metrics} answer without signing
 *                               in, for a Prometheus server; empty (the default) = administrators only. Behind a
 *                               reverse proxy on the same host, set {@code server.forward-headers-strategy} so that
 *                               the address is the client's, not the proxy's.
 */
@ConfigurationProperties("todoke.operations")
public record OperationsProperties(List<String> metricsScrapeAddresses) {

    public OperationsProperties {
        metricsScrapeAddresses = metricsScrapeAddresses == null ? List.of() : List.copyOf(metricsScrapeAddresses);
    }
}
