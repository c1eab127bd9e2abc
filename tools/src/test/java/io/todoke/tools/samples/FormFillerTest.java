package io.todoke.tools.samples;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FormFillerTest {

    private final FormLayout layout = FormLayout.canonical();
    private final FormFiller filler = new FormFiller(layout);

    private List<FilledForm> forms(int n) {
        Random rnd = new Random(99);
        List<FilledForm> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(filler.fill(rnd, DateStyle.values()[i % 4], i % 3 == 0));
        }
        return out;
    }

    private static LocalDate date(FilledForm f, String key) {
        Object v = f.truth().get(key);
        return v == null ? null : LocalDate.parse((String) v);
    }

    @Test
    void truthDatesFollowTheOrderOfEventsAndTheAgeFollowsTheBirthDate() {
        for (FilledForm f : forms(500)) {
            List<LocalDate> chain = new ArrayList<>();
            for (String key : List.of("infection_date", "onset_date", "first_visit_date", "diagnosis_date", "report_date")) {
                if (date(f, key) != null) {
                    chain.add(date(f, key));
                }
            }
            assertThat(chain).isSorted();
            if (f.truth().get("age") != null) {
                assertThat(f.truth().get("age"))
                        .isEqualTo(Period.between(date(f, "birth_date"), date(f, "diagnosis_date")).getYears());
            }
        }
    }

    @Test
    void aDeathDateOnlyComesWithADeceasedCaseType() {
        Set<Object> typesWithDeath = new HashSet<>();
        int deaths = 0;
        for (FilledForm f : forms(500)) {
            if (f.truth().get("death_date") != null) {
                deaths++;
                typesWithDeath.add(f.truth().get("case_type"));
                assertThat(date(f, "death_date")).isBeforeOrEqualTo(date(f, "report_date"));
            } else {
                assertThat((String) f.truth().get("case_type")).doesNotEndWith("deceased");
            }
        }
        assertThat(deaths).isPositive();
        assertThat(typesWithDeath).isSubsetOf("deceased", "suspected_deceased");
    }

    @Test
    void truthIsNormalisedPerTheFormsReadme() {
        for (FilledForm f : forms(300)) {
            assertThat(f.truth().keySet()).containsExactlyElementsOf(layout.fields().stream().map(FormLayout.Field::key).toList());
            for (FormLayout.Field field : layout.fields()) {
                Object v = f.truth().get(field.key());
                if (field.required()) {
                    assertThat(v).as(field.key()).isNotNull();
                }
                if (v == null) {
                    assertThat(f.written()).doesNotContainKey(field.key());
                    continue;
                }
                switch (field.type()) {
                    case "date" -> assertThat((String) v).matches("\\d{4}-\\d{2}-\\d{2}");
                    case "integer" -> assertThat(v).isInstanceOf(Integer.class);
                    // A fixed line has 10 digits, a mobile (070/080/090) 11.
                    case "phone" -> assertThat((String) v).matches("0\\d{1,4}-\\d{1,4}-\\d{4}")
                            .hasSize(((String) v).matches("0[789]0-.*") ? 13 : 12);
                    case "kana" -> assertThat((String) v).matches("[\\u30A0-\\u30FF \\u3000]+");
                    case "choice" -> assertThat(field.options()).extracting(FormLayout.Option::value).contains((String) v);
                    case "multi_choice" -> {
                        List<String> values = ((List<?>) v).stream().map(String.class::cast).toList();
                        assertThat(values).isSorted().isSubsetOf(
                                field.options().stream().map(FormLayout.Option::value).toList());
                    }
                    default -> assertThat((String) v).doesNotContain("０", "１", "２", "３").isNotBlank();
                }
            }
        }
    }

    @Test
    void addressesCoverEveryKobeWardAndSomePlacesOutside() {
        List<FilledForm> forms = forms(600);
        for (String ward : SampleData.WARDS) {
            assertThat(forms).anySatisfy(f -> assertThat((String) f.truth().get("patient_address")).contains("神戸市" + ward));
        }
        assertThat(forms).anySatisfy(f -> assertThat((String) f.truth().get("patient_address")).doesNotContain("神戸市"));
    }
}
