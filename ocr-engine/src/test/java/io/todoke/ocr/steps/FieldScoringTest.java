package io.todoke.ocr.steps;

import io.todoke.ocr.FieldStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldScoringTest {

    @Test
    void brokenRuleBeatsEverything() {
        assertThat(FieldScoring.status(false, true, false, 0.99, 0.8)).isEqualTo(FieldStatus.INVALID);
        assertThat(FieldScoring.status(true, true, false, 1, 0.8)).isEqualTo(FieldStatus.INVALID);
    }

    @Test
    void doubtSendsEvenAnEmptyLookingFieldToReview() {
        assertThat(FieldScoring.status(true, false, true, 1, 0.8)).isEqualTo(FieldStatus.LOW_CONFIDENCE);
    }

    @Test
    void confidenceDecidesBetweenOkAndLow() {
        assertThat(FieldScoring.status(false, false, false, 0.81, 0.8)).isEqualTo(FieldStatus.OK);
        assertThat(FieldScoring.status(false, false, false, 0.79, 0.8)).isEqualTo(FieldStatus.LOW_CONFIDENCE);
        assertThat(FieldScoring.status(true, false, false, 0, 0.8)).isEqualTo(FieldStatus.EMPTY);
    }

    @Test
    void poorAlignmentLowersConfidence() {
        assertThat(FieldScoring.confidence(0.99, 0.99)).isEqualTo(0.99);
        assertThat(FieldScoring.confidence(0.99, 0.6)).isLessThan(0.75);
        assertThat(FieldScoring.confidence(2, 1)).isEqualTo(1);
    }
}
