package io.todoke.ocr.template;

import io.todoke.ocr.Disease;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form version the engine can read: its layout plus the engine's settings for it.
 *
 * @param id          form id, e.g. {@code covid19-notification}
 * @param version     e.g. {@code 2021-04}
 * @param title       printed title
 * @param widthMm     page width
 * @param heightMm    page height
 * @param statics     printed cells and check boxes
 * @param fields      fields in form order
 * @param thresholds  decision thresholds
 * @param ocrByType   OCR settings per field type
 * @param ocrByField  OCR settings of single fields: the field's own keys over its type's
 * @param rules       cross-field rules
 * @param coverAnchors words that mark a cover sheet (送付状)
 * @param reviewChars characters per field type that OCR confuses with high confidence (員/具, 郎/朗): a value
 *                    containing one always goes to a clerk
 * @param names       the dictionary that chooses between disagreeing readings of the name fields
 * @param lexicon     the dictionary of words that chooses among disagreeing readings of doubtful text
 * @param disease     the disease the form reports ({@code "disease"} in the layout; without it the form id
 *                    without {@code -notification}, named by the title)
 */
public record FormTemplate(String id, String version, String title, double widthMm, double heightMm,
                           List<StaticElement> statics, List<FieldSpec> fields, Thresholds thresholds,
                           Map<FieldType, OcrSettings> ocrByType, Map<String, OcrSettings> ocrByField,
                           List<Rule> rules, List<String> coverAnchors, Map<FieldType, String> reviewChars,
                           NameDictionary names, LexiconSource lexicon, Disease disease) {

    public FormTemplate {
        statics = List.copyOf(statics);
        fields = List.copyOf(fields);
        ocrByType = Map.copyOf(ocrByType);
        ocrByField = Map.copyOf(ocrByField);
        rules = List.copyOf(rules);
        coverAnchors = List.copyOf(coverAnchors);
        reviewChars = Map.copyOf(reviewChars);
        names = names == null ? NameDictionary.NONE : names;
        lexicon = lexicon == null ? LexiconSource.NONE : lexicon;
        disease = disease == null ? Disease.ofForm(id, title) : disease;
    }

    /** The same form with its settings on another layout: a revision's page size, printed cells and field boxes. */
    public FormTemplate onLayout(double pageWidthMm, double pageHeightMm, List<StaticElement> printed,
                                 List<FieldSpec> placed) {
        return new FormTemplate(id, version, title, pageWidthMm, pageHeightMm, printed, placed, thresholds, ocrByType,
                ocrByField, rules, coverAnchors, reviewChars, names, lexicon, disease);
    }

    public Optional<FieldSpec> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The OCR settings for a field: its own, else its type's. */
    public OcrSettings ocrFor(FieldSpec field) {
        OcrSettings own = ocrByField.get(field.key());
        if (own != null) {
            return own;
        }
        OcrSettings byType = ocrByType.getOrDefault(field.type(), new OcrSettings("jpn", 7, "", 1.5));
        return byType;
    }
}
