package io.todoke.store.fax;

import static io.todoke.store.Readings.fax;
import static io.todoke.store.Readings.form;
import static io.todoke.store.Readings.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.todoke.ocr.PageKind;
import io.todoke.store.TestDatabase;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.CaseStore;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.jurisdiction.Jurisdiction;
import io.todoke.store.jurisdiction.TestJurisdictions;
import io.todoke.store.outbox.IndexOutbox;

/** A read form whose address's postal code belongs to another ward goes to a clerk, not to either ward. */
class PostalCodeReviewTest {

    private static final Jurisdiction KOBE_WITH_POSTAL_CODES = new Jurisdiction(TestJurisdictions.KOBE.name(),
            TestJurisdictions.KOBE.wards(), List.of(), Path.of("..", "config", "postal-codes.tsv"));

    static List<TestDatabase> databases() {
        return TestDatabase.all().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPostalCodeOfAnotherWardSendsTheCaseToAClerkWithTheReason(TestDatabase db) {
        try (db) {
            db.open();
            IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
            FaxStore faxes = new FaxStore(db.jdbc(), db.transactions(), outbox, KOBE_WITH_POSTAL_CODES);
            UUID faxId = faxes.receive("fax", "a.pdf", "a".repeat(64), 10, "application/pdf").fax().id();
            faxes.markRead(faxId, fax("a.pdf", List.of(PageKind.FORM, PageKind.FORM, PageKind.FORM),
                    form(0, ok("patient_name", "X"), ok("patient_address", "〒650-0011兵庫県神戸市中央区下山手通5-1-1")),
                    form(1, ok("patient_name", "Y"), ok("patient_address", "〒６５８－００８１神戸市中央区下山手通５－１")),
                    form(2, ok("patient_name", "Z"), ok("patient_address", "650-0011 兵庫県神戸市東灘区田中町1-1"))),
                    true);

            List<NotificationCase> cases = new CaseStore(db.jdbc()).byFax(faxId).stream()
                    .sorted(Comparator.comparing(c -> c.pages().get(0))).toList();
            assertThat(cases.get(0).state()).isEqualTo(CaseState.AUTO_CONFIRMED);
            assertThat(cases.get(0).ward()).isEqualTo("中央区");
            assertThat(cases.get(1).state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(cases.get(1).ward()).isNull();
            assertThat(cases.get(1).reviewReasons())
                    .containsExactly("郵便番号（〒658-0081）は東灘区の番号で、住所の中央区と一致しません");
            assertThat(cases.get(2).state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(cases.get(2).reviewReasons())
                    .containsExactly("郵便番号（〒650-0011）は中央区の番号で、住所の東灘区と一致しません");
            assertThat(outbox.pending()).isEqualTo(1);
        }
    }
}
