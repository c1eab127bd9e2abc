package io.todoke.store.followup;

/**
 * The disease a case is followed up for. Until cases carry a disease code of their own it is told from the form
 * template: {@code covid19-notification} is {@code covid19}. The one place to change when the case has the column.
 */
public final class CaseDisease {

    public static final String DEFAULT = "default";
    private static final String SUFFIX = "-notification";

    private CaseDisease() {
    }

    public static String of(String templateId) {
        if (templateId == null || templateId.isBlank()) {
            return DEFAULT;
        }
        return templateId.endsWith(SUFFIX) ? templateId.substring(0, templateId.length() - SUFFIX.length()) : templateId;
    }
}
