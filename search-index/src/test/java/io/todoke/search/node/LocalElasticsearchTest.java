package io.todoke.search.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.todoke.search.TestElasticsearch;

class LocalElasticsearchTest {

    /** Beside the build's test node directory, which the node's own user can reach (see the parent POM). */
    private static Path testDir(String name) {
        return io.todoke.search.TestElasticsearch.settings().varDir().resolveSibling(name);
    }


    /**
     * A node of its own (not the shared one), so stopping it does not disturb the other tests. It first plays the
     * worst case: a launcher JVM killed with SIGKILL together with its watchdog, leaving the node orphaned; the next
     * start must find it through the pid file and stop it before starting anew.
     */
    @Test
    void stopsAnOrphanedNodeThenStartsAHealthyLoopbackNodeAndLeavesNoProcessAfterStop() throws Exception {
        LocalNodeSettings settings = LocalNodeSettings.defaults().withVarDir(testDir("es-launcher-test"))
                .withJavaOpts(TestElasticsearch.FAST_START);
        ProcessHandle orphan = orphanANode(settings);
        assertThat(orphan.isAlive()).as("precondition: the node outlived its launcher").isTrue();

        Files.createDirectories(settings.tmpDir());
        Path leftover = Files.writeString(settings.tmpDir().resolve("left-by-an-earlier-node"), "x");
        List<ProcessHandle> tree;
        try (LocalElasticsearch node = new LocalElasticsearch(settings)) {
            node.start();
            System.out.println("local Elasticsearch startup: " + node.startupTime().toMillis() + " ms");
            assertThat(orphan.isAlive()).as("orphan stopped").isFalse();
            assertThat(node.isRunning()).isTrue();
            assertThat(node.httpUri().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> health = get(node.httpUri().resolve("/_cluster/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"cluster_name\":\"todoke-local\"")
                    .containsPattern("\"status\":\"(green|yellow)\"");
            assertThat(Files.readString(settings.pidFile()).trim()).matches("\\d+");
            // its temporary files stay in its own directory, not in a new elasticsearch-* under /tmp at every start
            ProcessHandle server = ProcessHandle.of(Long.parseLong(Files.readString(settings.pidFile()).trim()))
                    .orElseThrow();
            assertThat(commandLine(server)).contains("-Djava.io.tmpdir=" + settings.tmpDir());
            // ... and so do the launcher's (it leaves a final-flags* directory at every start)
            try (Stream<Path> entries = Files.list(settings.tmpDir())) {
                assertThat(entries.map(p -> p.getFileName().toString()))
                        .anyMatch(name -> name.startsWith("final-flags"));
            }
            assertThat(leftover).as("the directory is emptied at each start").doesNotExist();
            tree = node.processTree();
            assertThat(tree).hasSizeGreaterThanOrEqualTo(3);
            if (LocalElasticsearch.isRoot()) {
                assertThat(server.info().user()).contains(settings.runAsUser());
            }
        }
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(settings.pidFile()).doesNotExist();
    }

    /** Starts a node from another JVM, then SIGKILLs that JVM and the watchdog; returns the surviving server. */
    private static ProcessHandle orphanANode(LocalNodeSettings settings) throws Exception {
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalElasticsearch.class.getName(),
                settings.varDir().toString(), "0", settings.javaOpts())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
                // wait for the child's node
            }
            assertThat(line).as("child launcher output").isNotNull();
            ProcessHandle server = ProcessHandle.of(Long.parseLong(Files.readString(settings.pidFile()).trim()))
                    .orElseThrow();
            // The watchdog shells first: a shell outliving its cat would stop the node, which is its job.
            List<ProcessHandle> launcherSide = new java.util.ArrayList<>();
            for (ProcessHandle handle : launcher.descendants().toList()) {
                String commandLine = commandLine(handle);
                if (commandLine.startsWith("/bin/sh")) {
                    launcherSide.add(0, handle);
                } else if (!commandLine.contains("org.elasticsearch")) {
                    launcherSide.add(handle);
                }
            }
            launcherSide.forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            launcher.waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(1000);
            return server;
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    void aTakenConfiguredPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            LocalNodeSettings settings = LocalNodeSettings.defaults().withVarDir(testDir("es-port-test"))
                    .withHttpPort(taken.getLocalPort());
            assertThatThrownBy(() -> new LocalElasticsearch(settings).start())
                    .isInstanceOf(LocalElasticsearchException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void aMissingDistributionZipSaysHowToGetIt() {
        LocalNodeSettings settings = new LocalNodeSettings(null, Path.of("target", "no-such.zip"),
                Path.of("target", "es-missing-zip"), null, 0, 0, null, null, null, null, null);
        assertThatThrownBy(() -> new LocalElasticsearch(settings).start())
                .isInstanceOf(LocalElasticsearchException.class)
                .hasMessageContaining("distribution zip not found")
                .hasMessageContaining("no-such.zip");
    }

    private static String commandLine(ProcessHandle handle) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
