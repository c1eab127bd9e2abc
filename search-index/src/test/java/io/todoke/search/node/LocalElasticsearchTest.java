package io.todoke.search.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalElasticsearchTest {

    /** A node of its own (not the shared one), so stopping it does not disturb the other tests. */
    @Test
    void startsAHealthyLoopbackNodeAndLeavesNoProcessAfterStop() throws Exception {
        LocalNodeSettings settings = LocalNodeSettings.defaults().withVarDir(Path.of("target", "es-launcher-test"));
        List<ProcessHandle> tree;
        try (LocalElasticsearch node = new LocalElasticsearch(settings)) {
            node.start();
            System.out.println("local Elasticsearch startup: " + node.startupTime().toMillis() + " ms");
            assertThat(node.isRunning()).isTrue();
            assertThat(node.httpUri().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> health = get(node.httpUri().resolve("/_cluster/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"cluster_name\":\"todoke-local\"")
                    .containsPattern("\"status\":\"(green|yellow)\"");
            assertThat(Files.readString(settings.pidFile()).trim()).matches("\\d+");
            tree = node.processTree();
            assertThat(tree).hasSizeGreaterThanOrEqualTo(2);
            if (LocalElasticsearch.isRoot()) {
                assertThat(tree.get(tree.size() - 1).info().user()).contains(settings.runAsUser());
            }
        }
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(settings.pidFile()).doesNotExist();
    }

    @Test
    void aTakenConfiguredPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            LocalNodeSettings settings = LocalNodeSettings.defaults().withVarDir(Path.of("target", "es-port-test"))
                    .withHttpPort(taken.getLocalPort());
            assertThatThrownBy(() -> new LocalElasticsearch(settings).start())
                    .isInstanceOf(LocalElasticsearchException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void aMissingDistributionZipSaysHowToGetIt() {
        LocalNodeSettings settings = new LocalNodeSettings(null, Path.of("target", "no-such.zip"),
                Path.of("target", "es-missing-zip"), null, 0, 0, null, null, null);
        assertThatThrownBy(() -> new LocalElasticsearch(settings).start())
                .isInstanceOf(LocalElasticsearchException.class)
                .hasMessageContaining("distribution zip not found")
                .hasMessageContaining("no-such.zip");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
