package io.todoke.search.ops;

import java.time.Duration;

import org.elasticsearch.client.RestClient;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.todoke.search.config.SearchAutoConfiguration;
import io.todoke.search.config.SearchCluster;

/** The {@code search} health component, where actuator is on the classpath. */
@AutoConfiguration(after = SearchAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({RestClient.class, SearchCluster.class})
public class SearchHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "searchHealthIndicator")
    public SearchHealthIndicator searchHealthIndicator(RestClient elasticsearchRestClient, SearchCluster cluster) {
        return new SearchHealthIndicator(elasticsearchRestClient, cluster, Duration.ofSeconds(3));
    }
}
