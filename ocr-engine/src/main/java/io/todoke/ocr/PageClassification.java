package io.todoke.ocr;

/**
 * What one page of a fax was taken to be.
 *
 * @param page       0-based page index in the fax
 * @param kind       form, cover sheet, blank or unknown
 * @param templateId the form template it matched (null unless {@code kind == FORM})
 * @param score      how well it matched, in [0, 1]
 * @param rotation   degrees the page was turned to read it upright (0 or 180)
 */
public record PageClassification(int page, PageKind kind, String templateId, double score, int rotation) {
}
