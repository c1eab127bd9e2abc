package io.todoke.ocr.read;

/**
 * A text field's zone as read.
 *
 * @param raw            Tesseract's text ("" when the zone is empty)
 * @param confidence     lowest character confidence in [0, 1]
 * @param inkFraction    writing in the zone (ink not on the blank form) over its area
 * @param empty          true when there is too little writing to read
 * @param writing        the trimmed writing that was read (null when empty), for a second reading
 * @param settings       the settings it was read with
 * @param reading        what the recogniser returned (null when empty)
 * @param lines          the writing cut into its lines (one element for a single line; empty when empty)
 * @param alternatives   whether {@code reading} carries the recogniser's per-character alternatives: the first
 *                       reading is made without them, and {@link ZoneReader#withAlternatives} makes it again with
 *                       them where a format needs them
 */
public record ZoneText(String raw, double confidence, double inkFraction, boolean empty,
                       io.todoke.ocr.image.Gray writing, io.todoke.ocr.template.OcrSettings settings, OcrText reading,
                       java.util.List<io.todoke.ocr.image.Gray> lines, boolean alternatives) {

    public ZoneText {
        lines = java.util.List.copyOf(lines);
    }

    /** The same zone with {@code again}, the same reading made with per-character alternatives. */
    ZoneText withAlternatives(OcrText again) {
        return new ZoneText(raw, confidence, inkFraction, empty, writing, settings, again, lines, true);
    }
}
