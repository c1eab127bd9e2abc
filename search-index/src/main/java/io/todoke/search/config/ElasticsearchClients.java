package io.todoke.search.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

/** Builds the low-level RestClient and the official Java client from {@link SearchProperties}. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    public static RestClient restClient(List<URI> uris, SearchProperties properties) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("no Elasticsearch URIs");
        }
        HttpHost[] hosts = uris.stream()
                .map(uri -> new HttpHost(uri.getHost(), uri.getPort() < 0 ? ("https".equals(uri.getScheme()) ? 443 : 9200)
                        : uri.getPort(), uri.getScheme() == null ? "http" : uri.getScheme()))
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        builder.setRequestConfigCallback(config -> config
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setSocketTimeout((int) properties.socketTimeout().toMillis()));
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + properties.apiKey())});
        }
        boolean https = uris.stream().anyMatch(uri -> "https".equals(uri.getScheme()));
        SSLContext ssl = https ? sslContext(properties) : null;
        builder.setHttpClientConfigCallback(client -> {
            if (properties.username() != null && !properties.username().isBlank()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY,
                        new UsernamePasswordCredentials(properties.username(), properties.password()));
                client.setDefaultCredentialsProvider(credentials);
            }
            if (ssl != null) {
                client.setSSLContext(ssl);
                if (!properties.verifyCertificates()) {
                    client.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                }
            }
            return client;
        });
        return builder.build();
    }

    public static ElasticsearchClient client(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    private static SSLContext sslContext(SearchProperties properties) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (!properties.verifyCertificates()) {
                context.init(null, new TrustManager[] {new TrustAll()}, null);
            } else if (properties.caCertificate() != null) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                try (InputStream in = Files.newInputStream(properties.caCertificate())) {
                    int i = 0;
                    for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        trust.setCertificateEntry("ca-" + i++, certificate);
                    }
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trust);
                context.init(null, factory.getTrustManagers(), null);
            } else {
                context.init(null, null, null);
            }
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for Elasticsearch (search.elasticsearch.ca-certificate="
                    + properties.caCertificate() + "): " + e, e);
        }
    }

    /** Only with verify-certificates=false, which the property documents as test clusters only. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
