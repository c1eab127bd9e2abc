package io.todoke.store.doublecheck;

import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.PageKind;
import io.todoke.store.TestDatabase;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.jurisdiction.TestJurisdictions;
import io.todoke.store.outbox.IndexOutbox;
import io.todoke.store.review.JdbcReviewService;
import io.todoke.store.review.ReviewService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.todoke.store.Readings.fax;
import static io.todoke.store.Readings.field;
import static io.todoke.store.Readings.form;
import static io.todoke.store.Readings.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DoubleChecksTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all().toList();
    }

    private record Fixture(TestDatabase db, FaxStore faxes, ReviewService reviews, DoubleChecks checks) {

        UUID awaiting() {
            String sha = String.format("%064x", new java.math.BigInteger(1, UUID.randomUUID().toString().getBytes()))
                    .substring(0, 64);
            UUID faxId = faxes.receive("fax", "f.pdf", sha, 1, "application/pdf").fax().id();
            return faxes.markRead(faxId, fax("f.pdf", List.of(PageKind.FORM), form(0,
                    field("patient_name", "山田 太朗", FieldStatus.LOW_CONFIDENCE, List.of("読み取りの信頼度が低い")),
                    ok("birth_date", "1970-03-12"), ok("patient_address", "神戸市西区糀台5-6-3"))), false).get(0);
        }

        /** The first clerk claims the case and enters the checked fields. */
        UUID firstEntered(String clerk, Map<String, Object> values) {
            UUID id = awaiting();
            NotificationCase c = reviews.claim(id, clerk);
            checks.first(id, values, clerk, c.version());
            return id;
        }

        long audited(UUID caseId, String action) {
            return db.jdbc().sql("select count(*) from audit_log where case_id = ? and action = ?")
                    .params(caseId, action).query(Long.class).single();
        }
    }

    private static Fixture open(TestDatabase db) {
        db.open();
        IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
        ReviewService reviews = new JdbcReviewService(db.jdbc(), outbox, TestJurisdictions.KOBE);
        return new Fixture(db, new FaxStore(db.jdbc(), db.transactions(), outbox, TestJurisdictions.KOBE), reviews,
                new DoubleChecks(db.jdbc(), reviews));
    }

    private static Map<String, Object> values(String name, String birth) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("patient_name", name);
        v.put("birth_date", birth);
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFirstEntryWaitsOutsideTheCaseAndTheFirstClerkIsNeverOfferedItAgain(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.firstEntered("clerk-a", values("山田 太郎", "1970-03-12"));

            NotificationCase c = f.reviews().find(id).orElseThrow();
            assertThat(c.state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(c.claimedBy()).as("released for a second clerk").isNull();
            assertThat(c.fields().get("patient_name").value()).as("the first entry is not in the case").isEqualTo("山田 太朗");
            assertThat(f.reviews().claimNext("clerk-a")).as("never the first clerk's own check").isEmpty();
            assertThat(f.reviews().claimNext("clerk-b")).map(NotificationCase::id).contains(id);
            assertThat(f.audited(id, DoubleChecks.FIRST)).isEqualTo(1);
            assertThat(f.db().jdbc().sql("select detail from audit_log where case_id = ? and action = ?")
                    .params(id, DoubleChecks.FIRST).query(String.class).single())
                    .as("keys, not values, in the history").isEqualTo("patient_name,birth_date");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFirstClerkCannotTypeTheSecondEntry(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.firstEntered("clerk-a", values("山田 太郎", "1970-03-12"));
            long version = f.reviews().claim(id, "clerk-a").version();

            assertThatThrownBy(() -> f.checks().second(id, values("山田 太郎", "1970-03-12"), "clerk-a", version))
                    .isInstanceOf(DoubleCheckException.class);
            assertThat(f.checks().find(id).orElseThrow().stage()).isEqualTo(DoubleCheck.Stage.SECOND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void agreementStoresTheValuesAndConfirmsTheCase(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.firstEntered("clerk-a", values("山田 太郎", "1970-03-12"));
            long version = f.reviews().claimNext("clerk-b").orElseThrow().version();

            DoubleCheck done = f.checks().second(id, values("山田 太郎", "1970-03-12"), "clerk-b", version);

            NotificationCase c = f.reviews().find(id).orElseThrow();
            assertThat(done.stage()).isEqualTo(DoubleCheck.Stage.DONE);
            assertThat(c.state()).isEqualTo(CaseState.CONFIRMED);
            assertThat(c.confirmedBy()).isEqualTo("clerk-b");
            assertThat(c.fields().get("patient_name").value()).isEqualTo("山田 太郎");
            assertThat(c.fields().get("patient_name").status()).isEqualTo(FieldStatus.OK);
            assertThat(f.audited(id, DoubleChecks.AGREED)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void entriesThatDifferInWhiteSpaceOnlyAgreeAndTheSecondIsStored(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.firstEntered("clerk-a", values("山田 太郎", "1970-03-12"));
            long version = f.reviews().claimNext("clerk-b").orElseThrow().version();

            DoubleCheck done = f.checks().second(id, values("山田太郎", "1970-03-12"), "clerk-b", version);

            assertThat(done.stage()).isEqualTo(DoubleCheck.Stage.DONE);
            assertThat(f.reviews().find(id).orElseThrow().fields().get("patient_name").value()).isEqualTo("山田太郎");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void disagreementWaitsForALeadWhoSeesBothAndDecides(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.firstEntered("clerk-a", values("山田 太郎", "1970-03-12"));
            long version = f.reviews().claimNext("clerk-b").orElseThrow().version();

            DoubleCheck disputed = f.checks().second(id, values("山田 太朗", "1970-03-12"), "clerk-b", version);

            assertThat(disputed.stage()).isEqualTo(DoubleCheck.Stage.LEAD);
            assertThat(disputed.disagreements()).containsExactly("patient_name");
            assertThat(disputed.firstValues()).containsEntry("patient_name", "山田 太郎");
            assertThat(disputed.secondValues()).containsEntry("patient_name", "山田 太朗");
            assertThat(f.checks().awaitingLead()).extracting(DoubleCheck::caseId).containsExactly(id);
            assertThat(f.reviews().find(id).orElseThrow().state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(f.reviews().claimNext("clerk-c")).as("a disagreement is the lead's, not the queue's").isEmpty();
            assertThat(f.audited(id, DoubleChecks.DISAGREED)).isEqualTo(1);

            NotificationCase decided = f.checks().decide(id, values("山田 太郎", "1970-03-12"), "lead");

            assertThat(decided.state()).isEqualTo(CaseState.CONFIRMED);
            assertThat(decided.confirmedBy()).isEqualTo("lead");
            assertThat(decided.fields().get("patient_name").value()).isEqualTo("山田 太郎");
            assertThat(f.checks().find(id).orElseThrow().decidedBy()).isEqualTo("lead");
            assertThat(f.checks().awaitingLead()).isEmpty();
            assertThat(f.audited(id, DoubleChecks.DECIDED)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStepOutOfTurnIsRefused(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.firstEntered("clerk-a", values("山田 太郎", "1970-03-12"));

            assertThatThrownBy(() -> f.checks().decide(id, values("山田 太郎", "1970-03-12"), "lead"))
                    .as("no lead decision before a disagreement").isInstanceOf(DoubleCheckException.class);
            assertThatThrownBy(() -> f.checks().first(id, values("山田 太郎", "1970-03-12"), "clerk-c",
                    f.reviews().find(id).orElseThrow().version()))
                    .as("one check at a time").isInstanceOf(DoubleCheckException.class);
        }
    }
}
