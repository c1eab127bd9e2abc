package io.todoke.ocr;

import java.util.List;
import java.util.Map;

/**
 * One notification form found in a fax.
 *
 * @param pages           0-based page indexes the form was read from
 * @param templateId      the template's form id (e.g. {@code covid19-notification})
 * @param templateVersion the template's version (e.g. {@code 2021-04})
 * @param alignment       how well the page registered to the template, in [0, 1]
 * @param fields          every field of the template by key, in template order
 * @param messages        form-level findings (cross-field rules) a clerk can read (Japanese)
 * @param disease         the disease the form reports (its template's)
 */
public record FormReading(
        List<Integer> pages,
        String templateId,
        String templateVersion,
        double alignment,
        Map<String, FieldReading> fields,
        List<String> messages,
        Disease disease) {

    /**
     * The form-level message of a form read from a layout none of its versions has (a known title and labels, another
     * grid): its fields were placed by their printed labels, and the layout may have been revised.
     */
    public static final String LAYOUT_REVISED = "様式が改訂されている可能性があります";

    public FormReading {
        pages = List.copyOf(pages);
        messages = List.copyOf(messages);
        disease = disease == null && templateId != null ? Disease.ofForm(templateId, null) : disease;
    }

    /** A reading whose disease follows from the form id alone (see {@link Disease#ofForm}). */
    public FormReading(List<Integer> pages, String templateId, String templateVersion, double alignment,
                       Map<String, FieldReading> fields, List<String> messages) {
        this(pages, templateId, templateVersion, alignment, fields, messages, null);
    }

    /** The same reading of a form of {@code disease}. */
    public FormReading withDisease(Disease disease) {
        return new FormReading(pages, templateId, templateVersion, alignment, fields, messages, disease);
    }

    /** Whether the form was read from a layout its template does not have ({@link #LAYOUT_REVISED}). */
    public boolean layoutRevised() {
        return messages.contains(LAYOUT_REVISED);
    }

    /** True when no field needs a clerk: every field is ok or empty and no form-level rule failed. */
    public boolean readyToConfirm() {
        return messages.isEmpty() && fields.values().stream().noneMatch(f -> f.status().needsReview());
    }
}
