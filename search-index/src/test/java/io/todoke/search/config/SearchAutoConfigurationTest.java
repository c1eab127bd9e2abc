package io.todoke.search.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.todoke.search.CaseDocument;
import io.todoke.search.CaseIndex;
import io.todoke.search.SearchUnavailableException;
import io.todoke.search.TestElasticsearch;
import io.todoke.search.node.LocalElasticsearch;

class SearchAutoConfigurationTest {

    /** With Spring Boot's own Elasticsearch auto-configuration present too, as in the application. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SearchAutoConfiguration.class,
                    ElasticsearchRestClientAutoConfiguration.class, ElasticsearchClientAutoConfiguration.class));

    @Test
    void withoutUrisTheContextRunsOnTheLocalNodeAndCreatesTheIndex() {
        LocalElasticsearch shared = TestElasticsearch.node();
        String alias = "autoconfig-" + System.nanoTime();
        runner.withPropertyValues("search.elasticsearch.index-alias=" + alias,
                        "search.elasticsearch.refresh=wait-for")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SearchCluster cluster = context.getBean(SearchCluster.class);
                    // The JVM's one node: the context joined it instead of starting a second.
                    assertThat(cluster.localNode()).containsSame(shared);
                    assertThat(context).hasSingleBean(ElasticsearchClient.class);
                    CaseIndex index = context.getBean(CaseIndex.class);
                    index.index(new CaseDocument("a1", "f1", "西区", java.util.Map.of("patient_name", "井上 陽"),
                            "2021-01-01T00:00:00Z"));
                    assertThat(index.search(CaseIndex.CaseQuery.text("井上")).total()).isEqualTo(1);
                    ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
                    assertThat(client.indices().existsAlias(b -> b.name(alias)).value()).isTrue();
                    TestElasticsearch.dropAlias(alias);
                });
        // Closing the context released its share only: the JVM's node keeps running for the other tests.
        assertThat(shared.isRunning()).isTrue();
    }

    @Test
    void aDownClusterMakesSearchUnavailableWithoutFailingStartup() throws Exception {
        int deadPort = LocalElasticsearchPorts.unused();
        runner.withPropertyValues("search.elasticsearch.uris=http://127.0.0.1:" + deadPort)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SearchCluster.class).localNode()).isEmpty();
                    assertThat(context.getBean(SearchCluster.class).uris()).hasSize(1);
                    CaseIndex index = context.getBean(CaseIndex.class);
                    assertThatThrownBy(() -> index.search(CaseIndex.CaseQuery.text("山田")))
                            .isInstanceOf(SearchUnavailableException.class)
                            .hasMessageContaining("unreachable");
                    assertThatThrownBy(() -> index.index(new CaseDocument("x", "f", "西区", java.util.Map.of(), null)))
                            .isInstanceOf(SearchUnavailableException.class);
                    assertThatThrownBy(() -> index.rebuild(List.of()))
                            .isInstanceOf(SearchUnavailableException.class);
                });
    }

    @Test
    void searchCanBeSwitchedOff() {
        runner.withPropertyValues("search.elasticsearch.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CaseIndex.class)
                        .doesNotHaveBean(SearchCluster.class));
    }

    @Test
    void propertiesBindFromKebabCaseAndDefaultToALocalNode() {
        new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("search.elasticsearch.local.http-port=19200", "search.elasticsearch.local.heap=256m",
                        "search.elasticsearch.local.var-dir=/tmp/todoke-es", "search.elasticsearch.refresh=wait-for")
                .run(context -> {
                    SearchProperties properties = context.getBean(SearchProperties.class);
                    assertThat(properties.useLocalNode()).isTrue();
                    assertThat(properties.indexAlias()).isEqualTo("todoke-cases");
                    assertThat(properties.verifyCertificates()).isTrue();
                    assertThat(properties.refresh()).isEqualTo(SearchProperties.IndexRefresh.WAIT_FOR);
                    io.todoke.search.node.LocalNodeSettings local = properties.local()
                            .toSettings(io.todoke.search.node.LocalNodeSettings.DEFAULT_VERSION);
                    assertThat(local.httpPort()).isEqualTo(19200);
                    assertThat(local.transportPort()).isZero();
                    assertThat(local.heap()).isEqualTo("256m");
                    assertThat(local.dataDir()).isEqualTo(java.nio.file.Path.of("/tmp/todoke-es/data"));
                    assertThat(local.distributionDir()).isEqualTo(java.nio.file.Path.of("/tmp/todoke-es/dist-8.19.21"));
                    assertThat(local.runAsUser()).isEqualTo("todoke-es");
                });
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties(SearchProperties.class)
    static class PropertiesOnly {
    }

    /** A loopback port nothing listens on. */
    static final class LocalElasticsearchPorts {
        static int unused() throws java.io.IOException {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
