package io.todoke.store.fax;

import io.todoke.store.jurisdiction.TestJurisdictions;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.PageKind;
import io.todoke.store.TestDatabase;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.CaseStore;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.outbox.IndexOutbox;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.todoke.store.Readings.fax;
import static io.todoke.store.Readings.field;
import static io.todoke.store.Readings.form;
import static io.todoke.store.Readings.ok;
import static org.assertj.core.api.Assertions.assertThat;

class FaxStoreTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    static List<TestDatabase> databases() {
        return TestDatabase.all().toList();
    }

    record Fixture(TestDatabase db, FaxStore faxes, CaseStore cases, IndexOutbox outbox) {
        static Fixture of(TestDatabase db) {
            db.open();
            IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
            return new Fixture(db, new FaxStore(db.jdbc(), db.transactions(), outbox, TestJurisdictions.KOBE),
                    new CaseStore(db.jdbc()), outbox);
        }
    }

    @Test
    void postgresIsCoveredWhenConfigured() {
        Assumptions.assumeTrue(TestDatabase.POSTGRES_URL != null,
                "PostgreSQL skipped: TODOKE_TEST_POSTGRES_URL is not set");
        assertThat(databases()).extracting(Object::toString).contains("H2", "PostgreSQL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void newContentIsReceivedWithADatedArchivePath(TestDatabase db) {
        try (db) {
            Fixture f = Fixture.of(db);
            FaxReceipt r = f.faxes().receive("fax", "20211203-0001.pdf", SHA_A, 1234, "application/pdf");

            assertThat(r.outcome()).isEqualTo(FaxReceipt.Outcome.NEW);
            FaxDocument fax = f.faxes().find(r.fax().id()).orElseThrow();
            assertThat(fax.state()).isEqualTo(FaxState.RECEIVED);
            assertThat(fax.sizeBytes()).isEqualTo(1234);
            assertThat(fax.archivePath()).matches("\\d{4}/\\d{2}/\\d{2}/" + fax.id() + "-20211203-0001\\.pdf");
            assertThat(fax.archivedAt()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sameContentUnderAnotherNameIsADuplicateOfTheFirst(TestDatabase db) {
        try (db) {
            Fixture f = Fixture.of(db);
            FaxDocument first = f.faxes().receive("fax", "a.pdf", SHA_A, 10, "application/pdf").fax();
            FaxReceipt second = f.faxes().receive("ward2", "resent.pdf", SHA_A, 10, "application/pdf");

            assertThat(second.outcome()).isEqualTo(FaxReceipt.Outcome.DUPLICATE);
            assertThat(second.fax().state()).isEqualTo(FaxState.DUPLICATE);
            assertThat(second.fax().duplicateOf()).isEqualTo(first.id());
            assertThat(f.faxes().all()).hasSize(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameFileSeenAgainAfterACrashIsNotCountedTwice(TestDatabase db) {
        try (db) {
            Fixture f = Fixture.of(db);
            FaxDocument first = f.faxes().receive("fax", "a.pdf", SHA_A, 10, "application/pdf").fax();
            FaxReceipt again = f.faxes().receive("fax", "a.pdf", SHA_A, 10, "application/pdf");

            assertThat(again.outcome()).isEqualTo(FaxReceipt.Outcome.ALREADY_RECEIVED);
            assertThat(again.fax().id()).isEqualTo(first.id());
            assertThat(f.faxes().all()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentReceiversOfOneContentMakeExactlyOneNewFax(TestDatabase db) throws Exception {
        try (db) {
            Fixture f = Fixture.of(db);
            var pool = Executors.newFixedThreadPool(8);
            List<Future<FaxReceipt>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "copy-" + i + ".pdf";
                Callable<FaxReceipt> receive = () -> f.faxes().receive("fax", name, SHA_B, 10, "application/pdf");
                results.add(pool.submit(receive));
            }
            List<FaxReceipt> receipts = new ArrayList<>();
            for (Future<FaxReceipt> r : results) {
                receipts.add(r.get());
            }
            pool.shutdown();

            assertThat(receipts).filteredOn(r -> r.outcome() == FaxReceipt.Outcome.NEW).hasSize(1);
            UUID first = receipts.stream().filter(r -> r.outcome() == FaxReceipt.Outcome.NEW).findFirst()
                    .orElseThrow().fax().id();
            assertThat(receipts).filteredOn(r -> r.outcome() == FaxReceipt.Outcome.DUPLICATE).hasSize(7)
                    .allSatisfy(r -> assertThat(r.fax().duplicateOf()).isEqualTo(first));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void instancesRacingForTheSameFileRecordItOnce(TestDatabase db) throws Exception {
        try (db) {
            Fixture f = Fixture.of(db);
            var pool = Executors.newFixedThreadPool(6);
            List<Future<FaxReceipt>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<FaxReceipt> receive = () -> f.faxes().receive("shared", "same.pdf", SHA_A, 10, "application/pdf");
                results.add(pool.submit(receive));
            }
            List<FaxReceipt> receipts = new ArrayList<>();
            for (Future<FaxReceipt> r : results) {
                receipts.add(r.get());
            }
            pool.shutdown();

            assertThat(receipts).filteredOn(r -> r.outcome() == FaxReceipt.Outcome.NEW).hasSize(1);
            assertThat(receipts).extracting(FaxReceipt::outcome).doesNotContain(FaxReceipt.Outcome.DUPLICATE);
            assertThat(f.faxes().all()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void readingCreatesOneCasePerFormAndOneForEachUnknownPageButNoneForCovers(TestDatabase db) {
        try (db) {
            Fixture f = Fixture.of(db);
            UUID faxId = f.faxes().receive("fax", "a.pdf", SHA_A, 10, "application/pdf").fax().id();
            var ready = form(1, ok("patient_name", "山田 太郎"), ok("patient_name_kana", "ヤマダ タロウ"),
                    ok("birth_date", "1950-04-01"), ok("age", 71L), ok("case_type", "confirmed"),
                    ok("patient_address", "兵庫県神戸市垂水区日向1-5-1"), ok("symptoms", List.of("cough", "fever")));
            var doubtful = form(2, ok("patient_name", "佐藤 花子"), ok("case_type", "deceased"),
                    field("birth_date", "1980-01-01", FieldStatus.LOW_CONFIDENCE, List.of("生年月日: 確信度が低い")),
                    // doubtful without a message: its row says so; the case's reasons do not repeat it by its key
                    field("physician_name", "神戸 一郎", FieldStatus.LOW_CONFIDENCE, List.of()));

            List<UUID> created = f.faxes().markRead(faxId, fax("a.pdf",
                    List.of(PageKind.COVER, PageKind.FORM, PageKind.FORM, PageKind.UNKNOWN, PageKind.BLANK),
                    ready, doubtful), true);

            assertThat(created).hasSize(3);
            FaxDocument fax = f.faxes().find(faxId).orElseThrow();
            assertThat(fax.state()).isEqualTo(FaxState.READ);
            assertThat(fax.pageCount()).isEqualTo(5);
            assertThat(db.jdbc().sql("select count(*) from fax_page where fax_id = ?").param(faxId)
                    .query(Long.class).single()).isEqualTo(5);

            List<NotificationCase> cases = f.cases().byFax(faxId).stream()
                    .sorted(Comparator.comparing(c -> c.pages().get(0))).toList();
            NotificationCase auto = cases.get(0);
            assertThat(auto.state()).isEqualTo(CaseState.AUTO_CONFIRMED);
            assertThat(auto.pages()).containsExactly(1);
            assertThat(auto.priority()).isEqualTo(1);
            assertThat(auto.ward()).isEqualTo("垂水区");
            assertThat(auto.confirmedBy()).isEqualTo("system");
            assertThat(auto.fields().get("age").value()).isEqualTo(71L);
            assertThat(auto.fields().get("symptoms").value()).isEqualTo(List.of("cough", "fever"));
            assertThat(auto.fields().get("patient_name").status()).isEqualTo(FieldStatus.OK);
            assertThat(auto.reviewReasons()).isEmpty();

            NotificationCase review = cases.get(1);
            assertThat(review.state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(review.priority()).isEqualTo(0);
            assertThat(review.reviewReasons()).containsExactly("生年月日: 確信度が低い");
            assertThat(review.ward()).isNull();

            NotificationCase unknown = cases.get(2);
            assertThat(unknown.pages()).containsExactly(3);
            assertThat(unknown.templateId()).isNull();
            assertThat(unknown.state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(unknown.reviewReasons()).containsExactly(FaxStore.UNCLASSIFIED_REASON);

            assertThat(f.outbox().pending()).isEqualTo(1);
            assertThat(db.jdbc().sql("select patient_kana from notification_case where id = ?").param(auto.id())
                    .query(String.class).single()).isEqualTo("ヤマダ タロウ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withAutoConfirmOffEveryFormWaitsForReview(TestDatabase db) {
        try (db) {
            Fixture f = Fixture.of(db);
            UUID faxId = f.faxes().receive("fax", "a.pdf", SHA_A, 10, "application/pdf").fax().id();
            f.faxes().markRead(faxId, fax("a.pdf", List.of(PageKind.FORM), form(0, ok("patient_name", "X"))), false);

            NotificationCase c = f.cases().byFax(faxId).get(0);
            assertThat(c.state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(c.reviewReasons()).containsExactly(FaxStore.AUTO_CONFIRM_OFF_REASON);
            assertThat(f.outbox().pending()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPostalCodeBeforeTheAddressGivesTheWardAndAnAddressWithoutOneGoesToAClerk(TestDatabase db) {
        try (db) {
            Fixture f = Fixture.of(db);
            UUID faxId = f.faxes().receive("fax", "a.pdf", SHA_A, 10, "application/pdf").fax().id();
            f.faxes().markRead(faxId, fax("a.pdf", List.of(PageKind.FORM, PageKind.FORM),
                    form(0, ok("patient_name", "X"), ok("patient_address", "〒650-0010兵庫県神戸市中央区東川崎町1-1-3")),
                    form(1, ok("patient_name", "Y"), ok("patient_address", "〒650-0010 1-1-3"))), true);

            List<NotificationCase> cases = f.cases().byFax(faxId).stream()
                    .sorted(Comparator.comparing(c -> c.pages().get(0))).toList();
            assertThat(cases.get(0).state()).isEqualTo(CaseState.AUTO_CONFIRMED);
            assertThat(cases.get(0).ward()).isEqualTo("中央区");
            assertThat(cases.get(1).state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(cases.get(1).ward()).isNull();
            assertThat(cases.get(1).reviewReasons()).containsExactly(FaxStore.NO_WARD_REASON);
            assertThat(f.outbox().pending()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSecondReadOfTheSameFaxCreatesNothing(TestDatabase db) {
        try (db) {
            Fixture f = Fixture.of(db);
            UUID faxId = f.faxes().receive("fax", "a.pdf", SHA_A, 10, "application/pdf").fax().id();
            var reading = fax("a.pdf", List.of(PageKind.FORM), form(0, ok("patient_name", "X")));
            assertThat(f.faxes().markRead(faxId, reading, true)).hasSize(1);
            assertThat(f.faxes().markRead(faxId, reading, true)).isEmpty();
            assertThat(f.cases().count()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onlyArchivedUnreadFaxesAreResumedAndFailuresCanBeReopened(TestDatabase db) {
        try (db) {
            Fixture f = Fixture.of(db);
            UUID archived = f.faxes().receive("fax", "a.pdf", SHA_A, 10, "application/pdf").fax().id();
            UUID notYet = f.faxes().receive("fax", "b.pdf", SHA_B, 10, "application/pdf").fax().id();
            f.faxes().markArchived(archived);

            assertThat(f.faxes().receivedAndArchived()).extracting(FaxDocument::id).containsExactly(archived);
            assertThat(f.faxes().find(notYet).orElseThrow().archivedAt()).isNull();

            assertThat(f.faxes().markFailed(archived, "読み取りが時間内に終わりませんでした")).isTrue();
            FaxDocument failed = f.faxes().find(archived).orElseThrow();
            assertThat(failed.state()).isEqualTo(FaxState.FAILED);
            assertThat(failed.error()).isEqualTo("読み取りが時間内に終わりませんでした");
            assertThat(f.faxes().failed(10)).extracting(FaxDocument::id).containsExactly(archived);
            assertThat(f.faxes().receivedAndArchived()).isEmpty();

            assertThat(f.faxes().reopen(archived)).isTrue();
            assertThat(f.faxes().receivedAndArchived()).extracting(FaxDocument::id).containsExactly(archived);
            assertThat(f.faxes().reopen(notYet)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRejectedFileFixedByAnOperatorIsReceivedAgainUnderTheSameRecord(TestDatabase db) {
        try (db) {
            Fixture f = Fixture.of(db);
            FaxDocument rejected = f.faxes().reject("fax", "scan.pdf", SHA_A, 0, null, "空のファイルです");
            assertThat(rejected.state()).isEqualTo(FaxState.FAILED);
            assertThat(rejected.archivePath()).isNull();
            assertThat(rejected.error()).isEqualTo("空のファイルです");

            FaxReceipt again = f.faxes().reopenRejected(rejected.id(), SHA_B, 99, "application/pdf");
            assertThat(again.outcome()).isEqualTo(FaxReceipt.Outcome.NEW);
            assertThat(again.fax().state()).isEqualTo(FaxState.RECEIVED);
            assertThat(again.fax().archivePath()).endsWith(rejected.id() + "-scan.pdf");
            assertThat(f.faxes().all()).hasSize(1);
        }
    }
}
