package io.todoke.ocr.align;

/**
 * A page turned upright, straightened and mapped into a template's frame.
 *
 * @param gray      grey page in template pixels (template mm × pxPerMm)
 * @param ink       its ink mask (255 = ink)
 * @param pxPerMm   working resolution
 * @param score     alignment score in [0, 1]
 * @param rotation  0 or 180
 * @param skewDeg   the skew that was corrected
 */
public record AlignedPage(Gray gray, Gray ink, double pxPerMm, double score, int rotation, double skewDeg) {
}
