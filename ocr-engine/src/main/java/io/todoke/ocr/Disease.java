package io.todoke.ocr;

import java.util.Objects;

/**
 * The notifiable disease a form reports, from its layout's {@code "disease": {"code", "name"}}: what a case is filed,
 * searched, counted and exported under.
 *
 * @param code stable identifier, e.g. {@code covid19}, {@code tuberculosis}
 * @param name the disease's Japanese name, e.g. {@code 新型コロナウイルス感染症}
 */
public record Disease(String code, String name) {

    private static final String FORM_SUFFIX = "-notification";

    public Disease {
        Objects.requireNonNull(code, "code");
        name = name == null || name.isBlank() ? code : name;
    }

    /**
     * The disease of a form whose layout names none: the form id without its {@code -notification} suffix (the rule
     * the database migration applies to cases recorded before the disease was kept), named by {@code name}.
     */
    public static Disease ofForm(String formId, String name) {
        String code = formId.endsWith(FORM_SUFFIX) && formId.length() > FORM_SUFFIX.length()
                ? formId.substring(0, formId.length() - FORM_SUFFIX.length()) : formId;
        return new Disease(code, name);
    }
}
