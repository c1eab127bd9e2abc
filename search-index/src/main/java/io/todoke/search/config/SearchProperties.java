package io.todoke.search.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.todoke.search.node.LocalNodeSettings;

/**
 * Where the search cluster is and how to reach it.
 *
 * @param enabled            false = no search beans at all (modules whose tests do not need search)
 * @param uris               cluster URLs; empty = start a local node (see {@link Local})
 * @param apiKey             API key (the encoded id:key), sent as {@code Authorization: ApiKey ...}
 * @param username           basic auth user (with {@code password})
 * @param password           basic auth password
 * @param caCertificate      PEM file of the CA that signed the cluster's certificate, for https uris
 * @param verifyCertificates false = trust any certificate and host name (test clusters only)
 * @param indexAlias         alias the application reads and writes; indices are {@code <alias>-vN}
 * @param refresh            when an indexed case becomes searchable: {@code none} (within the refresh interval),
 *                           {@code wait-for} (the call waits for it; tests), {@code immediate}
 * @param connectTimeout     connect timeout per request
 * @param socketTimeout      read timeout per request
 * @param local              the local node, used when {@code uris} is empty
 */
@ConfigurationProperties(prefix = "search.elasticsearch")
public record SearchProperties(Boolean enabled, List<URI> uris, String apiKey, String username, String password,
                               Path caCertificate, Boolean verifyCertificates, String indexAlias,
                               IndexRefresh refresh, Duration connectTimeout, Duration socketTimeout, Local local) {

    public SearchProperties {
        enabled = enabled == null || enabled;
        uris = uris == null ? List.of() : List.copyOf(uris);
        verifyCertificates = verifyCertificates == null || verifyCertificates;
        indexAlias = indexAlias == null || indexAlias.isBlank() ? "todoke-cases" : indexAlias;
        refresh = refresh == null ? IndexRefresh.NONE : refresh;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        socketTimeout = socketTimeout == null ? Duration.ofSeconds(30) : socketTimeout;
        local = local == null ? new Local(null, null, null, null, null, null, null, null, null, null, null, null, null) : local;
    }

    /** True when the application starts its own node. */
    public boolean useLocalNode() {
        return uris.isEmpty();
    }

    public enum IndexRefresh { NONE, WAIT_FOR, IMMEDIATE }

    /**
     * The local node.
     *
     * @param version         server version; default the one this build resolves
     * @param distributionZip the integ-test-zip; default: the local Maven repository at its coordinates
     * @param varDir          unpacked distribution, pid and lock files; default {@code var/elasticsearch}
     * @param dataDir         index data, survives restarts; default {@code <var-dir>/data}
     * @param httpPort        0 or unset = a free port
     * @param transportPort   0 or unset = a free port
     * @param heap            -Xms/-Xmx, default {@code 512m}
     * @param startTimeout    how long to wait for a healthy node, default 3 minutes
     * @param runAsUser       system user when the application runs as root, default {@code todoke-es}
     * @param javaOpts        further JVM options for the node, appended to ES_JAVA_OPTS
     * @param plugins         Elasticsearch plugins to install into the local node (unpacked directories or zips)
     * @param maxRestarts     restarts in a row after the node dies before giving up, default 5; 0 = never restart
     * @param restartBackoff  wait before the first restart, doubled for each further one, default 5 s
     */
    public record Local(String version, Path distributionZip, Path varDir, Path dataDir, Integer httpPort,
                        Integer transportPort, String heap, Duration startTimeout, String runAsUser,
                        String javaOpts, List<Path> plugins, Integer maxRestarts, Duration restartBackoff) {

        public Local {
            maxRestarts = maxRestarts == null ? 5 : maxRestarts;
            restartBackoff = restartBackoff == null ? Duration.ofSeconds(5) : restartBackoff;
        }

        public LocalNodeSettings toSettings(String defaultVersion) {
            return new LocalNodeSettings(version == null || version.isBlank() ? defaultVersion : version,
                    distributionZip, varDir, dataDir, httpPort == null ? 0 : httpPort,
                    transportPort == null ? 0 : transportPort, heap, startTimeout, runAsUser, javaOpts, plugins);
        }
    }
}
