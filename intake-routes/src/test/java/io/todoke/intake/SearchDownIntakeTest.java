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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.todoke.search.CaseIndex;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.CaseStore;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;

/**
 * The search cluster unreachable for the whole run: intake does not depend on it. Every fax is read and its cases
 * confirmed, and each confirmed case waits in the index outbox, retried, for the cluster to come back; nothing is
 * dropped for the index's sake.
 */
class SearchDownIntakeTest {

    private static final int FAXES = 5;

    @TempDir
    Path root;

    @Test
    void withTheSearchClusterDownEveryFaxIsReadAndEveryConfirmedCaseWaitsInTheOutbox() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        try (ConfigurableApplicationContext app = start(Waits.freePort())) {
            assertThat(app.getBeanProvider(CaseIndex.class).getIfAvailable()).as("a search cluster is configured")
                    .isNotNull();
            for (int i = 0; i < FAXES; i++) {
                drop(inbox, "es-down-" + i + ".pdf", pdf(truth("es-down-" + i, patient("検索 停止" + i, 30 + i))));
            }
            FaxStore faxes = app.getBean(FaxStore.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            await(() -> faxes.all().stream().filter(f -> f.state() == FaxState.READ).count() == FAXES,
                    Duration.ofSeconds(60), "every fax read");
            List<FaxDocument> all = faxes.all();
            assertThat(all).hasSize(FAXES).allSatisfy(f -> assertThat(f.state()).isEqualTo(FaxState.READ));

            CaseStore cases = app.getBean(CaseStore.class);
            List<NotificationCase> confirmed = all.stream().flatMap(f -> cases.byFax(f.id()).stream()).toList();
            assertThat(confirmed).hasSize(FAXES)
                    .allSatisfy(c -> assertThat(c.state()).as("never indexed").isEqualTo(CaseState.AUTO_CONFIRMED));
            await(() -> jdbc.sql("select count(*) from index_outbox where attempts > 0").query(Long.class).single()
                    == FAXES, Duration.ofSeconds(30), "every confirmed case tried against the cluster");
            assertThat(jdbc.sql("select count(distinct case_id) from index_outbox").query(Long.class).single())
                    .as("one outbox entry per confirmed case, kept for when the cluster is back").isEqualTo(FAXES);
        }
    }

    private ConfigurableApplicationContext start(int closedPort) {
        return SpringApplication.run(TestIntakeApplication.class,
                "--spring.datasource.url=jdbc:h2:file:" + root.resolve("db/todoke"),
                "--todoke.intake.inboxes[0].name=fax",
                "--todoke.intake.inboxes[0].path=" + root.resolve("inbox"),
                "--todoke.intake.archive-dir=" + root.resolve("archive"),
                "--todoke.intake.error-dir=" + root.resolve("error"),
                "--todoke.intake.work-dir=" + root.resolve("work"),
                "--todoke.intake.poll-delay=100ms",
                "--todoke.intake.stability.min-age=300ms",
                "--todoke.intake.outbox.interval=200ms",
                "--todoke.intake.outbox.first-back-off=200ms",
                "--management.health.defaults.enabled=false",
                // A configured cluster nobody answers for: nothing listens on this port.
                "--search.elasticsearch.uris=http://127.0.0.1:" + closedPort,
                "--spring.main.web-application-type=none");
    }


}
