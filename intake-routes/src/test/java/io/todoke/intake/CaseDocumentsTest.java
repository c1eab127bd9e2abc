package io.todoke.intake;

import io.todoke.intake.index.CaseDocuments;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.search.CaseDocument;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.jurisdiction.Jurisdiction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CaseDocumentsTest {

    private final CaseDocuments documents = new CaseDocuments(
            new Jurisdiction("神戸市", List.of("須磨区", "西区"), List.of()));

    private static FieldReading field(String key, Object value) {
        return new FieldReading(key, value, String.valueOf(value), 1, FieldStatus.OK, 0, null, List.of());
    }

    private static NotificationCase confirmed(String ward, Map<String, FieldReading> fields) {
        return new NotificationCase(UUID.randomUUID(), UUID.randomUUID(), List.of(0), "covid19-notification",
                "2021-04", "covid19", CaseState.CONFIRMED, fields, List.of(), ward, 2, null, Instant.parse("2021-12-03T01:00:00Z"),
                Instant.parse("2021-12-03T02:30:00Z"), "clerk1", 3);
    }

    @Test
    void aCaseBecomesItsFieldValuesWithWardAndConfirmationTime() {
        Map<String, FieldReading> fields = new LinkedHashMap<>();
        fields.put("patient_name", field("patient_name", "山田 太郎"));
        fields.put("age", field("age", 71L));
        fields.put("symptoms", field("symptoms", List.of("cough", "fever")));
        fields.put("death_date", field("death_date", null));
        fields.put("patient_address", field("patient_address", "兵庫県神戸市須磨区中落合2-2-5"));
        NotificationCase c = confirmed(null, fields);

        CaseDocument doc = documents.of(c);

        assertThat(doc.caseId()).isEqualTo(c.id().toString());
        assertThat(doc.faxId()).isEqualTo(c.faxId().toString());
        assertThat(doc.ward()).isEqualTo("須磨区");
        assertThat(doc.disease()).isEqualTo("covid19");
        assertThat(doc.confirmedAt()).isEqualTo("2021-12-03T02:30:00Z");
        assertThat(doc.fields()).containsEntry("age", 71L).containsEntry("symptoms", List.of("cough", "fever"))
                .doesNotContainKey("death_date");
    }

    @Test
    void theWardStoredAtConfirmationWins() {
        NotificationCase c = confirmed("西区", Map.of("patient_address",
                field("patient_address", "兵庫県神戸市須磨区")));
        assertThat(documents.of(c).ward()).isEqualTo("西区");
    }
}
