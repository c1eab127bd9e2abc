package io.todoke.ocr;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far a field's value can be trusted without a clerk looking at it. */
public enum FieldStatus {
    /** Read with confidence above the template's threshold and every check passed. */
    OK,
    /** Read, but the engine is not sure enough to accept it unseen. */
    LOW_CONFIDENCE,
    /** Read, but the value breaks a format or cross-field rule (or a required field is missing). */
    INVALID,
    /** Nothing written in the field. */
    EMPTY;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean needsReview() {
        return this == LOW_CONFIDENCE || this == INVALID;
    }
}
