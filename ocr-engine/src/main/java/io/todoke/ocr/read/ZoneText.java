package io.todoke.ocr.read;

/**
 * A text field's zone as read.
 *
 * @param raw            Tesseract's text ("" when the zone is empty)
 * @param confidence     lowest character confidence in [0, 1]
 * @param inkFraction    writing in the zone (ink not on the blank form) over its area
 * @param empty          true when there is too little writing to read
 * @param verification   the second, differently scaled reading, or null when none was made
 */
public record ZoneText(String raw, double confidence, double inkFraction, boolean empty, String verification) {
}
