package io.todoke.search.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.DisposableBean;

import io.todoke.search.node.LocalElasticsearch;
import io.todoke.search.node.LocalNodeWatchdog;

/** The cluster the application talks to: the configured one, or the local node it started (and will stop). */
public final class SearchCluster implements DisposableBean {

    private final List<URI> uris;
    private final LocalElasticsearch localNode;
    private final LocalNodeWatchdog watchdog;

    private SearchCluster(List<URI> uris, LocalElasticsearch localNode, LocalNodeWatchdog watchdog) {
        this.uris = List.copyOf(uris);
        this.localNode = localNode;
        this.watchdog = watchdog;
    }

    public static SearchCluster remote(List<URI> uris) {
        return new SearchCluster(uris, null, null);
    }

    /** Starts (or joins, within this JVM) the local node, and restarts it should it die. */
    public static SearchCluster local(SearchProperties.Local local, String defaultVersion) {
        LocalElasticsearch node = LocalElasticsearch.acquire(local.toSettings(defaultVersion));
        LocalNodeWatchdog watchdog = local.maxRestarts() > 0 ? new LocalNodeWatchdog(node, Duration.ofSeconds(2),
                local.maxRestarts(), local.restartBackoff(), Duration.ofMinutes(10)) : null;
        return new SearchCluster(List.of(node.httpUri()), node, watchdog);
    }

    public List<URI> uris() {
        return uris;
    }

    public Optional<LocalElasticsearch> localNode() {
        return Optional.ofNullable(localNode);
    }

    /** Restarts of the local node since start-up (0 for a configured cluster). */
    public int localNodeRestarts() {
        return watchdog == null ? 0 : watchdog.restarts();
    }

    @Override
    public void destroy() {
        if (watchdog != null) {
            watchdog.close();
        }
        if (localNode != null) {
            LocalElasticsearch.release(localNode);
        }
    }
}
