package io.todoke.ocr.read;

import java.util.List;

/**
 * A text field's zone as read.
 *
 * @param raw            Tesseract's text ("" when the zone is empty)
 * @param confidence     lowest character confidence in [0, 1]
 * @param inkFraction    writing in the zone (ink not on the blank form) over its area
 * @param empty          true when there is too little writing to read
 * @param digitConflicts digit runs that a digits-only second reading read differently (e.g. "10" vs "19")
 */
public record ZoneText(String raw, double confidence, double inkFraction, boolean empty, List<String> digitConflicts) {

    public ZoneText {
        digitConflicts = List.copyOf(digitConflicts);
    }
}
