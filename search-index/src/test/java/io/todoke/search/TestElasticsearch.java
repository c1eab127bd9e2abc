package io.todoke.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.elasticsearch.client.RestClient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.todoke.search.cases.ElasticsearchCaseIndex;
import io.todoke.search.config.ElasticsearchClients;
import io.todoke.search.config.SearchProperties;
import io.todoke.search.node.LocalElasticsearch;
import io.todoke.search.node.LocalNodeSettings;

/**
 * One local node per JVM for tests of any module that do not run a Spring context: {@code node()} starts it on
 * first use (default settings, so {@code var/elasticsearch} under the working directory, i.e. the module), and a
 * Spring context in the same JVM without {@code search.elasticsearch.uris} joins the same node. It stops when the
 * JVM exits. Give each test class its own index alias and {@link #dropAlias} it afterwards.
 */
public final class TestElasticsearch {

    /** C1 only: the node starts in about half the time on a busy machine; tests need no peak speed. */
    public static final String FAST_START = "-XX:TieredStopAtLevel=1";

    private static LocalElasticsearch node;
    private static ElasticsearchClient client;

    private TestElasticsearch() {
    }

    public static synchronized LocalElasticsearch node() {
        if (node == null) {
            // Stopped by its shutdown hook when the test JVM exits.
            node = LocalElasticsearch.acquire(settings().withJavaOpts(FAST_START));
        }
        return node;
    }

    /** The defaults, with the var directory the build gives test JVMs ({@code search.elasticsearch.local.var-dir}). */
    public static LocalNodeSettings settings() {
        String varDir = System.getProperty("search.elasticsearch.local.var-dir");
        return varDir == null ? LocalNodeSettings.defaults() : LocalNodeSettings.defaults().withVarDir(Path.of(varDir));
    }

    /** A client for {@link #node()}, shared too. */
    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            RestClient rest = ElasticsearchClients.restClient(List.of(node().httpUri()),
                    new SearchProperties(null, null, null, null, null, null, null, null, null, null, null, null));
            client = ElasticsearchClients.client(rest);
        }
        return client;
    }

    /** A case index on the shared node under its own alias; searchable right after each write. */
    public static ElasticsearchCaseIndex caseIndex(String alias) {
        return new ElasticsearchCaseIndex(client(), alias, Refresh.WaitFor);
    }

    /** Drops an alias's indices and template (the node refuses wildcard deletes). */
    public static void dropAlias(String alias) throws IOException {
        for (String index : client().indices().get(b -> b.index(alias + "-v*")).result().keySet()) {
            client().indices().delete(b -> b.index(index));
        }
        client().indices().deleteIndexTemplate(b -> b.name(alias + "-template"));
    }
}
