package io.todoke.intake;

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
 * Runs the intake in a child JVM, kills it with SIGKILL in the middle of a burst, starts it again, and finds
 * every fax exactly once: each file one record, read once into one case, archived, gone from the inbox.
 */
class IntakeCrashTest {

    private static final int FAXES = 120;

    @TempDir
    Path root;

    @Test
    void aProcessKilledMidBurstAndRestartedAccountsForEveryFaxExactlyOnce() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        for (int i = 0; i < FAXES; i++) {
            // Slow enough reads that the kill finds faxes at every stage: in the inbox, queued, being read.
            drop(inbox, String.format("crash-%03d.pdf", i),
                    pdf(truth("crash-" + i, patient("患者" + i, 30)).put("sleepMs", 60)));
        }

        Process first = start("first", false);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (countFiles(inbox) > FAXES * 2 / 3 && System.nanoTime() < deadline && first.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(first.isAlive()).as("the first run is still working when killed").isTrue();
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
        long leftInInbox = countFiles(inbox);
        System.out.printf("CRASH: killed with SIGKILL with %d of %d files still in the inbox%n", leftInInbox, FAXES);
        assertThat(leftInInbox).as("killed mid-burst").isBetween(1L, (long) FAXES - 1);

        Process second = start("second", true);
        boolean exited = second.waitFor(150, TimeUnit.SECONDS);
        if (!exited) {
            second.destroyForcibly();
        }
        assertThat(exited).as("the restarted intake finished (log in " + root.resolve("second.log") + ")").isTrue();
        assertThat(second.exitValue()).isZero();
        try (Stream<String> log = Files.lines(root.resolve("second.log"))) {
            log.filter(l -> l.contains("took over") || l.contains("taken over") || l.contains("first taker stopped"))
                    .forEach(l -> System.out.println("CRASH restart: " + l.substring(l.indexOf(" : ") + 3)));
        }

        assertThat(countFiles(inbox)).isZero();
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(
                "jdbc:h2:file:" + root.resolve("db/todoke"), "", "", true)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            List<Map<String, Object>> faxes = jdbc.sql("select f.file_name, f.state, f.archive_path, "
                    + "(select count(*) from notification_case c where c.fax_id = f.id) cases "
                    + "from fax_document f").query().listOfRows();
            assertThat(faxes).hasSize(FAXES);
            assertThat(faxes).extracting(r -> r.get("FILE_NAME")).doesNotHaveDuplicates();
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> fax : faxes) {
                Path archived = root.resolve("archive").resolve((String) fax.get("ARCHIVE_PATH"));
                if (!"READ".equals(fax.get("STATE")) || ((Number) fax.get("CASES")).longValue() != 1
                        || !Files.isRegularFile(archived)) {
                    problems.add(fax.toString());
                }
            }
            assertThat(problems).as("faxes not read exactly once").isEmpty();
            assertThat(jdbc.sql("select count(*) from notification_case").query(Long.class).single())
                    .isEqualTo(FAXES);
        }
    }

    @Test
    void twoInstancesOnOneSharedInboxTakeEachFaxOnce() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        int count = 100;
        for (int i = 0; i < count; i++) {
            drop(inbox, String.format("shared-%03d.pdf", i),
                    pdf(truth("shared-" + i, patient("患者" + i, 40)).put("sleepMs", 100)));
        }
        // One database server for both (H2 in auto-server mode), as a shared PostgreSQL would be.
        String url = "jdbc:h2:file:" + root.resolve("db/todoke") + ";AUTO_SERVER=TRUE";
        // Migrated beforehand so that the two start together without racing on the schema.
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, "", "", true)) {
            org.flywaydb.core.Flyway.configure().dataSource(ds).load().migrate();
        }
        Process a = start("a", true, url);
        Process b = start("b", true, url);
        boolean done = a.waitFor(150, TimeUnit.SECONDS) & b.waitFor(60, TimeUnit.SECONDS);
        a.destroyForcibly();
        b.destroyForcibly();
        assertThat(done).as("both instances finished (logs a.log, b.log in " + root + ")").isTrue();

        long byA = countLines(root.resolve("a.log"), "received from inbox");
        long byB = countLines(root.resolve("b.log"), "received from inbox");
        long raced = countLines(root.resolve("a.log"), "first taker stopped") + countLines(root.resolve("b.log"),
                "first taker stopped");
        System.out.printf("SHARED INBOX: instance a took %d, instance b took %d of %d; %d same-file races settled by "
                + "the database%n", byA, byB, count, raced);
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(
                "jdbc:h2:file:" + root.resolve("db/todoke"), "", "", true)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            assertThat(jdbc.sql("select count(*) from fax_document").query(Long.class).single()).isEqualTo(count);
            assertThat(jdbc.sql("select count(distinct file_name) from fax_document where state = 'READ'")
                    .query(Long.class).single()).isEqualTo(count);
            assertThat(jdbc.sql("select count(*) from notification_case").query(Long.class).single())
                    .isEqualTo(count);
        }
        assertThat(byA + byB).isEqualTo(count);
        assertThat(countFiles(inbox)).isZero();
    }

    private static long countLines(Path log, String text) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    private Process start(String name, boolean exitWhenIdle) throws IOException {
        return start(name, exitWhenIdle, "jdbc:h2:file:" + root.resolve("db/todoke"));
    }

    private Process start(String name, boolean exitWhenIdle, String databaseUrl) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                TestIntakeApplication.class.getName(),
                "--spring.main.banner-mode=off",
                // A SIGKILLed child must not leave a local Elasticsearch behind; the index is not under test here.
                "--search.elasticsearch.enabled=false",
                "--spring.datasource.url=" + databaseUrl,
                "--todoke.intake.inboxes[0].name=fax",
                "--todoke.intake.inboxes[0].path=" + root.resolve("inbox"),
                "--todoke.intake.archive-dir=" + root.resolve("archive"),
                "--todoke.intake.error-dir=" + root.resolve("error"),
                "--todoke.intake.work-dir=" + root.resolve("work"),
                "--todoke.intake.workers=2",
                "--todoke.intake.queue-capacity=5",
                "--todoke.intake.poll-delay=100ms",
                "--todoke.intake.stability.min-age=200ms",
                                "--todoke.intake.claims.lease=3s",
                "--todoke.intake.claims.scan-interval=500ms",
                "--todoke.test.exit-when-idle=" + exitWhenIdle));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve(name + ".log").toFile())
                .start();
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .count();
        }
    }
}
