package io.todoke.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * scripts/backup.sh and scripts/restore.sh against the test PostgreSQL cluster (scripts/test-postgres.sh): a backup
 * of a database and its folders restores into a fresh database and empty folders with every row and file.
 */
class BackupRestoreScriptTest {

    private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void aBackupRestoresIntoAFreshDatabaseAndEmptyFolders() throws Exception {
        assumeTrue(TestDatabase.POSTGRES_URL != null && !TestDatabase.POSTGRES_URL.isBlank(),
                "PostgreSQL skipped: TODOKE_TEST_POSTGRES_URL is not set (scripts/test-postgres.sh)");
        URI url = URI.create(TestDatabase.POSTGRES_URL.substring("jdbc:".length()));
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        Path errors = Files.createDirectories(tmp.resolve("error"));
        List<String> paths = new ArrayList<>();
        try (TestDatabase db = TestDatabase.all().filter(d -> d.toString().contains("PostgreSQL")).findFirst()
                .orElseThrow().open()) {
            for (int i = 0; i < 2; i++) {
                UUID id = UUID.randomUUID();
                String path = "2026/04/0" + (i + 1) + "/" + id + "-fax.pdf";
                paths.add(path);
                Files.createDirectories(archive.resolve(path).getParent());
                Files.writeString(archive.resolve(path), "%PDF original " + i);
                db.jdbc().sql("insert into fax_document (id, inbox, file_name, sha256, archive_path, size_bytes, "
                                + "state, received_at) values (?, 'fax', 'fax.pdf', ?, ?, 16, 'READ', ?)")
                        .params(id, Integer.toString(i).repeat(64), path, OffsetDateTime.now()).update();
            }
            db.jdbc().sql("insert into cluster_setting (name, setting_value, updated_at) values ('cluster-id', "
                    + "'backup-test', ?)").param(OffsetDateTime.now()).update();
            Files.writeString(archive.resolve(".todoke-cluster-id"), "backup-test\n");
            Files.writeString(errors.resolve("bad.pdf.reason.txt"), "空のファイルです");
            // an original archived after the dump: in the backup, without a row
            Files.createDirectories(archive.resolve("2026/04/03"));
            Files.writeString(archive.resolve("2026/04/03/late-fax.pdf"), "%PDF late");

            Map<String, String> source = env(url, "todoke", archive, errors);
            Result backup = run(source, "backup.sh", tmp.resolve("backup").toString());
            assertThat(backup.exit()).as(backup.output()).isZero();
            assertThat(tmp.resolve("backup/todoke.dump")).isNotEmptyFile();
            assertThat(Files.readString(tmp.resolve("backup/MANIFEST"))).contains("todoke.dump", "archive.tar");

            String fresh = "todoke_restore_" + Long.toHexString(System.nanoTime());
            Result created = run(env(url, "postgres", archive, errors), "psql", "-X", "-q", "-U", "postgres", "-d",
                    "postgres", "-c", "create database " + fresh + " owner todoke");
            assertThat(created.exit()).as(created.output()).isZero();

            Path restoredArchive = tmp.resolve("restored/archive");
            Path restoredErrors = tmp.resolve("restored/error");
            Map<String, String> target = env(url, fresh, restoredArchive, restoredErrors);
            Result restore = run(target, "restore.sh", tmp.resolve("backup").toString());
            assertThat(restore.exit()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("late-fax.pdf").contains("1 without a row");

            try (HikariDataSource restored = new HikariDataSource()) {
                restored.setJdbcUrl("jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + "/" + fresh
                        + "?" + url.getQuery());
                JdbcClient jdbc = JdbcClient.create(restored);
                assertThat(jdbc.sql("select archive_path from fax_document order by archive_path")
                        .query(String.class).list()).containsExactlyElementsOf(paths.stream().sorted().toList());
                assertThat(jdbc.sql("select setting_value from cluster_setting").query(String.class).single())
                        .isEqualTo("backup-test");
                assertThat(jdbc.sql("select count(*) from flyway_schema_history").query(Long.class).single())
                        .isPositive();
            }
            for (String path : paths) {
                assertThat(Files.readString(restoredArchive.resolve(path)))
                        .isEqualTo(Files.readString(archive.resolve(path)));
            }
            assertThat(Files.readString(restoredArchive.resolve(".todoke-cluster-id"))).isEqualTo("backup-test\n");
            assertThat(Files.readString(restoredErrors.resolve("bad.pdf.reason.txt"))).isEqualTo("空のファイルです");

            Result again = run(target, "restore.sh", tmp.resolve("backup").toString());
            assertThat(again.exit()).as("a second restore over the first is refused").isNotZero();
            assertThat(again.output()).contains("is not empty");
        }
    }

    private static Map<String, String> env(URI url, String database, Path archive, Path errors) {
        Map<String, String> env = new HashMap<>();
        env.put("PGHOST", url.getHost());
        env.put("PGPORT", Integer.toString(url.getPort()));
        env.put("PGDATABASE", database);
        env.put("PGUSER", "todoke");
        env.put("PGPASSWORD", "todoke");
        env.put("TODOKE_INTAKE_ARCHIVE_DIR", archive.toString());
        env.put("TODOKE_INTAKE_ERROR_DIR", errors.toString());
        return env;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> env, String command, String... args)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (command.endsWith(".sh")) {
            line.add(SCRIPTS.resolve(command).toString());
        } else {
            line.add(pgTool(command));
        }
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output);
    }

    private static String pgTool(String name) throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(java.util.Comparator.naturalOrder()).orElseThrow().toString();
        }
    }
}
