package io.todoke.search.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the local single-node Elasticsearch is laid out and started.
 *
 * @param version            server version; names the unpacked distribution directory and the ~/.m2 coordinates
 * @param distributionZip    the integ-test-zip; {@code null} = look it up in the local Maven repository
 * @param varDir             where the distribution is unpacked and the pid/lock files live
 * @param dataDir            index data (survives restarts); {@code null} = {@code varDir/data}
 * @param httpPort           0 = a free port
 * @param transportPort      0 = a free port
 * @param heap               JVM heap, e.g. {@code 512m}, used for -Xms and -Xmx
 * @param startTimeout       how long to wait for a yellow cluster
 * @param runAsUser          system user the node runs as when this JVM runs as root (Elasticsearch refuses root)
 * @param javaOpts           further JVM options for the node (appended to ES_JAVA_OPTS), e.g.
 *                           {@code -XX:TieredStopAtLevel=1} to start faster at the cost of peak speed
 * @param plugins            plugins to install: each an unpacked plugin directory (descriptor and jars) or a plugin
 *                           zip, copied to {@code plugins/<name>} of the distribution before the node starts
 */
public record LocalNodeSettings(String version, Path distributionZip, Path varDir, Path dataDir, int httpPort,
                                int transportPort, String heap, Duration startTimeout, String runAsUser,
                                String javaOpts, List<Path> plugins) {

    /** The server version this build resolves: the parent pom's {@code elasticsearch-server.version}. */
    public static final String DEFAULT_VERSION = buildVersion();

    public LocalNodeSettings {
        if (version == null || version.isBlank()) {
            version = DEFAULT_VERSION;
        }
        if (varDir == null) {
            varDir = Path.of("var", "elasticsearch");
        }
        varDir = varDir.toAbsolutePath().normalize();
        dataDir = (dataDir == null ? varDir.resolve("data") : dataDir).toAbsolutePath().normalize();
        if (distributionZip != null) {
            distributionZip = distributionZip.toAbsolutePath().normalize();
        }
        if (httpPort < 0 || httpPort > 65535 || transportPort < 0 || transportPort > 65535) {
            throw new IllegalArgumentException("ports must be 0 (free) or 1-65535: " + httpPort + ", " + transportPort);
        }
        if (heap == null || !heap.matches("\\d+[kKmMgG]")) {
            heap = "512m";
        }
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            // Seen taking a minute on two cores shared with parallel builds.
            startTimeout = Duration.ofMinutes(3);
        }
        if (runAsUser == null || runAsUser.isBlank()) {
            runAsUser = "todoke-es";
        }
        javaOpts = javaOpts == null ? "" : javaOpts.trim();
        plugins = plugins == null ? List.of()
                : plugins.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    private static String buildVersion() {
        try (java.io.InputStream in = LocalNodeSettings.class.getResourceAsStream("/todoke-search.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("elasticsearch.server.version", "");
            if (version.isBlank() || version.contains("@")) {
                throw new IllegalStateException("todoke-search.properties lacks the filtered server version");
            }
            return version;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static LocalNodeSettings defaults() {
        return new LocalNodeSettings(null, null, null, null, 0, 0, null, null, null, null, null);
    }

    public LocalNodeSettings withVarDir(Path dir) {
        return new LocalNodeSettings(version, distributionZip, dir, null, httpPort, transportPort, heap, startTimeout,
                runAsUser, javaOpts, plugins);
    }

    public LocalNodeSettings withHttpPort(int port) {
        return new LocalNodeSettings(version, distributionZip, varDir, dataDir, port, transportPort, heap, startTimeout,
                runAsUser, javaOpts, plugins);
    }

    public LocalNodeSettings withJavaOpts(String opts) {
        return new LocalNodeSettings(version, distributionZip, varDir, dataDir, httpPort, transportPort, heap,
                startTimeout, runAsUser, opts, plugins);
    }

    public Path distributionDir() {
        return varDir.resolve("dist-" + version);
    }

    public Path logsDir() {
        return varDir.resolve("logs");
    }

    /**
     * The node's own temporary directory (ES_TMPDIR): without it Elasticsearch makes a new {@code elasticsearch-*}
     * directory under the system's temporary directory at every start and never removes it.
     */
    public Path tmpDir() {
        return varDir.resolve("tmp");
    }

    public Path pidFile() {
        return varDir.resolve("elasticsearch.pid");
    }

    public Path lockFile() {
        return varDir.resolve("launcher.lock");
    }
}
