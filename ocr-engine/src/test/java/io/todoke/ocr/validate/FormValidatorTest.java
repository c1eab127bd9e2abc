package io.todoke.ocr.validate;

import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.template.FormTemplate;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormValidatorTest {

    private final FormTemplate template = FaxFixtures.template();

    private Map<String, Object> genuine() {
        Map<String, Object> v = new HashMap<>();
        v.put("case_type", "confirmed");
        v.put("birth_date", "1970-03-12");
        v.put("age", 50L);
        v.put("infection_date", "2021-01-02");
        v.put("onset_date", "2021-01-05");
        v.put("first_visit_date", "2021-01-07");
        v.put("diagnosis_date", "2021-01-08");
        v.put("report_date", "2021-01-10");
        return v;
    }

    @Test
    void genuineFormBreaksNoRule() {
        assertThat(FormValidator.validate(template.rules(), genuine())).isEmpty();
    }

    @Test
    void onsetAfterDiagnosisBreaksDateOrder() {
        Map<String, Object> v = genuine();
        v.put("onset_date", "2021-01-09");
        List<Violation> out = FormValidator.validate(template.rules(), v);
        assertThat(out).extracting(Violation::message).anyMatch(m -> m.contains("日付の前後関係"));
        assertThat(out.get(0).fields()).contains("onset_date");
    }

    @Test
    void aDateMisreadIntoTheFutureIsFlaggedEvenWhenNothingFollowsItToCompare() {
        Map<String, Object> v = genuine();
        v.remove("report_date");
        v.put("diagnosis_date", "2029-01-08");
        List<Violation> out = FormValidator.validate(template.rules(), v, java.time.LocalDate.of(2021, 2, 1));
        assertThat(out).extracting(Violation::fields).contains(List.of("diagnosis_date"));
        assertThat(out).extracting(Violation::message).anyMatch(m -> m.contains("ありえない範囲"));
    }

    @Test
    void aBirthDateBefore1890IsFlaggedAndTheSameDateTodayIsNot() {
        Map<String, Object> v = genuine();
        v.put("birth_date", "1870-03-12");
        assertThat(FormValidator.validate(template.rules(), v, java.time.LocalDate.of(2021, 2, 1)))
                .extracting(Violation::fields).contains(List.of("birth_date"));
        assertThat(FormValidator.validate(template.rules(), genuine(), java.time.LocalDate.of(2021, 1, 10))).isEmpty();
    }

    @Test
    void ageNotMatchingBirthDateAtDiagnosisIsReported() {
        Map<String, Object> v = genuine();
        v.put("age", 51L);
        assertThat(FormValidator.validate(template.rules(), v)).extracting(Violation::message)
                .containsExactly("診断時の年齢が生年月日と一致しません");
    }

    @Test
    void ageCountsOnlyFullYears() {
        Map<String, Object> v = genuine();
        v.put("birth_date", "1970-01-08");
        assertThat(FormValidator.validate(template.rules(), v)).extracting(Violation::message)
                .contains("診断時の年齢が生年月日と一致しません");
        v.put("age", 51L);
        assertThat(FormValidator.validate(template.rules(), v)).isEmpty();
    }

    @Test
    void deathDateNeedsADeceasedCaseType() {
        Map<String, Object> v = genuine();
        v.put("death_date", "2021-01-09");
        assertThat(FormValidator.validate(template.rules(), v)).extracting(Violation::message)
                .anyMatch(m -> m.startsWith("死亡年月日は"));
        v.put("case_type", "deceased");
        assertThat(FormValidator.validate(template.rules(), v)).isEmpty();
    }

    @Test
    void missingDatesAreSkippedNotViolations() {
        Map<String, Object> v = genuine();
        v.remove("onset_date");
        v.remove("infection_date");
        assertThat(FormValidator.validate(template.rules(), v)).isEmpty();
    }
}
