package io.todoke.search.node;

import java.nio.file.Path;
import java.time.Duration;

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
 */
public record LocalNodeSettings(String version, Path distributionZip, Path varDir, Path dataDir, int httpPort,
                                int transportPort, String heap, Duration startTimeout, String runAsUser) {

    /** The server version this build resolves (parent pom {@code elasticsearch-server.version}). */
    public static final String DEFAULT_VERSION = "8.19.21";

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
            startTimeout = Duration.ofMinutes(2);
        }
        if (runAsUser == null || runAsUser.isBlank()) {
            runAsUser = "todoke-es";
        }
    }

    public static LocalNodeSettings defaults() {
        return new LocalNodeSettings(null, null, null, null, 0, 0, null, null, null);
    }

    public LocalNodeSettings withVarDir(Path dir) {
        return new LocalNodeSettings(version, distributionZip, dir, null, httpPort, transportPort, heap, startTimeout,
                runAsUser);
    }

    public LocalNodeSettings withHttpPort(int port) {
        return new LocalNodeSettings(version, distributionZip, varDir, dataDir, port, transportPort, heap, startTimeout,
                runAsUser);
    }

    public Path distributionDir() {
        return varDir.resolve("dist-" + version);
    }

    public Path logsDir() {
        return varDir.resolve("logs");
    }

    public Path pidFile() {
        return varDir.resolve("elasticsearch.pid");
    }

    public Path lockFile() {
        return varDir.resolve("launcher.lock");
    }
}
