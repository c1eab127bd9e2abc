package io.todoke.store.outbox;

import io.todoke.store.jurisdiction.TestJurisdictions;
import io.todoke.ocr.PageKind;
import io.todoke.store.TestDatabase;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.CaseStore;
import io.todoke.store.fax.FaxStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.todoke.store.Readings.fax;
import static io.todoke.store.Readings.form;
import static io.todoke.store.Readings.ok;
import static org.assertj.core.api.Assertions.assertThat;

class IndexOutboxTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all().toList();
    }

    private static UUID autoConfirmedCase(TestDatabase db, IndexOutbox outbox) {
        FaxStore faxes = new FaxStore(db.jdbc(), db.transactions(), outbox, TestJurisdictions.KOBE);
        UUID faxId = faxes.receive("fax", "a.pdf", "c".repeat(64), 1, "application/pdf").fax().id();
        return faxes.markRead(faxId, fax("a.pdf", List.of(PageKind.FORM), form(0, ok("patient_name", "X"))), true)
                .get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWrittenEntryLeavesTheOutboxAndTheCaseIsIndexed(TestDatabase db) {
        try (db) {
            db.open();
            IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
            UUID caseId = autoConfirmedCase(db, outbox);
            List<UUID> written = new ArrayList<>();

            IndexOutbox.Drained drained = outbox.drain(10, e -> written.add(e.caseId()));

            assertThat(drained).isEqualTo(new IndexOutbox.Drained(1, 0));
            assertThat(written).containsExactly(caseId);
            assertThat(outbox.pending()).isZero();
            assertThat(new CaseStore(db.jdbc()).find(caseId).orElseThrow().state()).isEqualTo(CaseState.INDEXED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailedWriteIsRetriedAfterABackOffAndThenSucceeds(TestDatabase db) throws Exception {
        try (db) {
            db.open();
            IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
            outbox.setBackOff(Duration.ofMillis(300), Duration.ofSeconds(5));
            UUID caseId = autoConfirmedCase(db, outbox);

            assertThat(outbox.drain(10, e -> {
                throw new IllegalStateException("cluster down");
            })).isEqualTo(new IndexOutbox.Drained(0, 1));
            assertThat(db.jdbc().sql("select attempts from index_outbox").query(Integer.class).single()).isEqualTo(1);
            assertThat(db.jdbc().sql("select last_error from index_outbox").query(String.class).single())
                    .isEqualTo("cluster down");
            // Not due again until the back-off has passed.
            assertThat(outbox.drain(10, e -> { })).isEqualTo(new IndexOutbox.Drained(0, 0));

            Thread.sleep(400);
            assertThat(outbox.drain(10, e -> { })).isEqualTo(new IndexOutbox.Drained(1, 0));
            assertThat(new CaseStore(db.jdbc()).find(caseId).orElseThrow().state()).isEqualTo(CaseState.INDEXED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEnqueueInsideARolledBackTransactionLeavesNothing(TestDatabase db) {
        try (db) {
            db.open();
            IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
            TransactionTemplate tx = new TransactionTemplate(db.transactions());
            tx.executeWithoutResult(s -> {
                outbox.enqueue(UUID.randomUUID());
                s.setRollbackOnly();
            });
            assertThat(outbox.pending()).isZero();
        }
    }

    @Test
    void backOffDoublesUpToTheCap() {
        IndexOutbox outbox = new IndexOutbox(null, new org.springframework.jdbc.datasource.DataSourceTransactionManager());
        outbox.setBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 40)).extracting(outbox::delayAfter).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
}
