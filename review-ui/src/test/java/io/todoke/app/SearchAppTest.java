package io.todoke.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.todoke.search.CaseIndex;

/**
 * The real app over H2 and the real local Elasticsearch node, driven through MockMvc. Subclasses share one context
 * (and one node), so their indexed cases must not collide: give each its own names and dates.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SearchAppTest {

    protected static final Path TMP;

    static {
        try {
            TMP = Files.createTempDirectory("todoke-search-app-test-");
            // Elasticsearch runs as its own system user when the tests run as root: it must reach its data dir.
            Files.setPosixFilePermissions(TMP, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var files = Files.walk(TMP)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A temp directory left behind is harmless.
            }
        }));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + TMP.resolve("db/todoke") + ";AUTO_SERVER=FALSE");
        registry.add("todoke.forms-dir", () -> "../config/forms");
        registry.add("todoke.intake.archive-dir", () -> TMP.resolve("archive").toString());
        registry.add("todoke.security.initial-admin.password", () -> "admin-test-password");
        registry.add("todoke.intake.inboxes[0].name", () -> "main");
        registry.add("todoke.intake.inboxes[0].path", () -> TMP.resolve("inbox").toString());
        registry.add("todoke.intake.error-dir", () -> TMP.resolve("error").toString());
        registry.add("todoke.intake.work-dir", () -> TMP.resolve("work").toString());
        registry.add("todoke.intake.outbox.interval", () -> "200ms");
        registry.add("search.elasticsearch.local.data-dir", () -> TMP.resolve("es-data").toString());
        registry.add("search.elasticsearch.refresh", () -> "wait-for");
        registry.add("search.elasticsearch.index-alias", () -> "search-app-test-cases");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected CaseIndex index;
    @Autowired
    protected JdbcClient jdbc;
}
