package io.todoke.app;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;

/** A scratch directory holding one test application's database, folders and Elasticsearch data. */
final class TestWorkspace {

    private TestWorkspace() {
    }

    /**
     * Creates the directory. It is deleted at JVM exit, not after the test class: the local Elasticsearch node keeps
     * its data here and is shared with the other test contexts of this JVM, which go on using it.
     */
    static Path create(String prefix) {
        Path dir;
        try {
            dir = Files.createTempDirectory(prefix);
            // Elasticsearch runs as its own system user when the tests run as root: it must reach its data dir.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A temp directory left behind is harmless.
            }
        }));
        return dir;
    }

    /** Points the application's database, inbox, archive, error and Elasticsearch data into {@code dir}. */
    static void register(DynamicPropertyRegistry registry, Path dir) {
        register(registry, dir, Path.of("../config/forms"));
    }

    /** As {@link #register(DynamicPropertyRegistry, Path)}, reading the forms (layouts and templates) in {@code forms}. */
    static void register(DynamicPropertyRegistry registry, Path dir, Path forms) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("db/todoke") + ";AUTO_SERVER=FALSE");
        registry.add("todoke.forms-dir", forms::toString);
        registry.add("todoke.followup.config-dir", () -> "../config/followup");
        registry.add("todoke.intake.archive-dir", () -> dir.resolve("archive").toString());
        registry.add("todoke.security.initial-admin.password", () -> "admin-test-password");
        registry.add("todoke.intake.inboxes[0].name", () -> "main");
        registry.add("todoke.intake.inboxes[0].path", () -> dir.resolve("inbox").toString());
        registry.add("todoke.intake.error-dir", () -> dir.resolve("error").toString());
        registry.add("todoke.intake.work-dir", () -> dir.resolve("work").toString());
        registry.add("todoke.intake.outbox.interval", () -> "200ms");
        registry.add("search.elasticsearch.local.data-dir", () -> dir.resolve("es-data").toString());
        registry.add("search.elasticsearch.refresh", () -> "wait-for");
    }
}
