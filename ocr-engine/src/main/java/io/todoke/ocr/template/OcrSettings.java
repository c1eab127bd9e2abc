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
 * @param scale         the writing is enlarged by this before the first reading (1 = working resolution)
 * @param confusions    for fields with a strict format (dates, phones, integers): characters the recogniser is
 *                      known to mistake for others (年 read as 和, 0 as 9), tried as unlikely alternatives when the
 *                      reading as it is does not fit the format; a value so repaired is never accepted unreviewed
 * @param otherLanguage another traineddata (e.g. {@code Japanese}, Debian's tesseract-ocr-script-jpan) whose
 *                      mistakes differ from the first model's: it reads doubtful text a third time, so two of three
 *                      readings agreeing outvote a misread character, and it can check a value (below); "" for none
 * @param checks        the readings a value that could be accepted must agree with, each made without per-character
 *                      alternatives: the first model at {@code verifyScale} ({@link Check#ENLARGED}) and the other
 *                      language at the first reading's scale ({@link Check#OTHER_LANGUAGE}, skipped where it is not
 *                      installed). A model misreads some characters the same way at every scale (jpn read a standard
 *                      fax's 5 as 8 at 1x and 1.5x, both at 0.98), which another model does not; neither witness
 *                      alone caught every misread phone number of the generated sets
 */
public record OcrSettings(String language, int psm, String whitelist, double verifyScale, double scale,
                          java.util.Map<String, java.util.List<String>> confusions, String otherLanguage,
                          java.util.List<Check> checks) {

    /** A reading that checks a value before it is accepted. */
    public enum Check {
        /** The same model, the writing enlarged by {@code verifyScale}. */
        ENLARGED,
        /** The other language, at the first reading's scale. */
        OTHER_LANGUAGE
    }

    public OcrSettings {
        confusions = java.util.Map.copyOf(confusions);
        otherLanguage = otherLanguage == null ? "" : otherLanguage;
        checks = checks == null || checks.isEmpty() ? java.util.List.of(Check.ENLARGED) : java.util.List.copyOf(checks);
    }

    public OcrSettings(String language, int psm, String whitelist, double verifyScale, double scale,
                       java.util.Map<String, java.util.List<String>> confusions, String otherLanguage) {
        this(language, psm, whitelist, verifyScale, scale, confusions, otherLanguage, java.util.List.of());
    }

    public OcrSettings(String language, int psm, String whitelist, double verifyScale, double scale) {
        this(language, psm, whitelist, verifyScale, scale, java.util.Map.of(), "");
    }

    public OcrSettings(String language, int psm, String whitelist, double verifyScale) {
        this(language, psm, whitelist, verifyScale, 1.0);
    }

    public OcrSettings withPsm(int newPsm) {
        return new OcrSettings(language, newPsm, whitelist, verifyScale, scale, confusions, otherLanguage, checks);
    }

    /** The same settings without confusions, so the recogniser is not asked for its alternatives either. */
    public OcrSettings withoutConfusions() {
        return new OcrSettings(language, psm, whitelist, verifyScale, scale, java.util.Map.of(), otherLanguage, checks);
    }

    /** The same settings reading with the other language (the caller checks there is one). */
    public OcrSettings inOtherLanguage() {
        return new OcrSettings(otherLanguage, psm, whitelist, verifyScale, scale, confusions, "", checks);
    }
}
