package io.todoke.search;

import org.elasticsearch.client.RestClient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.todoke.search.config.ElasticsearchClients;
import io.todoke.search.config.SearchProperties;
import io.todoke.search.node.LocalElasticsearch;
import io.todoke.search.node.LocalNodeSettings;

/** The module's tests share one local node per JVM, the same one the Spring auto-configuration joins. */
public final class TestElasticsearch {

    private static LocalElasticsearch node;
    private static ElasticsearchClient client;

    private TestElasticsearch() {
    }

    public static synchronized LocalElasticsearch node() {
        if (node == null) {
            // Stopped by its shutdown hook when the test JVM exits.
            node = LocalElasticsearch.acquire(LocalNodeSettings.defaults());
        }
        return node;
    }

    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            RestClient rest = ElasticsearchClients.restClient(java.util.List.of(node().httpUri()),
                    new SearchProperties(null, null, null, null, null, null, null, null, null, null, null, null));
            client = ElasticsearchClients.client(rest);
        }
        return client;
    }

    /** Drops a test alias's indices and template (the node refuses wildcard deletes). */
    public static void dropAlias(String alias) throws java.io.IOException {
        for (String index : client().indices().get(b -> b.index(alias + "-v*")).result().keySet()) {
            client().indices().delete(b -> b.index(index));
        }
        client().indices().deleteIndexTemplate(b -> b.name(alias + "-template"));
    }
}
