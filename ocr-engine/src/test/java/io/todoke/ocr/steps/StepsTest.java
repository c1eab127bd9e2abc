package io.todoke.ocr.steps;

import io.todoke.ocr.template.FieldType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepsTest {

    @Test
    void aStepSwitchedOffByNameIsNotInItsTypesList() {
        Steps steps = new Steps(Set.of("check-reading"));

        assertThat(steps.forType(FieldType.DATE)).extracting(Step::name).doesNotContain("check-reading")
                .contains("agreement-of-readings");
        assertThat(Steps.all().forType(FieldType.DATE)).extracting(Step::name).contains("check-reading");
    }

    @Test
    void aFormStepSwitchedOffIsNotRunBeforeOrAfterTheRules() {
        Steps steps = new Steps(Set.of("reconcile-with-rules", "age-by-dates"));

        assertThat(steps.beforeRules()).extracting(Step::name).doesNotContain("reconcile-with-rules");
        assertThat(steps.afterRules()).isEmpty();
    }

    @Test
    void anUnknownStepNameIsRefusedRatherThanLeavingTheStepOn() {
        assertThatThrownBy(() -> new Steps(Set.of("check-readings"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check-readings");
    }

    @Test
    void everyStepButTheFormatCheckCanBeSwitchedOff() {
        Steps none = new Steps(Set.copyOf(Steps.names()));

        for (FieldType type : FieldType.values()) {
            assertThat(none.forType(type)).extracting(Step::name).allMatch(FormatCheck.NAME::equals);
        }
        assertThat(none.beforeRules()).isEmpty();
        assertThat(none.afterRules()).isEmpty();
        assertThat(Steps.names()).contains("words-by-glyph", "town-by-glyph", "name-by-furigana")
                .doesNotContain(FormatCheck.NAME);
    }
}
