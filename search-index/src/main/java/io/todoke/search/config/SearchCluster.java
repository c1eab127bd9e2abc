package io.todoke.search.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.DisposableBean;

import io.todoke.search.node.LocalElasticsearch;

/** The cluster the application talks to: the configured one, or the local node it started (and will stop). */
public final class SearchCluster implements DisposableBean {

    private final List<URI> uris;
    private final LocalElasticsearch localNode;

    private SearchCluster(List<URI> uris, LocalElasticsearch localNode) {
        this.uris = List.copyOf(uris);
        this.localNode = localNode;
    }

    public static SearchCluster remote(List<URI> uris) {
        return new SearchCluster(uris, null);
    }

    /** Starts (or joins, within this JVM) the local node. */
    public static SearchCluster local(SearchProperties.Local local, String defaultVersion) {
        LocalElasticsearch node = LocalElasticsearch.acquire(local.toSettings(defaultVersion));
        return new SearchCluster(List.of(node.httpUri()), node);
    }

    public List<URI> uris() {
        return uris;
    }

    public Optional<LocalElasticsearch> localNode() {
        return Optional.ofNullable(localNode);
    }

    @Override
    public void destroy() {
        if (localNode != null) {
            LocalElasticsearch.release(localNode);
        }
    }
}
