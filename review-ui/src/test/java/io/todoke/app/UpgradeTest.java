package io.todoke.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.review.ReviewService;

/**
 * The upgrade of docs/OPERATIONS.md on PostgreSQL: a database left at an older schema by an earlier release, with
 * faxes, cases, users and audit, is migrated by the new release when it starts, and everything it held is there.
 */
class UpgradeTest {

    /** The schema of the oldest release an installation may upgrade from (before claims, leases, cluster id). */
    private static final String OLD_SCHEMA = "2";
    private static final String POSTGRES_URL = System.getenv("TODOKE_TEST_POSTGRES_URL");

    private final UUID fax = UUID.randomUUID();
    private final UUID confirmed = UUID.randomUUID();
    private final OffsetDateTime received = OffsetDateTime.parse("2026-04-01T09:30:00+09:00");

    @Test
    void theNewReleaseMigratesAnOlderDatabaseAtStartAndKeepsItsFaxesCasesUsersAndAudit() throws Exception {
        try (HikariDataSource old = freshDatabase()) {
            Flyway.configure().dataSource(old).target(OLD_SCHEMA).load().migrate();
            Path dir = TestWorkspace.create("todoke-upgrade-test-");
            writeOldRelease(JdbcClient.create(old), dir);
            List<Map<String, Object>> casesBefore = JdbcClient.create(old)
                    .sql("select * from notification_case").query().listOfRows();

            try (ConfigurableApplicationContext app = start(old.getJdbcUrl(), dir)) {
                JdbcClient jdbc = JdbcClient.create(old);
                assertThat(jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                        .query(String.class).list()).endsWith(latestMigration(old)).contains(OLD_SCHEMA);
                List<Map<String, Object>> casesAfter = jdbc.sql("select * from notification_case").query().listOfRows();
                assertThat(casesAfter).hasSameSizeAs(casesBefore);
                for (int i = 0; i < casesBefore.size(); i++) {
                    // every column the old release had keeps its value; columns added since are filled from them
                    assertThat(casesAfter.get(i)).containsAllEntriesOf(casesBefore.get(i));
                }
                assertThat(casesAfter.get(0)).containsEntry("disease", "covid19");
                assertThat(jdbc.sql("select state, archive_path, claimed_by from fax_document where id = ?")
                        .param(fax).query().singleRow())
                        .containsEntry("state", "READ").containsEntry("archive_path", "2026/04/01/" + fax + ".pdf")
                        .containsEntry("claimed_by", null);
                assertThat(jdbc.sql("select display_name from app_user where username = 'tanaka'")
                        .query(String.class).single()).isEqualTo("田中");

                NotificationCase kept = app.getBean(ReviewService.class).find(confirmed).orElseThrow();
                assertThat(kept.state()).isEqualTo(CaseState.CONFIRMED);
                assertThat(kept.ward()).isEqualTo("中央区");
                assertThat(app.getBean(ReviewService.class).history(confirmed)).isNotEmpty();
                // The shared-folder check adopted the folders of the installation from before it.
                assertThat(dir.resolve("archive/.todoke-cluster-id")).isNotEmptyFile();
            }
        }
    }

    @Test
    void instancesStartedTogetherOnAnOlderDatabaseMigrateItOnce() throws Exception {
        try (HikariDataSource db = freshDatabase()) {
            Flyway.configure().dataSource(db).target(OLD_SCHEMA).load().migrate();
            // Flyway takes a PostgreSQL advisory lock: the second waits, then finds nothing left to do.
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> migrate(db));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> migrate(db));
            assertThat(first.get() + second.get()).isEqualTo(migrationsAfter(db, OLD_SCHEMA));
            assertThat(JdbcClient.create(db).sql("select count(*) from flyway_schema_history group by version "
                    + "having count(*) > 1").query(Long.class).list()).isEmpty();
        }
    }

    private static int migrate(HikariDataSource db) {
        return Flyway.configure().dataSource(db.getJdbcUrl(), db.getUsername(), db.getPassword()).load().migrate()
                .migrationsExecuted;
    }

    private static int migrationsAfter(HikariDataSource db, String version) {
        return (int) Arrays.stream(Flyway.configure().dataSource(db).load().info().all())
                .filter(m -> m.getVersion().isNewerThan(version)).count();
    }

    private static String latestMigration(HikariDataSource db) {
        MigrationInfo[] all = Flyway.configure().dataSource(db).load().info().all();
        return all[all.length - 1].getVersion().getVersion();
    }

    /** What an earlier release left: a fax read and archived, its case confirmed with a ward, a user, audit. */
    private void writeOldRelease(JdbcClient jdbc, Path dir) throws IOException {
        String archivePath = "2026/04/01/" + fax + ".pdf";
        Path original = dir.resolve("archive").resolve(archivePath);
        Files.createDirectories(original.getParent());
        Files.writeString(original, "%PDF-1.4 original");
        jdbc.sql("insert into fax_document (id, inbox, file_name, sha256, archive_path, media_type, size_bytes, "
                        + "page_count, state, received_at, read_at, archived_at) "
                        + "values (?, 'main', 'fax.pdf', ?, ?, 'application/pdf', 17, 1, 'READ', ?, ?, ?)")
                .params(fax, "a".repeat(64), archivePath, received, received.plusMinutes(1), received).update();
        jdbc.sql("insert into fax_content (sha256, fax_id) values (?, ?)").params("a".repeat(64), fax).update();
        jdbc.sql("insert into notification_case (id, fax_id, pages, template_id, template_version, state, fields, "
                        + "review_reasons, patient_name, patient_kana, birth_date, ward, priority, created_at, "
                        + "confirmed_at, confirmed_by) values (?, ?, '[0]', 'covid19-notification', '2023', "
                        + "'CONFIRMED', '{}', '[]', '神戸 太郎', 'コウベ タロウ', '1980-01-02', '中央区', 1, ?, ?, "
                        + "'tanaka')")
                .params(confirmed, fax, received, received.plusMinutes(5)).update();
        jdbc.sql("insert into audit_log (case_id, fax_id, actor, action, at) values (?, ?, 'tanaka', 'CONFIRM', ?)")
                .params(confirmed, fax, received.plusMinutes(5)).update();
        jdbc.sql("insert into app_user (username, password_hash, display_name, roles, ward, created_at) "
                        + "values ('tanaka', '{noop}x', '田中', 'CLERK', null, ?)").param(received).update();
    }

    private static ConfigurableApplicationContext start(String url, Path dir) throws IOException {
        return new SpringApplicationBuilder(TodokeApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=todoke",
                "--spring.datasource.password=todoke", "--server.port=0",
                "--todoke.forms-dir=../config/forms",
                "--todoke.followup.config-dir=../config/followup",
                "--todoke.logging.dir=" + dir.resolve("log"),
                "--todoke.security.initial-admin.password=admin-test-password",
                "--todoke.intake.inboxes[0].name=main",
                "--todoke.intake.inboxes[0].path=" + dir.resolve("inbox"),
                "--todoke.intake.archive-dir=" + dir.resolve("archive"),
                "--todoke.intake.error-dir=" + dir.resolve("error"),
                "--todoke.intake.work-dir=" + dir.resolve("work"),
                // A configured cluster nobody listens on: no local node is started; search is only degraded.
                "--search.elasticsearch.uris=http://127.0.0.1:" + closedPort(),
                "--search.elasticsearch.connect-timeout=300ms");
    }

    /** A new database in the test cluster (scripts/test-postgres.sh), owned by todoke, as the runbook creates it. */
    private static HikariDataSource freshDatabase() {
        assumeTrue(POSTGRES_URL != null && !POSTGRES_URL.isBlank(),
                "PostgreSQL skipped: TODOKE_TEST_POSTGRES_URL is not set (scripts/test-postgres.sh)");
        URI url = URI.create(POSTGRES_URL.substring("jdbc:".length()));
        String base = "jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + "/";
        String name = "todoke_upgrade_" + Long.toHexString(System.nanoTime());
        try (HikariDataSource admin = new HikariDataSource()) {
            admin.setJdbcUrl(base + "postgres?user=postgres");
            JdbcClient.create(admin).sql("create database " + name + " owner todoke").update();
        }
        HikariDataSource db = new HikariDataSource();
        db.setJdbcUrl(base + name);
        db.setUsername("todoke");
        db.setPassword("todoke");
        return db;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
