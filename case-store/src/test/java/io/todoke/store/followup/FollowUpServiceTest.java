package io.todoke.store.followup;

import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.PageKind;
import io.todoke.store.TestDatabase;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.jurisdiction.Jurisdiction;
import io.todoke.store.outbox.IndexOutbox;
import io.todoke.store.review.JdbcReviewService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.todoke.store.Readings.fax;
import static io.todoke.store.Readings.field;
import static io.todoke.store.Readings.form;
import static io.todoke.store.Readings.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpServiceTest {

    static final Jurisdiction CITY = new Jurisdiction("神戸市", List.of("北区", "西区"),
            List.of(new Jurisdiction.HealthCentre("西保健センター", List.of("西区")),
                    new Jurisdiction.HealthCentre("北保健センター", List.of("北区"))));
    /** 2026-12-07 10:00 in Japan. */
    static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    static List<TestDatabase> databases() {
        return TestDatabase.all().toList();
    }

    static FollowUpForms forms() {
        return FollowUpForms.load(Path.of("../config/followup"));
    }

    private record Fixture(TestDatabase db, FaxStore faxes, JdbcReviewService reviews, FollowUpService followUps,
                           FollowUpLists lists, MutableClock clock) {

        UUID awaiting(String name, String address) {
            String sha = String.format("%064x", new java.math.BigInteger(1, UUID.randomUUID().toString().getBytes()))
                    .substring(0, 64);
            UUID faxId = faxes.receive("fax", "f.pdf", sha, 1, "application/pdf").fax().id();
            return faxes.markRead(faxId, fax("f.pdf", List.of(PageKind.FORM), form(0,
                    field("patient_name", name, FieldStatus.LOW_CONFIDENCE, List.of("読み取りの信頼度が低い")),
                    ok("birth_date", "1980-01-01"), ok("patient_address", address))), false).get(0);
        }

        UUID confirmed(String name, String address) {
            UUID id = awaiting(name, address);
            reviews.confirm(id, "clerk", reviews.find(id).orElseThrow().version());
            return id;
        }

        void user(String name, String ward, String roles) {
            db.jdbc().sql("insert into app_user (username, password_hash, display_name, roles, ward, enabled, created_at) "
                            + "values (?, 'x', ?, ?, ?, true, ?)")
                    .params(name, name, roles, ward, java.time.OffsetDateTime.now(ZoneOffset.UTC)).update();
        }

        List<String> audit(UUID caseId) {
            return db.jdbc().sql("select action from audit_log where case_id = ? order by id").param(caseId)
                    .query(String.class).list();
        }

        long webhookRows() {
            return db.jdbc().sql("select count(*) from follow_up_webhook").query(Long.class).single();
        }
    }

    static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Fixture open(TestDatabase db, List<String> webhookUrls) {
        db.open();
        IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
        MutableClock clock = new MutableClock();
        FollowUpProperties properties = new FollowUpProperties("../config/followup", Duration.ofHours(24),
                new FollowUpProperties.Webhook(webhookUrls, false, Duration.ofSeconds(1), Duration.ofSeconds(1),
                        Duration.ofMinutes(1), Duration.ofSeconds(1)), "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
        FollowUpForms forms = forms();
        FollowUpService followUps = new FollowUpService(db.jdbc(), forms, CITY, new FollowUpAudit(db.jdbc()),
                new FollowUpEvents(db.jdbc(), properties), outbox, clock);
        FaxStore faxes = new FaxStore(db.jdbc(), db.transactions(), outbox, CITY);
        faxes.setFollowUps(followUps);
        JdbcReviewService reviews = new JdbcReviewService(db.jdbc(), outbox, CITY);
        reviews.setFollowUps(followUps);
        return new Fixture(db, faxes, reviews, followUps, new FollowUpLists(db.jdbc(), forms, Duration.ofHours(24), clock),
                clock);
    }

    private static Fixture open(TestDatabase db) {
        return open(db, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aConfirmedCaseIsAssignedToTheCentreOfItsWardInTheFirstStatus(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID waiting = f.awaiting("待機 一郎", "神戸市北区鈴蘭台北町1-1");
            assertThat(f.followUps().find(waiting)).as("not before 確定").isEmpty();

            UUID id = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");

            FollowUp fu = f.followUps().find(id).orElseThrow();
            assertThat(fu.ward()).isEqualTo("西区");
            assertThat(fu.healthCentre()).isEqualTo("西保健センター");
            assertThat(fu.status()).isEqualTo("new");
            assertThat(fu.disease()).isEqualTo("covid19");
            assertThat(fu.assignee()).isNull();
            assertThat(f.audit(id)).contains("CONFIRM", "FOLLOWUP_ASSIGN");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCaseAutoConfirmedAtIntakeIsAssignedToItsWardToo(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID faxId = f.faxes().receive("fax", "auto.pdf", "a".repeat(64), 1, "application/pdf").fax().id();
            UUID id = f.faxes().markRead(faxId, fax("auto.pdf", List.of(PageKind.FORM), form(0,
                    ok("patient_name", "自動 確定"), ok("birth_date", "1980-01-01"),
                    ok("patient_address", "神戸市北区鈴蘭台北町1-1"))), true).get(0);

            FollowUp fu = f.followUps().find(id).orElseThrow();
            assertThat(fu.ward()).isEqualTo("北区");
            assertThat(fu.healthCentre()).isEqualTo("北保健センター");
            assertThat(f.audit(id)).containsExactly("FOLLOWUP_ASSIGN");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoNursesWorkingOnTheSameVersionCannotOverwriteEachOther(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            long loaded = f.followUps().find(id).orElseThrow().version();

            f.followUps().changeStatus(id, "contacted", "nurse-a", loaded);

            assertThatThrownBy(() -> f.followUps().changeStatus(id, "closed", "nurse-b", loaded))
                    .isInstanceOf(FollowUpConflictException.class);
            assertThat(f.followUps().find(id).orElseThrow().status()).isEqualTo("contacted");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statusChangesRecordFirstContactAndClosingAndAreAudited(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            assertThatThrownBy(() -> f.followUps().changeStatus(id, "nonsense", "nurse", 
                    f.followUps().find(id).orElseThrow().version()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("状態は一覧から選んでください");

            f.clock().now = NOW.plusSeconds(3600);
            FollowUp contacted = f.followUps().changeStatus(id, "contacted", "nurse", f.followUps().find(id).orElseThrow().version());
            f.clock().now = NOW.plusSeconds(7200);
            FollowUp closed = f.followUps().changeStatus(id, "closed", "nurse", contacted.version());

            assertThat(closed.firstContactAt()).isEqualTo(NOW.plusSeconds(3600));
            assertThat(closed.closedAt()).isEqualTo(NOW.plusSeconds(7200));
            assertThat(f.audit(id)).containsSubsequence("FOLLOWUP_STATUS", "FOLLOWUP_STATUS");
            FollowUp reopened = f.followUps().changeStatus(id, "observing", "nurse", closed.version());
            assertThat(reopened.closedAt()).isNull();
            assertThat(reopened.firstContactAt()).isEqualTo(NOW.plusSeconds(3600));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onlyStaffOfTheCasesWardCanBePutInCharge(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            f.user("nurse-west", "西区", "STAFF");
            f.user("nurse-north", "北区", "STAFF");
            f.user("clerk-west", "西区", "CLERK");
            UUID id = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            long v = f.followUps().find(id).orElseThrow().version();

            assertThat(f.followUps().assignable("西区")).containsExactly("nurse-west");
            assertThatThrownBy(() -> f.followUps().assign(id, "nurse-north", "lead", v))
                    .hasMessage("担当者は西区の職員から選んでください");
            FollowUp assigned = f.followUps().assign(id, "nurse-west", "lead", v);

            assertThat(assigned.assignee()).isEqualTo("nurse-west");
            assertThat(f.audit(id)).contains("FOLLOWUP_ASSIGNEE");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCorrectedRecordKeepsEveryEarlierRevision(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            UUID interview = f.followUps().add(id, EntryKind.INTERVIEW,
                    Map.of("stay", List.of("home"), "observation_end", List.of("2026-12-14"),
                            "risk_factors", List.of("diabetes", "heart")), "nurse-a");
            assertThatThrownBy(() -> f.followUps().add(id, EntryKind.INTERVIEW, Map.of(), "nurse-b"))
                    .hasMessage("疫学調査は記録済みです。訂正してください");

            f.followUps().correct(id, interview, Map.of("stay", List.of("hospital"), "hospital", List.of("西市民病院"),
                    "observation_end", List.of("2026-12-14")), "nurse-b", 1);
            assertThatThrownBy(() -> f.followUps().correct(id, interview, Map.of("stay", List.of("hotel")), "nurse-c", 1))
                    .as("a correction of a revision corrected meanwhile").isInstanceOf(FollowUpConflictException.class);

            FollowUpEntry entry = f.followUps().entries(id).get(0);
            assertThat(entry.revisions()).extracting(FollowUpEntry.Revision::author).containsExactly("nurse-b", "nurse-a");
            assertThat(entry.created().values()).containsEntry("stay", "home")
                    .containsEntry("risk_factors", List.of("diabetes", "heart"));
            assertThat(entry.values()).containsEntry("stay", "hospital").containsEntry("hospital", "西市民病院");
            FollowUp fu = f.followUps().find(id).orElseThrow();
            assertThat(fu.stay()).as("copied for lists and statistics").isEqualTo("hospital");
            assertThat(fu.observationUntil()).isEqualTo(LocalDate.of(2026, 12, 14));
            assertThat(f.audit(id)).contains("FOLLOWUP_RECORD", "FOLLOWUP_CORRECT");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void badValuesAreRefusedWithAJapaneseReasonAndNothingIsStored(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID id = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");

            assertThatThrownBy(() -> f.followUps().add(id, EntryKind.OBSERVATION,
                    Map.of("date", List.of("12月7日"), "state", List.of("stable")), "nurse"))
                    .hasMessage("「観察日」は日付（例 2026-12-07）で入力してください");
            assertThatThrownBy(() -> f.followUps().add(id, EntryKind.OBSERVATION,
                    Map.of("date", List.of("2026-12-07"), "state", List.of("dancing")), "nurse"))
                    .hasMessage("「状態」は一覧から選んでください");
            assertThatThrownBy(() -> f.followUps().add(id, EntryKind.INTERVIEW,
                    Map.of("household_size", List.of("三人")), "nurse"))
                    .hasMessage("「同居者数」は整数で入力してください");
            assertThatThrownBy(() -> f.followUps().add(id, EntryKind.NOTE, Map.of(), "nurse"))
                    .hasMessage("「メモ」を入力してください");

            assertThat(f.followUps().entries(id)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void workListsShowTheWardItsOwnCasesMineUncontactedAndEndingToday(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            f.user("nurse-west", "西区", "STAFF");
            UUID old = f.confirmed("古田 一", "神戸市西区糀台5-6-3");
            f.clock().now = NOW.plus(Duration.ofHours(20));
            UUID recent = f.confirmed("新田 二", "神戸市西区玉津町3-4");
            UUID north = f.confirmed("北野 三", "神戸市北区鈴蘭台北町1-1");
            f.clock().now = NOW.plus(Duration.ofHours(25));
            f.followUps().assign(recent, "nurse-west", "lead", f.followUps().find(recent).orElseThrow().version());
            f.followUps().add(recent, EntryKind.INTERVIEW, Map.of("stay", List.of("hospital"),
                    "observation_end", List.of("2026-12-08")), "nurse-west");

            assertThat(ids(f.lists().list(WorkList.NO_FIRST_CONTACT, "西区", null, null)))
                    .as("waiting longer than 24 hours").containsExactly(old);
            assertThat(ids(f.lists().list(WorkList.MINE, "西区", "nurse-west", null))).containsExactly(recent);
            assertThat(ids(f.lists().list(WorkList.OBSERVATION_ENDS_TODAY, "西区", null, null)))
                    .as("2026-12-08 in Japan").containsExactly(recent);
            assertThat(ids(f.lists().list(WorkList.BY_STATUS, "西区", null, "new"))).containsExactly(old, recent);
            assertThat(ids(f.lists().list(WorkList.BY_STATUS, null, null, null))).containsExactlyInAnyOrder(old, recent, north);

            List<WardCounts> all = f.lists().counts(null);
            assertThat(all).extracting(WardCounts::ward).containsExactly("北区", "西区");
            WardCounts west = all.get(1);
            assertThat(west.byStatus()).containsEntry("new", 2L);
            assertThat(west.noFirstContact()).isEqualTo(1);
            assertThat(west.endingToday()).isEqualTo(1);
            assertThat(west.hospitalised()).isEqualTo(1);
            assertThat(f.lists().counts("北区")).extracting(WardCounts::ward).containsExactly("北区");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTransferHandsTheCaseToTheOtherWardAndKeepsItsRecords(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            f.user("nurse-west", "西区", "STAFF");
            UUID id = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            FollowUp assigned = f.followUps().assign(id, "nurse-west", "lead", f.followUps().find(id).orElseThrow().version());
            f.followUps().add(id, EntryKind.NOTE, Map.of("text", List.of("北区へ転居予定")), "nurse-west");

            assertThatThrownBy(() -> f.followUps().transfer(id, "大阪市", "nurse-west", assigned.version()))
                    .hasMessage("移管先の区は一覧から選んでください");
            FollowUp moved = f.followUps().transfer(id, "北区", "nurse-west", assigned.version());

            assertThat(moved.ward()).isEqualTo("北区");
            assertThat(moved.healthCentre()).isEqualTo("北保健センター");
            assertThat(moved.assignee()).as("a nurse of the old ward is no longer in charge").isNull();
            assertThat(f.followUps().entries(id)).hasSize(1);
            assertThat(ids(f.lists().list(WorkList.BY_STATUS, "西区", null, null))).isEmpty();
            assertThat(ids(f.lists().list(WorkList.BY_STATUS, "北区", null, null))).containsExactly(id);
            assertThat(f.audit(id)).contains("FOLLOWUP_TRANSFER");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCorrectedNotificationLinkedToAFollowedUpCaseJoinsItsRecord(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID first = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            UUID again = f.awaiting("西村 花子", "神戸市西区糀台5-6-3");
            assertThat(f.reviews().possibleDuplicates(again)).extracting(c -> c.id()).contains(first);
            f.reviews().link(again, first, "clerk", f.reviews().find(again).orElseThrow().version());

            f.reviews().confirm(again, "clerk", f.reviews().find(again).orElseThrow().version());

            assertThat(f.followUps().find(again)).as("no second follow-up").isEmpty();
            assertThat(f.followUps().holding(again).orElseThrow().caseId()).isEqualTo(first);
            assertThat(f.audit(again)).contains("FOLLOWUP_LINK");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void webhookEventsAreQueuedWithTheChangeOnlyWhenAUrlIsConfigured(TestDatabase db) {
        try (db) {
            Fixture off = open(db);
            UUID id = off.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            off.followUps().changeStatus(id, "contacted", "nurse", off.followUps().find(id).orElseThrow().version());
            assertThat(off.webhookRows()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void webhookPayloadsCarryIdsStatusAndWardButNoPersonalData(TestDatabase db) {
        try (db) {
            Fixture f = open(db, List.of("http://127.0.0.1:9/hook"));
            UUID id = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            f.followUps().changeStatus(id, "contacted", "nurse", f.followUps().find(id).orElseThrow().version());

            List<String> payloads = db.jdbc().sql("select payload from follow_up_webhook order by id").query(String.class).list();
            assertThat(payloads).hasSize(2);
            assertThat(payloads.get(0)).contains("\"event\":\"ASSIGNED\"", "\"ward\":\"西区\"", id.toString());
            assertThat(payloads.get(1)).contains("\"status\":\"contacted\"", "\"previousStatus\":\"new\"");
            assertThat(String.join("", payloads)).doesNotContain("西村", "糀台", "assignee");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWebhookEventTheReceiverRefusedIsSentAgainLaterAndRemovedOnceSent(TestDatabase db) {
        try (db) {
            Fixture f = open(db, List.of("http://127.0.0.1:9/hook"));
            f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            FollowUpWebhookOutbox outbox = new FollowUpWebhookOutbox(db.jdbc());
            List<String> received = new java.util.ArrayList<>();

            var refused = outbox.drain(10, e -> {
                throw new java.io.IOException("HTTP 503");
            }, Duration.ZERO, Duration.ZERO);
            var sent = outbox.drain(10, e -> received.add(e.event()), Duration.ZERO, Duration.ZERO);

            assertThat(refused.failed()).isEqualTo(1);
            assertThat(sent.sent()).isEqualTo(1);
            assertThat(received).containsExactly("ASSIGNED");
            assertThat(outbox.pending()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRefusedWebhookEventWaitsItsBackOff(TestDatabase db) {
        try (db) {
            Fixture f = open(db, List.of("http://127.0.0.1:9/hook"));
            f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            FollowUpWebhookOutbox outbox = new FollowUpWebhookOutbox(db.jdbc());

            outbox.drain(10, e -> {
                throw new java.io.IOException("HTTP 503");
            }, Duration.ofHours(1), Duration.ofHours(2));

            assertThat(outbox.drain(10, e -> { }, Duration.ZERO, Duration.ZERO).sent()).as("not due yet").isZero();
            assertThat(outbox.pending()).isEqualTo(1);
            assertThat(FollowUpWebhookOutbox.delayAfter(3, Duration.ofSeconds(5), Duration.ofMinutes(30)))
                    .isEqualTo(Duration.ofSeconds(20));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCasesSearchDocumentCarriesItsFollowUpAndIsQueuedForTheIndexOnEachChange(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            f.user("nurse-west", "西区", "STAFF");
            UUID id = f.confirmed("西村 花子", "神戸市西区糀台5-6-3");
            long before = outboxRows(db, id);
            FollowUp fu = f.followUps().assign(id, "nurse-west", "lead", f.followUps().find(id).orElseThrow().version());
            f.followUps().changeStatus(id, "observing", "nurse-west", fu.version());
            f.followUps().add(id, EntryKind.INTERVIEW, Map.of("stay", List.of("hospital")), "nurse-west");

            assertThat(outboxRows(db, id) - before).isEqualTo(3);
            Map<String, Object> facts = new FollowUpFacts(f.followUps()).of(id);
            assertThat(facts).containsEntry("followup_status", "observing").containsEntry("followup_status_label", "観察中")
                    .containsEntry("followup_assignee", "nurse-west").containsEntry("followup_ward", "西区")
                    .containsEntry("followup_stay", "hospital").containsEntry("followup_stay_label", "入院");
            assertThat(new FollowUpFacts(f.followUps()).of(f.awaiting("未確定 四郎", "神戸市西区玉津町3-4"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void casesClosedAreCountedOnTheirDayInJapan(TestDatabase db) {
        try (db) {
            Fixture f = open(db);
            UUID a = f.confirmed("一 一", "神戸市西区糀台5-6-3");
            UUID b = f.confirmed("二 二", "神戸市北区鈴蘭台北町1-1");
            // 2026-12-06 23:30 UTC is 2026-12-07 08:30 in Japan.
            f.clock().now = Instant.parse("2026-12-06T23:30:00Z");
            f.followUps().changeStatus(a, "closed", "nurse", f.followUps().find(a).orElseThrow().version());
            f.clock().now = Instant.parse("2026-12-06T14:00:00Z");
            f.followUps().changeStatus(b, "closed", "nurse", f.followUps().find(b).orElseThrow().version());
            f.clock().now = NOW;

            Map<LocalDate, Long> all = f.lists().closedPerDay(null, 3);
            assertThat(all).containsExactly(Map.entry(LocalDate.of(2026, 12, 5), 0L),
                    Map.entry(LocalDate.of(2026, 12, 6), 1L), Map.entry(LocalDate.of(2026, 12, 7), 1L));
            assertThat(f.lists().closedPerDay("西区", 3)).containsEntry(LocalDate.of(2026, 12, 7), 1L)
                    .containsEntry(LocalDate.of(2026, 12, 6), 0L);
        }
    }

    private static long outboxRows(TestDatabase db, UUID caseId) {
        return db.jdbc().sql("select count(*) from index_outbox where case_id = ?").param(caseId).query(Long.class).single();
    }

    private static List<UUID> ids(List<FollowUp> list) {
        return list.stream().map(FollowUp::caseId).toList();
    }
}
