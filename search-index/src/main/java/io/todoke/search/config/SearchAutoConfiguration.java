package io.todoke.search.config;


import org.elasticsearch.client.RestClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.todoke.search.CaseIndex;
import io.todoke.search.cases.ElasticsearchCaseIndex;
import io.todoke.search.node.LocalNodeSettings;

/**
 * Search beans: with {@code search.elasticsearch.uris} the configured cluster, without them a local node this
 * application starts and stops. Runs before Spring Boot's own Elasticsearch auto-configuration, which then backs
 * off (it would otherwise point a client at localhost:9200).
 */
@AutoConfiguration(before = {ElasticsearchRestClientAutoConfiguration.class,
        ElasticsearchClientAutoConfiguration.class})
@ConditionalOnProperty(prefix = "search.elasticsearch", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SearchProperties.class)
public class SearchAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public SearchCluster searchCluster(SearchProperties properties) {
        return properties.useLocalNode() ? SearchCluster.local(properties.local(), LocalNodeSettings.DEFAULT_VERSION)
                : SearchCluster.remote(properties.uris());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RestClient elasticsearchRestClient(SearchCluster cluster, SearchProperties properties) {
        return ElasticsearchClients.restClient(cluster.uris(), properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return ElasticsearchClients.client(restClient);
    }

    @Bean
    @ConditionalOnMissingBean(CaseIndex.class)
    public ElasticsearchCaseIndex caseIndex(ElasticsearchClient client, SearchProperties properties) {
        Refresh refresh = switch (properties.refresh()) {
            case NONE -> Refresh.False;
            case WAIT_FOR -> Refresh.WaitFor;
            case IMMEDIATE -> Refresh.True;
        };
        ElasticsearchCaseIndex index = new ElasticsearchCaseIndex(client, properties.indexAlias(), refresh);
        try {
            index.ensureIndex();
        } catch (io.todoke.search.SearchUnavailableException e) {
            // The database is the system of record: start anyway; the first use retries and the outbox catches up.
            org.slf4j.LoggerFactory.getLogger(SearchAutoConfiguration.class)
                    .warn("Search cluster not reachable at startup, will retry on first use: {}", e.getMessage());
        }
        return index;
    }
}
