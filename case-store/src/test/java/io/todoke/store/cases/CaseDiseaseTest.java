package io.todoke.store.cases;

import io.todoke.ocr.Disease;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageKind;
import io.todoke.store.TestDatabase;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.jurisdiction.TestJurisdictions;
import io.todoke.store.outbox.IndexOutbox;
import io.todoke.store.review.JdbcReviewService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.todoke.store.Readings.fax;
import static io.todoke.store.Readings.field;
import static io.todoke.store.Readings.form;
import static io.todoke.store.Readings.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The disease is part of the case: set from the form at intake, kept for cases recorded before it was. */
class CaseDiseaseTest {

    static List<TestDatabase> databases() {
        return TestDatabase.all().toList();
    }

    /** A made-up form of another disease that, like the measles form, asks no name: sex and age only. */
    static FormReading nameless(int page, FieldReading... fields) {
        Map<String, FieldReading> map = new LinkedHashMap<>();
        for (FieldReading f : fields) {
            map.put(f.key(), f);
        }
        return new FormReading(List.of(page), "testfever-notification", "2026-01", 0.96, map, List.of(),
                new Disease("testfever", "試験熱"));
    }

    private static String sha() {
        return UUID.randomUUID().toString().replace("-", "").repeat(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachFormOfAFaxBecomesACaseOfItsOwnDiseaseAndAnUnclassifiedPageOfNone(TestDatabase db) {
        try (db) {
            db.open();
            IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
            FaxStore faxes = new FaxStore(db.jdbc(), db.transactions(), outbox, TestJurisdictions.KOBE);
            CaseStore cases = new CaseStore(db.jdbc());
            JdbcReviewService reviews = new JdbcReviewService(db.jdbc(), outbox, TestJurisdictions.KOBE);
            UUID faxId = faxes.receive("fax", "two.pdf", sha(), 1, "application/pdf").fax().id();

            List<UUID> created = faxes.markRead(faxId, fax("two.pdf", List.of(PageKind.FORM, PageKind.FORM, PageKind.UNKNOWN),
                    form(0, ok("patient_name", "山田 花子"), ok("birth_date", "1980-01-02"),
                            ok("patient_address", "神戸市西区糀台5-6-3")),
                    nameless(1, ok("sex", "female"), ok("age", 7L), ok("patient_address", "神戸市北区鈴蘭台北町1-1"),
                            field("fever_days", 3L, FieldStatus.LOW_CONFIDENCE, List.of("確認してください")))), true);

            assertThat(created).hasSize(3);
            NotificationCase covid = cases.find(created.get(0)).orElseThrow();
            NotificationCase other = cases.find(created.get(1)).orElseThrow();
            NotificationCase unclassified = cases.find(created.get(2)).orElseThrow();
            assertThat(covid.disease()).isEqualTo("covid19");
            assertThat(covid.state()).isEqualTo(CaseState.AUTO_CONFIRMED);
            assertThat(other.disease()).isEqualTo("testfever");
            assertThat(other.templateId()).isEqualTo("testfever-notification");
            assertThat(other.templateVersion()).isEqualTo("2026-01");
            assertThat(other.fields()).containsOnlyKeys("sex", "age", "patient_address", "fever_days");
            assertThat(unclassified.disease()).isNull();
            // No name on the form: the queue lists it, without one, under its disease.
            assertThat(reviews.queue(10)).filteredOn(t -> t.caseId().equals(other.id())).singleElement()
                    .satisfies(t -> {
                        assertThat(t.disease()).isEqualTo("testfever");
                        assertThat(t.patientName()).isNull();
                    });
            assertThat(reviews.possibleDuplicates(other.id())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onePatientsNotificationsOfTwoDiseasesAreNotDuplicatesOfEachOther(TestDatabase db) {
        try (db) {
            db.open();
            IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
            FaxStore faxes = new FaxStore(db.jdbc(), db.transactions(), outbox, TestJurisdictions.KOBE);
            JdbcReviewService reviews = new JdbcReviewService(db.jdbc(), outbox, TestJurisdictions.KOBE);
            FieldReading[] patient = {ok("patient_name", "重複 太郎"), ok("birth_date", "1970-05-06"),
                    field("age", 56L, FieldStatus.LOW_CONFIDENCE, List.of())};
            UUID covid = faxes.markRead(faxes.receive("fax", "a.pdf", sha(), 1, "application/pdf").fax().id(),
                    fax("a.pdf", List.of(PageKind.FORM), form(0, patient)), false).get(0);
            UUID covidAgain = faxes.markRead(faxes.receive("fax", "b.pdf", sha(), 1, "application/pdf").fax().id(),
                    fax("b.pdf", List.of(PageKind.FORM), form(0, patient)), false).get(0);
            UUID other = faxes.markRead(faxes.receive("fax", "c.pdf", sha(), 1, "application/pdf").fax().id(),
                    fax("c.pdf", List.of(PageKind.FORM), nameless(0, patient)), false).get(0);

            assertThat(reviews.possibleDuplicates(covidAgain)).extracting(NotificationCase::id).containsExactly(covid);
            assertThat(reviews.possibleDuplicates(other)).isEmpty();
        }
    }

    /** A database of the schema before the disease was kept (V5), with COVID-19 cases, migrated to today's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void casesRecordedBeforeTheDiseaseWasKeptMigrateWithoutLoss(TestDatabase db) {
        try (db) {
            db.openAt("5");
            var jdbc = db.jdbc();
            UUID faxId = UUID.randomUUID();
            OffsetDateTime at = OffsetDateTime.of(2022, 8, 9, 1, 2, 3, 0, ZoneOffset.UTC);
            jdbc.sql("insert into fax_document (id, inbox, file_name, sha256, size_bytes, state, received_at) "
                    + "values (?, 'fax', 'old.pdf', ?, 10, 'READ', ?)").params(faxId, "c".repeat(64), at).update();
            String fields = CaseJson.writeFields(Map.of("patient_name", ok("patient_name", "移行 一郎")));
            UUID confirmed = UUID.randomUUID();
            UUID waiting = UUID.randomUUID();
            UUID unclassified = UUID.randomUUID();
            String insert = "insert into notification_case (id, fax_id, pages, template_id, template_version, state, "
                    + "fields, review_reasons, patient_name, patient_kana, birth_date, ward, priority, created_at, "
                    + "confirmed_at, confirmed_by, version) values (?, ?, '[0]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            jdbc.sql(insert).params(confirmed, faxId, "covid19-notification", "2021-04", "INDEXED", fields, "[]",
                    "移行 一郎", "イコウ イチロウ", "1950-01-02", "西区", 1, at, at.plusMinutes(5), "clerk", 3L).update();
            jdbc.sql(insert).params(waiting, faxId, "covid19-notification", "2021-04", "AWAITING_REVIEW", fields,
                    "[\"低信頼度\"]", "移行 一郎", null, null, null, 2, at, null, null, 0L).update();
            jdbc.sql(insert).params(unclassified, faxId, null, null, "AWAITING_REVIEW", "{}",
                    "[\"帳票を判別できません\"]", null, null, null, null, 2, at, null, null, 0L).update();

            db.migrate();

            CaseStore cases = new CaseStore(jdbc);
            NotificationCase c = cases.find(confirmed).orElseThrow();
            assertThat(c.disease()).isEqualTo("covid19");
            assertThat(c.templateId()).isEqualTo("covid19-notification");
            assertThat(c.templateVersion()).isEqualTo("2021-04");
            assertThat(c.state()).isEqualTo(CaseState.INDEXED);
            assertThat(c.fields().get("patient_name").value()).isEqualTo("移行 一郎");
            assertThat(c.ward()).isEqualTo("西区");
            assertThat(c.priority()).isEqualTo(1);
            assertThat(c.createdAt()).isEqualTo(at.toInstant());
            assertThat(c.confirmedAt()).isEqualTo(at.plusMinutes(5).toInstant());
            assertThat(c.confirmedBy()).isEqualTo("clerk");
            assertThat(c.version()).isEqualTo(3L);
            assertThat(jdbc.sql("select patient_kana from notification_case where id = ?").param(confirmed)
                    .query(String.class).single()).isEqualTo("イコウ イチロウ");
            NotificationCase w = cases.find(waiting).orElseThrow();
            assertThat(w.disease()).isEqualTo("covid19");
            assertThat(w.reviewReasons()).containsExactly("低信頼度");
            assertThat(cases.find(unclassified).orElseThrow().disease()).isNull();
            assertThat(cases.count()).isEqualTo(3);
            // The index is told: the confirmed case is written again, now with its disease; the others are not.
            assertThat(jdbc.sql("select case_id from index_outbox where operation = 'UPSERT'").query(UUID.class).list())
                    .containsExactly(confirmed);
        }
    }
}
