package io.todoke.intake;

import static io.todoke.intake.Waits.await;

import static io.todoke.intake.FaxFixtures.drop;
import static io.todoke.intake.FaxFixtures.patient;
import static io.todoke.intake.FaxFixtures.pdf;
import static io.todoke.intake.FaxFixtures.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archive folder runs out of space while faxes arrive. The archive is a real, small file system (a tmpfs the
 * test mounts, so it needs root, as CI has; elsewhere the test is skipped), filled to the last byte by a filler
 * file. The work folder is on it too (the default layout, both under {@code var/}: the partial copy is cut short)
 * or on another file system (the copy cut short is then the JDK's cross-device move into the archive). Every fax
 * must stay accounted for once: its file kept in the inbox (or its claimed folder), its record waiting with a
 * reason, nothing half-written in the archive, no give-up after the usual attempts, one log line for the outage;
 * once the filler is gone intake finishes by itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class ArchiveDiskFullTest {

    private static final int BEFORE = 4;
    private static final int DURING = 8;
    /** Longer than the three attempts (with back-off) after which an ordinary failure is given up. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", "-l", mounted.toString());
        }
    }

    @ParameterizedTest(name = "work folder on the archive''s file system: {0}")
    @ValueSource(booleans = {true, false})
    void aFullArchiveKeepsEveryFaxWaitingOnceAndIntakeFinishesByItselfWhenThereIsRoom(boolean workBesideArchive,
            CapturedOutput output) throws Exception {
        Path mountPoint = Files.createDirectories(root.resolve("fs"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.toString()) == 0,
                "mounting a small tmpfs needs root");
        mounted = mountPoint;
        Path archive = mountPoint.resolve("archive");
        Path work = workBesideArchive ? mountPoint.resolve("work") : root.resolve("work");
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        String url = "jdbc:h2:file:" + root.resolve("db/todoke");
        try (ConfigurableApplicationContext app = start(url, archive, work)) {
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            for (int i = 0; i < BEFORE; i++) {
                drop(inbox, "before-" + i + ".pdf", pdf(truth("full-before-" + i, patient("前 " + i, 40))));
            }
            await(() -> count(jdbc, "state = 'READ'") == BEFORE, Duration.ofSeconds(60), "the first faxes read");

            Path filler = fill(mountPoint);
            for (int i = 0; i < DURING; i++) {
                drop(inbox, "during-" + i + ".pdf", pdf(truth("full-during-" + i, patient("中 " + i, 50))));
            }
            Thread.sleep(OUTAGE.toMillis());

            assertThat(filesUnder(inbox)).as("each fax arriving while the archive is full, kept once in the inbox")
                    .hasSize(DURING);
            assertThat(pdfsUnder(archive)).as("nothing half-written in the archive").hasSize(BEFORE);
            assertThat(count(jdbc, "state = 'FAILED'")).as("no fax given up").isZero();
            assertThat(count(jdbc, "state = 'READ'")).isEqualTo(BEFORE);
            assertThat(count(jdbc, "state = 'RECEIVED' and archived_at is not null"))
                    .as("no fax recorded as archived without its file").isZero();
            List<Map<String, Object>> waiting = jdbc.sql("select attempts, last_error from inbox_claim")
                    .query().listOfRows();
            assertThat(waiting).as("a claim per waiting fax, each with the reason for the admin page")
                    .hasSizeLessThanOrEqualTo(DURING).isNotEmpty()
                    .allSatisfy(c -> assertThat((String) c.get("LAST_ERROR")).contains("空きがありません"));
            assertThat(waiting).as("tried more often than an ordinary failure before it is given up")
                    .anySatisfy(c -> assertThat(((Number) c.get("ATTEMPTS")).intValue()).isGreaterThan(3));

            Files.delete(filler);
            await(() -> count(jdbc, "state = 'READ'") == BEFORE + DURING, Duration.ofSeconds(90),
                    "every fax read once the archive has room");
            await(() -> filesUnder(inbox).isEmpty(), Duration.ofSeconds(30), "the inbox emptied");

            List<Map<String, Object>> faxes = jdbc.sql("select f.file_name, f.state, f.archived_at, (select count(*) "
                    + "from notification_case c where c.fax_id = f.id) cases from fax_document f").query().listOfRows();
            assertThat(faxes).as("one record per fax").hasSize(BEFORE + DURING);
            assertThat(faxes).allSatisfy(f -> {
                assertThat(f.get("STATE")).as("%s", f.get("FILE_NAME")).isEqualTo("READ");
                assertThat(f.get("ARCHIVED_AT")).as("%s", f.get("FILE_NAME")).isNotNull();
                assertThat(((Number) f.get("CASES")).intValue()).as("%s", f.get("FILE_NAME")).isEqualTo(1);
            });
            assertThat(pdfsUnder(archive)).as("each original archived once").hasSize(BEFORE + DURING);
            assertThat(count(jdbc, "1 = 1", "inbox_claim")).as("no claim left open").isZero();
            assertThat(filesUnder(work)).as("no partial copy left").isEmpty();
        }
        String log = output.getAll();
        assertThat(log.lines().filter(l -> l.contains("the archive has no space left"))).as("one line for the outage")
                .hasSize(1);
        assertThat(log).contains("the archive has room again");
        assertThat(log.lines().filter(l -> l.startsWith("\tat ") || l.contains("Exception:")))
                .as("no stack trace").isEmpty();
    }

    private ConfigurableApplicationContext start(String url, Path archive, Path work) {
        return SpringApplication.run(TestIntakeApplication.class,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=sa",
                "--todoke.intake.inboxes[0].name=fax",
                "--todoke.intake.inboxes[0].path=" + root.resolve("inbox"),
                "--todoke.intake.archive-dir=" + archive,
                "--todoke.intake.error-dir=" + root.resolve("error"),
                "--todoke.intake.work-dir=" + work,
                "--todoke.intake.workers=2",
                "--todoke.intake.poll-delay=100ms",
                "--todoke.intake.stability.min-age=300ms",
                "--todoke.intake.claims.scan-interval=500ms",
                "--todoke.intake.claims.pickup-attempts=3",
                "--management.health.defaults.enabled=false",
                "--search.elasticsearch.enabled=false",
                "--spring.main.web-application-type=none");
    }

    /** Writes a filler file until the file system refuses another byte. */
    private static Path fill(Path dir) throws IOException {
        Path filler = dir.resolve("filler.bin");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left");
        }
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            // Whatever is left below a block.
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            return filler;
        }
    }

    private static long count(JdbcClient jdbc, String where) {
        return count(jdbc, where, "fax_document");
    }

    private static long count(JdbcClient jdbc, String where, String table) {
        return jdbc.sql("select count(*) from " + table + " where " + where).query(Long.class).single();
    }

    private static List<Path> pdfsUnder(Path dir) {
        return filesUnder(dir).stream().filter(p -> p.toString().endsWith(".pdf")).toList();
    }

    private static List<Path> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

}
