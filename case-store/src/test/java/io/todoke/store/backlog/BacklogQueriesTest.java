package io.todoke.store.backlog;

import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.PageKind;
import io.todoke.store.TestDatabase;
import io.todoke.store.cases.CasePriority;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.jurisdiction.TestJurisdictions;
import io.todoke.store.outbox.IndexOutbox;
import io.todoke.store.review.JdbcReviewService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.todoke.store.Readings.fax;
import static io.todoke.store.Readings.field;
import static io.todoke.store.Readings.form;
import static io.todoke.store.Readings.ok;
import static org.assertj.core.api.Assertions.assertThat;

class BacklogQueriesTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    static List<TestDatabase> databases() {
        return TestDatabase.all().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countsWaitingByPriorityFaxesBeingReadAndClerkConfirmationsButNotTheSystems(TestDatabase db) {
        try (db) {
            db.open();
            IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
            FaxStore faxes = new FaxStore(db.jdbc(), db.transactions(), outbox, TestJurisdictions.KOBE);
            JdbcReviewService reviews = new JdbcReviewService(db.jdbc(), outbox, TestJurisdictions.KOBE);
            BacklogQueries backlog = new BacklogQueries(db.jdbc());
            assertThat(backlog.now(JAPAN).timeToClear()).as("nothing waits").isEqualTo(Duration.ZERO);

            awaiting(faxes, 80);
            awaiting(faxes, 30);
            UUID done = awaiting(faxes, 40);
            faxes.receive("fax", "unread.pdf", sha(), 1, "application/pdf");
            // Nobody confirmed yet: no pace, so no time to clear.
            assertThat(backlog.now(JAPAN).timeToClear()).isNull();
            reviews.confirm(done, "clerk-a", reviews.claim(done, "clerk-a").version());

            Backlog b = backlog.now(JAPAN);
            assertThat(b.waitingByPriority()).containsExactly(
                    java.util.Map.entry(CasePriority.DECEASED, 0L), java.util.Map.entry(CasePriority.ELDERLY, 1L),
                    java.util.Map.entry(CasePriority.OTHER, 1L));
            assertThat(b.beingRead()).isEqualTo(1);
            assertThat(b.oldestWaiting()).isNotNull().isBeforeOrEqualTo(b.at());
            assertThat(b.confirmedByClerk()).containsExactly(java.util.Map.entry("clerk-a", 1L));
            assertThat(b.confirmedByHour()).containsExactly(java.util.Map.entry(b.at().atZone(JAPAN).getHour(), 1L));
            assertThat(b.confirmedInPace()).isEqualTo(1);
            assertThat(b.timeToClear()).as("two waiting at one an hour").isEqualTo(Duration.ofHours(2));
        }
    }

    private static UUID awaiting(FaxStore faxes, long age) {
        UUID faxId = faxes.receive("fax", "f.pdf", sha(), 1, "application/pdf").fax().id();
        return faxes.markRead(faxId, fax("f.pdf", List.of(PageKind.FORM), form(0,
                field("patient_name", "山田 太郎", FieldStatus.LOW_CONFIDENCE, List.of("読み取りの信頼度が低い")),
                ok("age", age), ok("patient_address", "神戸市西区糀台5-6-3"))), false).get(0);
    }

    private static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
