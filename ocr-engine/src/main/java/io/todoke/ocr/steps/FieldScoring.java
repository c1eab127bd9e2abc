package io.todoke.ocr.steps;

import io.todoke.ocr.FieldStatus;

/** Turns the evidence about a field into a confidence and a status. Pure. */
final class FieldScoring {

    /** Alignment at or above this costs a field nothing; below, confidence falls with it. */
    static final double FULL_ALIGNMENT = 0.85;

    private FieldScoring() {
    }

    /** Confidence from what was read and how well the page aligned. */
    static double confidence(double readConfidence, double alignment) {
        double a = Math.min(1, alignment / FULL_ALIGNMENT);
        return clamp(readConfidence * a);
    }

    /**
     * @param empty   nothing was read
     * @param problem a format or rule check failed
     * @param doubt   something makes the reading doubtful (an ambiguous mark, digits read two ways)
     */
    static FieldStatus status(boolean empty, boolean problem, boolean doubt, double confidence, double okThreshold) {
        if (problem) {
            return FieldStatus.INVALID;
        }
        if (doubt) {
            return FieldStatus.LOW_CONFIDENCE;
        }
        if (empty) {
            return FieldStatus.EMPTY;
        }
        return confidence >= okThreshold ? FieldStatus.OK : FieldStatus.LOW_CONFIDENCE;
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
