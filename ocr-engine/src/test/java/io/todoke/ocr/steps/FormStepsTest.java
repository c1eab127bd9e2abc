package io.todoke.ocr.steps;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.todoke.ocr.steps.StepFixtures.candidate;
import static io.todoke.ocr.steps.StepFixtures.context;
import static io.todoke.ocr.steps.StepFixtures.printed;
import static io.todoke.ocr.steps.StepFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** Each form step on the fields where it matters. */
class FormStepsTest {

    private final StepContext ctx = context();

    private static Map<String, Candidate> page(Candidate... fields) {
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (Candidate c : fields) {
            out.put(c.spec().key(), c);
        }
        return out;
    }

    /** A candidate whose readings at every other scale read as the first did. */
    private static Candidate steady(Candidate c) {
        var first = c.readings().first();
        for (double scale : new double[] {1.5, CheckReading.RESCUE_CHECK_SCALE, RescueByScale.SETTLING_SCALE}) {
            c.readings().given(ZoneReadings.atKey(scale), first);
        }
        return c;
    }

    @Test
    void aDoubtfulNameTakesTheKnownNameItsFuriganaSpellsWhereThePrintFitsIt() throws Exception {
        Candidate name = candidate("patient_name", reading("土田 花子", 0.6), printed("上田 花子"));
        Candidate kana = candidate("patient_name_kana", reading("ウエダ ハナコ", 0.99));

        new NameByFurigana().apply(page(name, kana), ctx);

        assertThat(name.value()).isEqualTo("上田 花子");
        assertThat(name.doubts()).containsExactly(Messages.NAME_BY_KANA);
    }

    @Test
    void aNameAgreedOnByItsReadingsIsNotAcceptedWhereItsFuriganaReadsOtherwise() {
        Candidate name = candidate("patient_name", reading("玉田 花子", 0.96));
        name.agreed = true;
        Candidate kana = candidate("patient_name_kana", reading("オオタ ハナコ", 0.99));

        new NameAgreementNeedsFurigana().apply(page(name, kana), ctx);

        assertThat(name.agreed()).isFalse();
        assertThat(name.doubts()).containsExactly(Messages.NAME_UNVOUCHED);
    }

    @Test
    void furiganaReadTwoWaysShowsTheReadingTheDictionaryGivesForTheName() {
        Candidate name = candidate("patient_name", reading("佐藤 花子", 0.99));
        Candidate kana = candidate("patient_name_kana", reading("サドウ ハナコ", 0.9));
        kana.alternatives = List.of("サドウ ハナコ", "サトウ ハナコ");

        new FuriganaByName().apply(page(name, kana), ctx);

        assertThat(kana.value()).isEqualTo("サトウ ハナコ");
    }

    @Test
    void furiganaAgreedOnByItsReadingsIsNotAcceptedWhereTheNameHasAReadingAVoicingMarkAway() {
        Candidate name = candidate("patient_name", reading("山崎 太郎", 0.99));
        Candidate kana = candidate("patient_name_kana", reading("ヤマサキ タロウ", 0.99));
        kana.agreed = true;

        new FuriganaAgreementNeedsName().apply(page(name, kana), ctx);

        assertThat(kana.agreed()).isFalse();
        assertThat(kana.doubts()).containsExactly(Messages.KANA_UNVOUCHED);
    }

    @Test
    void anAgeTheBirthDateContradictsTakesTheValueAnotherReadingMakesAndEveryFieldOfTheRuleIsDoubted() {
        Candidate birth = steady(candidate("birth_date", reading("1980年5月1日", 0.99)));
        Candidate diagnosis = steady(candidate("diagnosis_date", reading("2024年10月5日", 0.99)));
        Candidate age = candidate("age", reading("4", 0.99));
        age.readings().given(ZoneReadings.atKey(1.5), reading("44", 0.9))
                .given(ZoneReadings.atKey(CheckReading.RESCUE_CHECK_SCALE), reading("4", 0.9))
                .given(ZoneReadings.atKey(RescueByScale.SETTLING_SCALE), reading("4", 0.9));

        new ReconcileWithRules().apply(page(birth, diagnosis, age), ctx);

        assertThat(age.value()).isEqualTo(44L);
        assertThat(age.doubts()).contains(Messages.RECONCILED);
        assertThat(birth.doubts()).contains(Messages.RECONCILED);
    }

    @Test
    void anAgeShortOfAcceptanceIsAcceptedWhereTwoAcceptedDatesComputeIt() {
        Candidate birth = candidate("birth_date", reading("1980年5月1日", 0.99));
        Candidate diagnosis = candidate("diagnosis_date", reading("2024年10月5日", 0.99));
        Candidate age = candidate("age", reading("44", 0.9));
        assertThat(Decision.accepted(age, ctx)).isFalse();

        new AgesByDates().apply(page(birth, diagnosis, age), ctx);

        assertThat(Decision.accepted(age, ctx)).isTrue();
    }

    @Test
    void anAgeIsNotVouchedForByADateThatIsItselfInDoubt() {
        Candidate birth = candidate("birth_date", reading("1980年5月1日", 0.99));
        birth.doubts.add(Messages.SECOND_READ);
        Candidate diagnosis = candidate("diagnosis_date", reading("2024年10月5日", 0.99));
        Candidate age = candidate("age", reading("44", 0.9));

        new AgesByDates().apply(page(birth, diagnosis, age), ctx);

        assertThat(Decision.accepted(age, ctx)).isFalse();
    }
}
