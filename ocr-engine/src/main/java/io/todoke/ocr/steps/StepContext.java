package io.todoke.ocr.steps;

import io.todoke.ocr.template.FieldType;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.Thresholds;

/**
 * What every step of one page may consult: the form's template and thresholds, how well the page aligned, the
 * fields' formats and what the template lets the steps know.
 */
public record StepContext(FormTemplate template, Thresholds thresholds, double alignment, FieldFormat format,
                          Knowledge knowledge) {

    /** A confidence as the page's alignment leaves it. */
    double aligned(double confidence) {
        return FieldScoring.confidence(confidence, alignment);
    }

    /** Whether a confidence, with the page's alignment, reaches the type's acceptance. */
    boolean reachesOk(double confidence, FieldType type) {
        return aligned(confidence) >= thresholds.okFor(type);
    }
}
