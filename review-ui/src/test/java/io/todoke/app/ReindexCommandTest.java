package io.todoke.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code java -jar todoke.jar --reindex} while another process (a running Todoke) holds the local node's directory:
 * a clear pointer to the running app's own rebuild, not a stack trace.
 */
class ReindexCommandTest {

    @Test
    void reindexAgainstARunningAppsLocalNodePointsAtTheOperationsPage() throws Exception {
        Path dir = TestWorkspace.create("todoke-reindex-command-");
        Path varDir = Files.createDirectories(dir.resolve("es"));
        try (FileChannel channel = FileChannel.open(varDir.resolve("launcher.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), TodokeApplication.class.getName(), "--reindex",
                    "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/todoke"),
                    "--todoke.forms-dir=../config/forms",
                    "--todoke.followup.config-dir=../config/followup",
                    "--todoke.logging.dir=" + dir.resolve("log"),
                    "--search.elasticsearch.local.var-dir=" + varDir))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

            assertThat(p.exitValue()).as(output).isEqualTo(3);
            assertThat(output).contains("Todoke is running with its own Elasticsearch node")
                    .contains("POST /admin/operations/reindex");
            assertThat(held.isValid()).isTrue();
        }
    }
}
