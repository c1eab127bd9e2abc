package io.todoke.search.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.todoke.search.analysis.JapaneseAnalysisPlugin;

/**
 * A single Elasticsearch node on loopback, started from the integ-test-zip the build resolved.
 *
 * <p>Used by the application when no cluster is configured and by tests of every module. The node's pid file and a
 * launcher lock in the var directory let the next start find and stop a node orphaned by a killed JVM.
 */
public final class LocalElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final String CLUSTER_NAME = "todoke-local";
    private static final Map<Path, Shared> SHARED = new HashMap<>();

    private static final String WATCHDOG = String.join("\n",
            // A background job's stdin is /dev/null in sh; keep the pipe on fd 3 for the watcher.
            "exec 3<&0",
            "\"$@\" </dev/null 3<&- &",
            "es=$!",
            "trap 'kill -TERM $es 2>/dev/null' TERM INT",
            "(cat <&3 >/dev/null; kill -TERM $es 2>/dev/null) &",
            "exec 3<&-",
            "wait $es",
            "status=$?",
            "wait $es 2>/dev/null",
            "exit $status");

    private final LocalNodeSettings settings;
    private Process process;
    private int httpPort;
    private Duration startupTime;
    private FileChannel lockChannel;
    private FileLock lock;
    private Thread shutdownHook;
    private Path home;
    private String user;

    public LocalElasticsearch(LocalNodeSettings settings) {
        this.settings = settings;
    }

    /**
     * The JVM-wide node for these settings' var directory, started on first use. Each {@code acquire} needs one
     * {@link #release}; the last release stops the node, and a shutdown hook stops it if nobody does.
     */
    public static LocalElasticsearch acquire(LocalNodeSettings settings) {
        synchronized (SHARED) {
            Shared shared = SHARED.get(settings.varDir());
            if (shared == null || !shared.node.isRunning()) {
                LocalElasticsearch node = new LocalElasticsearch(settings);
                node.start();
                shared = new Shared(node);
                SHARED.put(settings.varDir(), shared);
            } else if (!shared.node.settings.equals(settings)) {
                // One var directory, one node (its lock and pid file live there): join it as it is.
                log.info("Local Elasticsearch in {} already runs with {}; joining it instead of {}",
                        settings.varDir(), shared.node.settings, settings);
            }
            shared.references++;
            return shared.node;
        }
    }

    /** Gives back a node from {@link #acquire}; stops it when nobody else holds it. */
    public static void release(LocalElasticsearch node) {
        synchronized (SHARED) {
            Shared shared = SHARED.get(node.settings.varDir());
            if (shared == null || shared.node != node) {
                node.stop();
                return;
            }
            if (--shared.references <= 0) {
                SHARED.remove(node.settings.varDir());
                node.stop();
            }
        }
    }

    /**
     * Runs a local node until Ctrl+C or SIGTERM: {@code java -cp ... io.todoke.search.node.LocalElasticsearch
     * [var-dir [http-port [java-opts]]]}. Prints {@code READY <url>} once healthy.
     */
    public static void main(String[] args) throws InterruptedException {
        LocalNodeSettings settings = LocalNodeSettings.defaults();
        if (args.length > 0) {
            settings = settings.withVarDir(Path.of(args[0]));
        }
        if (args.length > 1) {
            settings = settings.withHttpPort(Integer.parseInt(args[1]));
        }
        if (args.length > 2) {
            settings = settings.withJavaOpts(args[2]);
        }
        LocalElasticsearch node = new LocalElasticsearch(settings);
        node.start();
        System.out.println("READY " + node.httpUri());
        System.out.flush();
        // The shutdown hook stops the node; this thread only keeps the JVM alive.
        Thread.currentThread().join();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long began = System.nanoTime();
        Path zip = ElasticsearchDistribution.locateZip(settings);
        try {
            Files.createDirectories(settings.varDir());
            Files.createDirectories(settings.dataDir());
            Files.createDirectories(settings.logsDir());
            Files.createDirectories(settings.tmpDir());
        } catch (IOException e) {
            throw new LocalElasticsearchException("Cannot create the Elasticsearch directories under "
                    + settings.varDir() + ": " + e, e);
        }
        lockVarDir();
        try {
            stopOrphan();
            clearTmpDir();
            home = ElasticsearchDistribution.unpack(zip, settings);
            ElasticsearchDistribution.installPlugins(home, settings.plugins(),
                    Set.of(JapaneseAnalysisPlugin.NAME));
            // Japanese analysis under the official analysis-kuromoji names, so templates work on both.
            JapaneseAnalysisPlugin.installInto(home.resolve("plugins"));
            user = isRoot() ? prepareUnprivilegedUser() : null;
            boolean autoPorts = settings.httpPort() == 0;
            try {
                launch(settings.httpPort());
            } catch (PortRaceException e) {
                if (!autoPorts) {
                    throw e.failure;
                }
                // Another process took the free port between our probe and the node's bind; once more.
                log.warn("Elasticsearch lost its free port to another process; retrying with new ports");
                try {
                    launch(settings.httpPort());
                } catch (PortRaceException again) {
                    throw again.failure;
                }
            }
        } catch (RuntimeException e) {
            releaseLock();
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - began);
        addShutdownHook();
        log.info("Local Elasticsearch {} ready at {} in {} ms (data {})", settings.version(), httpUri(),
                startupTime.toMillis(), settings.dataDir());
    }

    /**
     * Starts the node again after it died (see {@link #died}), on the same HTTP port so that clients built for its
     * address go on working. Does nothing while it runs.
     */
    public synchronized void restart() {
        if (isRunning()) {
            return;
        }
        if (home == null) {
            throw new IllegalStateException("restart() before start()");
        }
        int port = httpPort;
        terminate(processTree(), Duration.ofSeconds(30));
        process = null;
        if (lock == null) {
            lockVarDir();
        }
        try {
            stopOrphan();
            clearTmpDir();
            launch(port);
        } catch (PortRaceException e) {
            throw e.failure;
        }
        addShutdownHook();
        log.info("Local Elasticsearch restarted at {}", httpUri());
    }

    /** True when the node was started and its process ended without {@link #stop}: it crashed or was killed. */
    public synchronized boolean died() {
        return process != null && !process.isAlive();
    }

    private void addShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::stopQuietly, "local-elasticsearch-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** No node runs on this directory now (the lock is ours, orphans are stopped): what it left is garbage. */
    private void clearTmpDir() {
        try (Stream<Path> leftovers = Files.list(settings.tmpDir())) {
            for (Path leftover : leftovers.toList()) {
                ElasticsearchDistribution.deleteTree(leftover);
            }
        } catch (IOException e) {
            throw new LocalElasticsearchException("Cannot clear the Elasticsearch temporary directory "
                    + settings.tmpDir() + ": " + e, e);
        }
    }

    private void launch(int wantedHttpPort) {
        int http = wantedHttpPort == 0 ? freePort() : requireFreePort(wantedHttpPort, "http");
        int transport = settings.transportPort() == 0 ? freePort()
                : requireFreePort(settings.transportPort(), "transport");
        List<String> command = new ArrayList<>();
        if (user != null) {
            command.addAll(List.of("runuser", "-u", user, "--"));
        }
        // A watchdog shell: its stdin is our pipe, so if this JVM dies (even by kill -9) it reads EOF and stops the
        // node instead of leaving it orphaned. The pid file covers the case where the watchdog dies too.
        command.addAll(List.of("/bin/sh", "-c", WATCHDOG, "todoke-es-watchdog"));
        // Pass the environment explicitly: runuser does not promise to keep it.
        command.add("env");
        command.add("ES_JAVA_HOME=" + System.getProperty("java.home"));
        command.add(("ES_JAVA_OPTS=-Xms" + settings.heap() + " -Xmx" + settings.heap() + " " + settings.javaOpts())
                .trim());
        command.add("ES_PATH_CONF=" + home.resolve("config"));
        command.add("ES_TMPDIR=" + settings.tmpDir());
        // The launcher JVM leaves a final-flags* directory in its java.io.tmpdir at every start (ES 8.19).
        command.add("CLI_JAVA_OPTS=-Djava.io.tmpdir=" + settings.tmpDir());
        command.add(home.resolve("bin").resolve("elasticsearch").toString());
        command.addAll(List.of("-p", settings.pidFile().toString()));
        for (Map.Entry<String, String> setting : nodeSettings(http, transport).entrySet()) {
            command.add("-E" + setting.getKey() + "=" + setting.getValue());
        }
        Path console = settings.logsDir().resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(console.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LocalElasticsearchException("Cannot run " + command.get(0) + " to start Elasticsearch: " + e, e);
        }
        httpPort = http;
        awaitHealthy(console);
    }

    private Map<String, String> nodeSettings(int http, int transport) {
        Map<String, String> es = new java.util.LinkedHashMap<>();
        es.put("cluster.name", CLUSTER_NAME);
        es.put("node.name", CLUSTER_NAME + "-node");
        es.put("path.data", settings.dataDir().toString());
        es.put("path.logs", settings.logsDir().toString());
        es.put("network.host", "127.0.0.1");
        es.put("http.port", Integer.toString(http));
        es.put("transport.port", Integer.toString(transport));
        es.put("discovery.type", "single-node");
        // Loopback only and single user: TLS and passwords would only get in the way.
        es.put("xpack.security.enabled", "false");
        // A nearly full developer disk must not turn indices read-only.
        es.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        return es;
    }

    private void awaitHealthy(Path console) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // GET / answers 405 on this distribution; the health endpoint is the reliable readiness probe.
        URI health = URI.create(httpUri() + "/_cluster/health?wait_for_status=yellow&timeout=2s");
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = tail(console, 40);
                LocalElasticsearchException failure = new LocalElasticsearchException(
                        "Elasticsearch exited with code " + process.exitValue() + " while starting. "
                                + diagnose(tail) + "\n--- " + console + " (tail) ---\n" + tail);
                process = null;
                if (tail.contains("BindException") || tail.contains("Address already in use")) {
                    throw new PortRaceException(failure);
                }
                throw failure;
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                // not listening yet
            } catch (IOException e) {
                log.debug("health probe failed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopQuietly();
                throw new LocalElasticsearchException("Interrupted while waiting for Elasticsearch to start", e);
            }
            sleep(250);
        }
        String tail = tail(console, 40);
        stopQuietly();
        throw new LocalElasticsearchException("Elasticsearch did not become healthy within "
                + settings.startTimeout().toSeconds() + " s (search.elasticsearch.local.start-timeout). "
                + diagnose(tail) + "\n--- " + console + " (tail) ---\n" + tail);
    }

    private static String diagnose(String tail) {
        if (tail.contains("BindException") || tail.contains("Address already in use")) {
            return "Cause: the port is already in use.";
        }
        if (tail.contains("can not run elasticsearch as root")) {
            return "Cause: Elasticsearch refuses to run as root.";
        }
        if (tail.contains("Java version") || tail.contains("JAVA_HOME") || tail.contains("could not find java")) {
            return "Cause: the JDK at java.home (" + System.getProperty("java.home") + ") is not usable.";
        }
        if (tail.contains("failed to obtain node locks")) {
            return "Cause: another Elasticsearch uses the same data directory.";
        }
        if (tail.contains("AccessDeniedException") || tail.contains("Permission denied")) {
            return "Cause: the Elasticsearch user cannot access its directories.";
        }
        return "See the log below.";
    }

    /** True while the node process runs. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized URI httpUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public synchronized int httpPort() {
        return httpPort;
    }

    /** Wall time of the last {@link #start} (unpack, launch, health). */
    public synchronized Duration startupTime() {
        return startupTime;
    }

    /** The pid of the launched process (runuser when started as root), empty when stopped. */
    public synchronized Optional<Long> pid() {
        return isRunning() ? Optional.of(process.pid()) : Optional.empty();
    }

    /** The launched process and its descendants (the CLI and the server JVM). */
    public synchronized List<ProcessHandle> processTree() {
        if (process == null) {
            return List.of();
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        return tree;
    }

    public LocalNodeSettings settings() {
        return settings;
    }

    /** Stops the node and waits until every process of its tree is gone. */
    public synchronized void stop() {
        if (process != null) {
            List<ProcessHandle> tree = processTree();
            log.info("Stopping local Elasticsearch at {}", httpUri());
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                log.debug("closing the watchdog pipe: {}", e.toString());
            }
            terminate(tree, Duration.ofSeconds(30));
            process = null;
        }
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            log.debug("pid file {} not removed: {}", settings.pidFile(), e.toString());
        }
        releaseLock();
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        shutdownHook = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("Stopping local Elasticsearch failed: {}", e.toString());
        }
    }

    /** SIGTERM the deepest process first (the server shuts down cleanly), then everything; SIGKILL what remains. */
    private static void terminate(List<ProcessHandle> tree, Duration grace) {
        for (int i = tree.size() - 1; i >= 0; i--) {
            tree.get(i).destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // forced below
            }
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                log.warn("Elasticsearch process {} ignored SIGTERM; killing it", handle.pid());
                handle.destroyForcibly();
            }
        }
    }

    /** A pid file whose owner JVM is gone (we hold the lock) marks a node orphaned by kill -9: stop it. */
    private void stopOrphan() {
        Path pidFile = settings.pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
            if (!text.isEmpty()) {
                Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(text));
                if (orphan.isPresent() && orphan.get().isAlive() && isElasticsearch(orphan.get())) {
                    log.warn("Stopping Elasticsearch pid {} left running by a previous run (pid file {})",
                            text, pidFile);
                    List<ProcessHandle> tree = new ArrayList<>();
                    orphan.get().parent().filter(LocalElasticsearch::isElasticsearchCli).ifPresent(tree::add);
                    tree.add(orphan.get());
                    orphan.get().descendants().forEach(tree::add);
                    terminate(tree, Duration.ofSeconds(30));
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring unreadable pid file {}: {}", pidFile, e.toString());
        }
    }

    private static boolean isElasticsearch(ProcessHandle handle) {
        return commandLine(handle).contains("org.elasticsearch");
    }

    private static boolean isElasticsearchCli(ProcessHandle handle) {
        String line = commandLine(handle);
        return line.contains("org.elasticsearch.launcher") || line.contains("cli-launcher");
    }

    private static String commandLine(ProcessHandle handle) {
        try {
            // /proc shows other users' command lines, ProcessHandle.Info does not always.
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return handle.info().commandLine().orElse("");
        }
    }

    private void lockVarDir() {
        try {
            lockChannel = FileChannel.open(settings.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            throw new LocalElasticsearchException("Cannot lock " + settings.lockFile() + ": " + e, e);
        }
        if (lock == null) {
            releaseLock();
            throw new LocalElasticsearchException("Another Todoke process runs a local Elasticsearch in "
                    + settings.varDir() + " (lock " + settings.lockFile() + " is held). Stop it, or give this one "
                    + "its own search.elasticsearch.local.var-dir.");
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.debug("lock release: {}", e.toString());
        }
        lock = null;
        lockChannel = null;
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Elasticsearch refuses root: run it as a system user that owns its directories. */
    private String prepareUnprivilegedUser() {
        String user = settings.runAsUser();
        if (run(List.of("id", "-u", user)) != 0) {
            log.info("Creating system user {} for the local Elasticsearch", user);
            int code = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user));
            if (code != 0 && run(List.of("id", "-u", user)) != 0) {
                throw new LocalElasticsearchException("Cannot create the system user " + user
                        + " (useradd exit " + code + "); Elasticsearch refuses to run as root. Create it, set "
                        + "search.elasticsearch.local.run-as-user, or run Todoke as a normal user.");
            }
        }
        for (Path dir : List.of(settings.varDir(), settings.dataDir())) {
            requireTraversable(dir, user);
            int code = run(List.of("chown", "-R", user + ":", dir.toString()));
            if (code != 0) {
                throw new LocalElasticsearchException("Cannot chown " + dir + " to " + user + " (exit " + code + ")");
            }
        }
        return user;
    }

    /** The unprivileged user must be able to walk down to its directories (e.g. not under /root). */
    private static void requireTraversable(Path dir, String user) {
        for (Path parent = dir.getParent(); parent != null; parent = parent.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(parent)
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new LocalElasticsearchException("The Elasticsearch user " + user + " cannot enter " + parent
                            + " (no o+x), so it cannot reach " + dir + ". Move search.elasticsearch.local.var-dir "
                            + "or run chmod o+x " + parent);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalElasticsearchException("No free loopback port: " + e, e);
        }
    }

    private static int requireFreePort(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new LocalElasticsearchException("The configured Elasticsearch " + what + " port " + port
                    + " is already in use on 127.0.0.1 (search.elasticsearch.local." + what
                    + "-port; 0 picks a free one).", e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Shared {
        final LocalElasticsearch node;
        int references;

        Shared(LocalElasticsearch node) {
            this.node = node;
        }
    }

    private static final class PortRaceException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient LocalElasticsearchException failure;

        PortRaceException(LocalElasticsearchException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }
}
