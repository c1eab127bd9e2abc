package io.todoke.app.ops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.todoke.search.config.SearchCluster;
import io.todoke.store.cases.CaseState;

/**
 * Review and search meters beside the intake's {@code todoke.intake.*}: what waits for a clerk, and how often the
 * local search node had to be restarted. Gauges are read at each scrape.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsMeters {

    public OperationsMeters(ObjectProvider<MeterRegistry> registries, JdbcClient jdbc,
                            ObjectProvider<SearchCluster> search) {
        MeterRegistry registry = registries.getIfAvailable();
        if (registry == null) {
            return;
        }
        Gauge.builder("todoke.review.awaiting", () -> jdbc.sql("select count(*) from notification_case where state = ?")
                        .param(CaseState.AWAITING_REVIEW.name()).query(Long.class).single())
                .description("Cases waiting for a clerk").register(registry);
        search.ifAvailable(cluster -> {
            if (cluster.localNode().isPresent()) {
                Gauge.builder("todoke.search.local.node.restarts", cluster::localNodeRestarts)
                        .description("Restarts of the local Elasticsearch node since start-up").register(registry);
            }
        });
    }
}
