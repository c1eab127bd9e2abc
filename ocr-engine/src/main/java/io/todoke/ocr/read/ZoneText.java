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
 * @param reading        what the recogniser returned, with per-character alternatives (null when empty)
 * @param lines          the writing cut into its lines (one element for a single line; empty when empty)
 */
public record ZoneText(String raw, double confidence, double inkFraction, boolean empty,
                       io.todoke.ocr.align.Gray writing, io.todoke.ocr.template.OcrSettings settings, OcrText reading,
                       java.util.List<io.todoke.ocr.align.Gray> lines) {

    public ZoneText {
        lines = java.util.List.copyOf(lines);
    }
}
