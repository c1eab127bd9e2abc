package io.todoke.ocr.template;

/**
 * How Tesseract reads a zone.
 *
 * @param language      traineddata name, e.g. {@code jpn}
 * @param psm           page segmentation mode (7 single line, 6 block)
 * @param whitelist     characters allowed, or empty for all
 * @param verifyScale   when above 0, the zone is read a second time enlarged by this factor and the field is in
 *                      doubt unless both readings normalise to the same value (the jpn model misreads some
 *                      characters with 97-99 confidence, e.g. a typed 0 as 9; two differently scaled readings
 *                      rarely make the same mistake)
 */
public record OcrSettings(String language, int psm, String whitelist, double verifyScale) {

    public OcrSettings withPsm(int newPsm) {
        return new OcrSettings(language, newPsm, whitelist, verifyScale);
    }
}
