package io.todoke.ocr.align;

import io.todoke.ocr.image.Gray;

import io.todoke.ocr.decode.PlacedText;

import java.util.List;

/**
 * A page turned upright, straightened and mapped into a template's frame.
 *
 * @param gray      grey page in template pixels (template mm × pxPerMm)
 * @param ink       its ink mask (255 = ink)
 * @param pxPerMm   working resolution
 * @param score     alignment score in [0, 1]
 * @param rotation  0 or 180
 * @param skewDeg   the skew that was corrected
 * @param frame     how page positions map into the template (null when not known)
 * @param words     the page's PDF text layer in template millimetres, empty when it has none or it is not to be
 *                  trusted
 */
public record AlignedPage(Gray gray, Gray ink, double pxPerMm, double score, int rotation, double skewDeg,
                          PageFrame frame, List<PlacedText> words) {

    public AlignedPage {
        words = List.copyOf(words);
    }

    public AlignedPage(Gray gray, Gray ink, double pxPerMm, double score, int rotation, double skewDeg) {
        this(gray, ink, pxPerMm, score, rotation, skewDeg, null, List.of());
    }

    /** This page with a text layer (already in template millimetres). */
    public AlignedPage withWords(List<PlacedText> templateWords) {
        return new AlignedPage(gray, ink, pxPerMm, score, rotation, skewDeg, frame, templateWords);
    }
}
