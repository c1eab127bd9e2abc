package io.todoke.ocr.template;

import java.util.Locale;

/** The kinds of value a form field holds; each has its own OCR settings and normalisation. */
public enum FieldType {
    TEXT, ADDRESS, KANA, DATE, INTEGER, PHONE, CHOICE, MULTI_CHOICE;

    public static FieldType of(String json) {
        return valueOf(json.toUpperCase(Locale.ROOT));
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isMark() {
        return this == CHOICE || this == MULTI_CHOICE;
    }
}
