package io.todoke.ocr;

import java.util.List;

/**
 * One field of one form as the engine read it.
 *
 * @param key        the field key of the form layout (e.g. {@code birth_date})
 * @param value      the normalised value: a String (text, date as yyyy-MM-dd, phone, kana, choice value),
 *                   a Long (integer), a sorted List of option values (multi_choice), or null when empty
 * @param raw        what was read before normalisation (OCR text, or the marked option labels)
 * @param confidence in [0, 1]; combines character confidence, alignment, format and cross-field checks
 * @param status     whether a clerk must look at it
 * @param page       the index (0-based) of the page in the fax the field was read from
 * @param box        where the field's zone is on that page's {@link PageImage}
 * @param messages   reasons a clerk can read (Japanese), empty when the field is {@code ok}
 */
public record FieldReading(
        String key,
        Object value,
        String raw,
        double confidence,
        FieldStatus status,
        int page,
        PixelBox box,
        List<String> messages) {

    public FieldReading {
        messages = List.copyOf(messages);
    }
}
