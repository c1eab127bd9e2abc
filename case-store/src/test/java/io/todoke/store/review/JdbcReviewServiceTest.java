package io.todoke.store.review;

import io.todoke.store.jurisdiction.TestJurisdictions;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.PageKind;
import io.todoke.store.TestDatabase;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.outbox.IndexOutbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.todoke.store.Readings.fax;
import static io.todoke.store.Readings.field;
import static io.todoke.store.Readings.form;
import static io.todoke.store.Readings.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcReviewServiceTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all().toList();
    }

    private record Fixture(TestDatabase db, FaxStore faxes, IndexOutbox outbox, JdbcReviewService reviews) {

        /** A case awaiting review: the name read with low confidence. */
        UUID awaiting(String name, long age, String birth) {
            String sha = String.format("%064x", new java.math.BigInteger(1, UUID.randomUUID().toString().getBytes()))
                    .substring(0, 64);
            UUID faxId = faxes.receive("fax", "f.pdf", sha, 1, "application/pdf").fax().id();
            return faxes.markRead(faxId, fax("f.pdf", List.of(PageKind.FORM), form(0,
                    field("patient_name", name, FieldStatus.LOW_CONFIDENCE, List.of("読み取りの信頼度が低い")),
                    ok("age", age), ok("birth_date", birth), ok("patient_address", "神戸市西区糀台5-6-3"))), false).get(0);
        }

        long outboxRows(UUID caseId, String op) {
            return db.jdbc().sql("select count(*) from index_outbox where case_id = ? and operation = ?")
                    .params(caseId, op).query(Long.class).single();
        }
    }

    private static Fixture open(TestDatabase db) {
        db.open();
        IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
        return new Fixture(db, new FaxStore(db.jdbc(), db.transactions(), outbox, TestJurisdictions.KOBE), outbox,
                new JdbcReviewService(db.jdbc(), outbox, TestJurisdictions.KOBE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void clerksGetTheNextRecordByPriorityAndNeverTheSameOne(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID younger = f.awaiting("若井 一", 30, "1991-01-01");
            UUID elderly = f.awaiting("老田 二", 80, "1941-01-01");

            NotificationCase first = f.reviews().claimNext("clerk-a").orElseThrow();
            NotificationCase second = f.reviews().claimNext("clerk-b").orElseThrow();

            assertThat(first.id()).isEqualTo(elderly);
            assertThat(second.id()).isEqualTo(younger);
            assertThat(f.reviews().claimNext("clerk-a").orElseThrow().id()).as("the one already held").isEqualTo(elderly);
            assertThat(f.reviews().claimNext("clerk-c")).isEmpty();
            assertThat(f.reviews().queue(10)).extracting(ReviewTask::claimedBy).containsExactly("clerk-a", "clerk-b");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aClaimedCaseIsRefusedToAnotherClerkWithTheHolderNamed(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.awaiting("山田 太郎", 40, "1981-01-01");
            NotificationCase held = f.reviews().claim(id, "clerk-a");

            assertThatThrownBy(() -> f.reviews().claim(id, "clerk-b"))
                    .isInstanceOfSatisfying(CaseTakenException.class, e -> assertThat(e.holder()).isEqualTo("clerk-a"));
            assertThatThrownBy(() -> f.reviews().confirm(id, "clerk-b", held.version()))
                    .isInstanceOf(CaseTakenException.class);
            assertThat(f.reviews().find(id).orElseThrow().state()).isEqualTo(CaseState.AWAITING_REVIEW);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStaleVersionIsRefusedSoNoChangeIsOverwritten(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.awaiting("山田 太朗", 40, "1981-01-01");
            NotificationCase held = f.reviews().claim(id, "clerk-a");
            f.reviews().correct(id, Map.of("patient_name", "山田太郎"), "clerk-a", held.version());

            assertThatThrownBy(() -> f.reviews().correct(id, Map.of("patient_name", "山田花子"), "clerk-a", held.version()))
                    .isInstanceOf(CaseTakenException.class);
            assertThat(f.reviews().find(id).orElseThrow().fields().get("patient_name").value()).isEqualTo("山田太郎");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCorrectionIsAuditedAndConfirmingQueuesTheCaseForTheIndex(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.awaiting("山田 太朗", 40, "1981-01-01");
            NotificationCase held = f.reviews().claim(id, "clerk-a");

            NotificationCase corrected = f.reviews().correct(id, Map.of("patient_name", "山田太郎"), "clerk-a", held.version());
            NotificationCase confirmed = f.reviews().confirm(id, "clerk-a", corrected.version());

            assertThat(corrected.fields().get("patient_name").status()).isEqualTo(FieldStatus.OK);
            assertThat(corrected.fields().get("patient_name").raw()).as("the engine's reading is kept").isEqualTo("山田 太朗");
            assertThat(confirmed.state()).isEqualTo(CaseState.CONFIRMED);
            assertThat(confirmed.ward()).isEqualTo("西区");
            assertThat(confirmed.claimedBy()).isNull();
            assertThat(f.outboxRows(id, IndexOutbox.UPSERT)).isEqualTo(1);
            assertThat(f.reviews().history(id))
                    .filteredOn(h -> h.action().equals("CORRECT")).singleElement()
                    .satisfies(h -> {
                        assertThat(h.actor()).isEqualTo("clerk-a");
                        assertThat(h.field()).isEqualTo("patient_name");
                        assertThat(h.readValue()).isEqualTo("山田 太朗");
                        assertThat(h.oldValue()).isEqualTo("\"山田 太朗\"");
                        assertThat(h.newValue()).isEqualTo("\"山田太郎\"");
                    });
            assertThat(f.reviews().history(id)).extracting(h -> h.action()).containsSubsequence("CLAIM", "CORRECT", "CONFIRM");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCorrectionAfterIndexingIsReindexedAndARejectionRemovesItFromTheIndex(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.awaiting("山田 太郎", 40, "1981-01-01");
            NotificationCase c = f.reviews().confirm(id, "clerk-a", f.reviews().claim(id, "clerk-a").version());
            f.outbox().drain(10, e -> { });
            NotificationCase indexed = f.reviews().find(id).orElseThrow();
            assertThat(indexed.state()).isEqualTo(CaseState.INDEXED);
            assertThat(c.version()).isLessThan(indexed.version());

            NotificationCase corrected = f.reviews().correct(id, Map.of("patient_address", "神戸市北区鈴蘭台1-1"), "clerk-b",
                    indexed.version());
            assertThat(corrected.state()).isEqualTo(CaseState.CONFIRMED);
            assertThat(corrected.ward()).isEqualTo("北区");
            assertThat(f.outboxRows(id, IndexOutbox.UPSERT)).isEqualTo(1);

            f.reviews().reject(id, "同一患者の重複届出", "clerk-b", corrected.version());
            assertThat(f.outboxRows(id, IndexOutbox.DELETE)).isEqualTo(1);
            assertThat(f.reviews().find(id).orElseThrow().state()).isEqualTo(CaseState.REJECTED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRejectedCaseCanBeRestoredToTheQueueAndBothStepsAreAudited(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.awaiting("却下 戻子", 40, "1981-02-02");
            UUID other = f.awaiting("却下 残子", 41, "1980-02-02");
            f.reviews().reject(id, "帳票ではない", "clerk-a", f.reviews().claim(id, "clerk-a").version());
            f.reviews().reject(other, "重複送信", "clerk-b", f.reviews().claim(other, "clerk-b").version());
            assertThat(f.reviews().rejection(id)).get().satisfies(r -> {
                assertThat(r.rejectedBy()).isEqualTo("clerk-a");
                assertThat(r.reason()).isEqualTo("帳票ではない");
                assertThat(r.rejectedAt()).isNotNull();
            });
            assertThat(f.reviews().rejected(10)).extracting(RejectedCase::caseId).containsExactlyInAnyOrder(id, other);

            NotificationCase back = f.reviews().restore(id, "admin", null);
            assertThat(back.state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(back.claimedBy()).isNull();
            assertThat(f.reviews().rejection(id)).isEmpty();
            assertThat(f.reviews().rejected(10)).extracting(RejectedCase::caseId).containsExactly(other);
            assertThat(f.reviews().history(id)).extracting(h -> h.actor() + ":" + h.action() + ":" + h.detail())
                    .containsSubsequence("clerk-a:REJECT:帳票ではない", "admin:RESTORE:帳票ではない");
            assertThatThrownBy(() -> f.reviews().restore(id, "admin", null)).isInstanceOf(IllegalStateException.class);

            NotificationCase undone = f.reviews().restore(other, "clerk-b", "clerk-b");
            assertThat(undone.claimedBy()).isEqualTo("clerk-b");
            assertThat(f.reviews().queue(10)).extracting(ReviewTask::caseId).contains(id, other);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aResentFaxOfTheSamePersonIsAPossibleDuplicate(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID first = f.awaiting("山田 太郎", 40, "1981-01-01");
            UUID resent = f.awaiting("山田太郎", 40, "1981-01-01");
            UUID otherBirth = f.awaiting("山田 太郎", 40, "1982-01-01");

            assertThat(f.reviews().possibleDuplicates(resent)).extracting(NotificationCase::id).containsExactly(first);
            assertThat(f.reviews().possibleDuplicates(otherBirth)).isEmpty();

            NotificationCase held = f.reviews().claim(resent, "clerk-a");
            f.reviews().link(resent, first, "clerk-a", held.version());
            assertThat(f.reviews().history(resent)).extracting(h -> h.action() + ":" + h.detail()).contains("LINK:" + first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyViewIsRecorded(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.awaiting("山田 太郎", 40, "1981-01-01");
            f.reviews().view(id, "staff-1");
            f.reviews().view(id, "staff-2");
            f.reviews().find(id);

            assertThat(f.reviews().history(id)).filteredOn(h -> h.action().equals("VIEW"))
                    .extracting(h -> h.actor()).containsExactly("staff-1", "staff-2");
        }
    }
}
