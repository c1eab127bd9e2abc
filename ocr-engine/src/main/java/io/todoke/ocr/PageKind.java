package io.todoke.ocr;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a page of a fax is. */
public enum PageKind {
    FORM, COVER, BLANK, UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
