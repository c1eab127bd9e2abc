package io.todoke.intake;

import io.todoke.intake.storage.SharedStorageCheck;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.todoke.intake.FaxFixtures.drop;
import static io.todoke.intake.FaxFixtures.patient;
import static io.todoke.intake.FaxFixtures.pdf;
import static io.todoke.intake.FaxFixtures.truth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances (child JVMs) on one database (PostgreSQL when {@code TODOKE_TEST_POSTGRES_URL} is set, as
 * {@code make test} does; else H2 in server mode) and one inbox; one is killed with SIGKILL in the middle of a
 * burst. The survivor takes the dead one's claims over once their lease runs out and finishes: every fax read
 * once into one case, archived once, none failed, nothing left in the inbox or claimed.
 */
class TwoInstancesTest {

    private static final int FAXES = 60;
    private static final String LEASE = "3s";

    @TempDir
    Path root;

    @Test
    void aSurvivorFinishesTheWorkOfAnInstanceKilledMidBurstAndEveryFaxIsReadAndArchivedOnce() throws Exception {
        String url = database();
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        for (int i = 0; i < FAXES; i++) {
            drop(inbox, String.format("burst-%03d.pdf", i),
                    pdf(truth("two-" + i, patient("患者" + i, 30)).put("sleepMs", 150)));
        }
        Process doomed = start("a", false, url);
        Process survivor = start("b", true, url);
        long killedAt;
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, true)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((doomedHolds(jdbc) < 2 || count(jdbc, "select count(*) from fax_document where state = 'READ'") < 15)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            killedAt = System.nanoTime();
            long held = doomedHolds(jdbc);
            doomed.destroyForcibly();
            doomed.waitFor(30, TimeUnit.SECONDS);
            long read = count(jdbc, "select count(*) from fax_document where state = 'READ'");
            System.out.printf("TWO INSTANCES: a killed with SIGKILL holding %d claim(s), %d of %d faxes read%n",
                    held, read, FAXES);
            assertThat(held).as("a held work when killed (log in " + root + ")").isPositive();
            assertThat(read).as("killed mid-burst").isLessThan(FAXES);
        }
        boolean exited = survivor.waitFor(180, TimeUnit.SECONDS);
        if (!exited) {
            survivor.destroyForcibly();
        }
        assertThat(exited).as("the survivor finished (log in " + root.resolve("b.log") + ")").isTrue();
        System.out.printf("TWO INSTANCES: the survivor was done %.1f s after the kill (lease %s)%n",
                (System.nanoTime() - killedAt) / 1e9, LEASE);

        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, true)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            List<Map<String, Object>> faxes = jdbc.sql("select f.file_name, f.state, f.archive_path, f.claimed_by, "
                    + "(select count(*) from notification_case c where c.fax_id = f.id) cases from fax_document f")
                    .query().listOfRows();
            assertThat(faxes).hasSize(FAXES);
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> fax : faxes) {
                if (!"READ".equals(value(fax, "state")) || ((Number) value(fax, "cases")).longValue() != 1
                        || value(fax, "claimed_by") != null) {
                    problems.add(fax.toString());
                }
            }
            assertThat(problems).as("faxes not read exactly once").isEmpty();
            assertThat(faxes).extracting(f -> value(f, "file_name")).doesNotHaveDuplicates();
            assertThat(count(jdbc, "select count(*) from notification_case")).isEqualTo(FAXES);
            assertThat(count(jdbc, "select count(*) from inbox_claim")).isZero();
        }
        try (Stream<Path> archived = Files.walk(root.resolve("archive"))) {
            // The installation's marker (SharedStorageCheck) lies beside the originals.
            assertThat(archived.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(SharedStorageCheck.MARKER)).count())
                    .as("archived once").isEqualTo(FAXES);
        }
        try (Stream<Path> left = Files.walk(inbox)) {
            assertThat(left.filter(Files::isRegularFile)).as("nothing left in the inbox").isEmpty();
        }
        assertThat(Files.readString(root.resolve("b.log"))).containsAnyOf("taken over from a", "took over");
    }

    private static long doomedHolds(JdbcClient jdbc) {
        return count(jdbc, "select count(*) from fax_document where claimed_by = 'a'")
                + count(jdbc, "select count(*) from inbox_claim where claimed_by = 'a'");
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** An empty, migrated database both instances share. */
    private String database() throws IOException {
        String postgres = System.getenv("TODOKE_TEST_POSTGRES_URL");
        String url = postgres == null || postgres.isBlank()
                ? "jdbc:h2:file:" + root.resolve("db/todoke") + ";AUTO_SERVER=TRUE" : postgres;
        if (postgres == null || postgres.isBlank()) {
            System.out.println("TWO INSTANCES: on H2 in server mode (TODOKE_TEST_POSTGRES_URL is not set)");
        }
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, true)) {
            Flyway flyway = Flyway.configure().dataSource(ds).cleanDisabled(false).load();
            flyway.clean();
            flyway.migrate();
        }
        return url;
    }

    private Process start(String name, boolean exitWhenIdle, String databaseUrl) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                TestIntakeApplication.class.getName(),
                "--spring.main.banner-mode=off",
                "--search.elasticsearch.enabled=false",
                "--spring.flyway.enabled=false",
                "--spring.datasource.url=" + databaseUrl,
                "--todoke.intake.inboxes[0].name=fax",
                "--todoke.intake.inboxes[0].path=" + root.resolve("inbox"),
                "--todoke.intake.archive-dir=" + root.resolve("archive"),
                "--todoke.intake.error-dir=" + root.resolve("error"),
                "--todoke.intake.work-dir=" + root.resolve("work-" + name),
                "--todoke.intake.workers=2",
                "--todoke.intake.queue-capacity=5",
                "--todoke.intake.poll-delay=100ms",
                "--todoke.intake.stability.min-age=200ms",
                "--todoke.intake.claims.instance-id=" + name,
                "--todoke.intake.claims.lease=" + LEASE,
                "--todoke.intake.claims.scan-interval=500ms",
                "--todoke.test.exit-when-idle=" + exitWhenIdle));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve(name + ".log").toFile())
                .start();
    }
}
