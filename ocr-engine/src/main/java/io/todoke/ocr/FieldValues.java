package io.todoke.ocr;

import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.template.FieldType;

import java.util.List;

/**
 * A value typed by a person, normalised by the same rules as a value read from a fax, so the two look alike:
 * 和暦 dates to ISO, full-width digits to half-width, readings to katakana, phone numbers and addresses by their
 * structure.
 */
public final class FieldValues {

    /**
     * @param value    the stored value (String or Long), null for an empty field
     * @param problems why the text is not a value of the type (Japanese, for the person typing); empty when it is
     */
    public record Normalised(Object value, List<String> problems) {
        public Normalised {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private FieldValues() {
    }

    /**
     * Normalises typed text as a value of the field type named as in {@code layout.json} (null means text).
     * Check-box types and unknown types are not text and come back invalid.
     */
    public static Normalised normalise(String type, String text) {
        FieldType fieldType;
        try {
            fieldType = FieldType.of(type == null ? "text" : type);
        } catch (IllegalArgumentException e) {
            return new Normalised(null, List.of("不明な項目の種類です: " + type));
        }
        if (fieldType.isMark()) {
            return new Normalised(null, List.of("チェック項目は文字で入力できません"));
        }
        io.todoke.ocr.normalise.Normalised n = FieldNormaliser.normalise(fieldType, text);
        return new Normalised(n.valid() ? n.value() : null, n.valid() ? List.of() : List.of(n.problem()));
    }

    /** Whether a field type (named as in {@code layout.json}) is check boxes: choice or multi_choice. */
    public static boolean isMarkType(String type) {
        try {
            return type != null && FieldType.of(type).isMark();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
