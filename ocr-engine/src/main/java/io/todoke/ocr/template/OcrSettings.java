package io.todoke.ocr.template;

/**
 * How Tesseract reads a zone.
 *
 * @param language      traineddata name, e.g. {@code jpn}
 * @param psm           page segmentation mode (7 single line, 6 block)
 * @param whitelist     characters allowed, or empty for all
 * @param digitCheck    re-read digit runs with a digits-only model and lower confidence on disagreement
 */
public record OcrSettings(String language, int psm, String whitelist, boolean digitCheck) {

    public OcrSettings withPsm(int newPsm) {
        return new OcrSettings(language, newPsm, whitelist, digitCheck);
    }
}
