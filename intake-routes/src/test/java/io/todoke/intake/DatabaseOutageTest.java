package io.todoke.intake;

import static io.todoke.intake.Waits.await;

import static io.todoke.intake.FaxFixtures.drop;
import static io.todoke.intake.FaxFixtures.patient;
import static io.todoke.intake.FaxFixtures.pdf;
import static io.todoke.intake.FaxFixtures.truth;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database goes away while faxes arrive: intake pauses with the files kept in the inbox, and once the database
 * is back it goes on by itself, every fax recorded, archived and read exactly once. The database is an H2 server the
 * test stops and starts on the same port and file, as a PostgreSQL restart or a network cut looks to the app.
 */
class DatabaseOutageTest {

    private static final int BEFORE = 6;
    private static final int DURING = 6;
    /** A minute, as a database restart or failover takes: longer than a claim's renewal interval. */
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    void intakePausesWhileTheDatabaseIsDownKeepsEveryFileAndResumesByItself() throws Exception {
        int port = Waits.freePort();
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Server db = h2(port);
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/todoke";
        try (ConfigurableApplicationContext app = start(url)) {
            assertThat(app.isActive()).isTrue();
            for (int i = 0; i < BEFORE; i++) {
                drop(inbox, "before-" + i + ".pdf", pdf(truth("outage-before-" + i, patient("前 " + i, 40))));
            }
            await(() -> read(url) == BEFORE, Duration.ofSeconds(60), "the first faxes read");

            db.stop();
            for (int i = 0; i < DURING; i++) {
                drop(inbox, "during-" + i + ".pdf", pdf(truth("outage-during-" + i, patient("中 " + i, 50))));
            }
            Thread.sleep(OUTAGE.toMillis());
            assertThat(filesUnder(inbox)).as("files waiting in the inbox while the database is down")
                    .hasSize(DURING);

            db = h2(port);
            await(() -> read(url) == BEFORE + DURING, Duration.ofSeconds(120), "every fax read after the outage");
            await(() -> filesUnder(inbox).isEmpty(), Duration.ofSeconds(30), "the inbox emptied");

            try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, "sa", "", true)) {
                JdbcClient jdbc = JdbcClient.create(ds);
                List<Map<String, Object>> faxes = jdbc.sql("select f.file_name, f.state, (select count(*) from "
                        + "notification_case c where c.fax_id = f.id) cases from fax_document f").query().listOfRows();
                assertThat(faxes).hasSize(BEFORE + DURING);
                assertThat(faxes).allSatisfy(f -> {
                    assertThat(f.get("STATE")).as("%s", f.get("FILE_NAME")).isEqualTo("READ");
                    assertThat(((Number) f.get("CASES")).intValue()).as("%s", f.get("FILE_NAME")).isEqualTo(1);
                });
            }
            assertThat(filesUnder(root.resolve("archive")).stream().filter(p -> p.toString().endsWith(".pdf")))
                    .hasSize(BEFORE + DURING);
        } finally {
            db.stop();
        }
    }

    private ConfigurableApplicationContext start(String url) {
        return SpringApplication.run(TestIntakeApplication.class,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=sa",
                // A call while the database is away fails within seconds instead of holding a thread for 30.
                "--spring.datasource.hikari.connection-timeout=2000",
                "--todoke.intake.inboxes[0].name=fax",
                "--todoke.intake.inboxes[0].path=" + root.resolve("inbox"),
                "--todoke.intake.archive-dir=" + root.resolve("archive"),
                "--todoke.intake.error-dir=" + root.resolve("error"),
                "--todoke.intake.work-dir=" + root.resolve("work"),
                "--todoke.intake.workers=2",
                "--todoke.intake.poll-delay=100ms",
                "--todoke.intake.stability.min-age=300ms",
                "--todoke.intake.claims.scan-interval=1s",
                "--management.health.defaults.enabled=false",
                "--search.elasticsearch.enabled=false",
                "--spring.main.web-application-type=none");
    }

    private Server h2(int port) throws Exception {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-tcpAllowOthers", "-ifNotExists",
                "-baseDir", root.resolve("h2").toString()).start();
    }

    private static long read(String url) {
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, "sa", "", true)) {
            return JdbcClient.create(ds).sql("select count(*) from fax_document where state = 'READ'")
                    .query(Long.class).single();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


}
