package io.todoke.ocr.template;

/**
 * Decision thresholds of a template, calibrated on generated samples.
 *
 * @param ok             minimum field confidence for status ok
 * @param alignment      minimum alignment score for a page to be read as this form
 * @param emptyInk       a zone with less extra ink than this fraction of its area is empty
 * @param markOn         extra-ink fraction of a check box interior above which the box is marked
 * @param markOff        below this the box is clearly unmarked; between the two is ambiguous
 * @param circleOn       ring ink (per mm of zone perimeter) above which the option is circled
 * @param circleOff      below this the option is clearly not circled
 * @param blankInk       a page with less ink than this fraction is blank
 * @param okByType       minimum confidence for status ok per field type, where it differs from {@code ok}
 * @param secondReadingBelow a doubtful text field whose first reading is less sure than this is read a second time
 *                       to choose what a clerk sees; above it, the first reading is usually right and the second
 *                       reading would cost more time than it saves the clerk
 * @param secondReadingByType per field type, a higher bound below which a doubtful text is read again when the
 *                       dictionary of words finds its first reading suspect (a character of no word, or one standing
 *                       alone): short text gains most from more readings and costs least, a long address the reverse
 * @param agreedOkByType per field type, a value that falls short of {@code okByType} is still accepted where the first
 *                       reading, the enlarged one and the other model's all make it and each is at least this sure
 *                       (alignment included); types without an entry are accepted on their confidence alone
 */
public record Thresholds(double ok, double alignment, double emptyInk, double markOn, double markOff,
                         double circleOn, double circleOff, double blankInk, java.util.Map<FieldType, Double> okByType,
                         double secondReadingBelow, java.util.Map<FieldType, Double> secondReadingByType,
                         java.util.Map<FieldType, Double> agreedOkByType) {

    public Thresholds {
        okByType = java.util.Map.copyOf(okByType);
        secondReadingByType = java.util.Map.copyOf(secondReadingByType);
        agreedOkByType = java.util.Map.copyOf(agreedOkByType);
    }

    public static Thresholds defaults() {
        return new Thresholds(0.80, 0.55, 0.004, 0.08, 0.03, 0.30, 0.15, 0.002, java.util.Map.of(), 0.9,
                java.util.Map.of(), java.util.Map.of());
    }

    public double okFor(FieldType type) {
        return okByType.getOrDefault(type, ok);
    }

    public double secondReadingFor(FieldType type) {
        return secondReadingByType.getOrDefault(type, secondReadingBelow);
    }

    /** Whether values of the type can be accepted on their readings' agreement ({@link #agreedOkFor}). */
    public boolean acceptsAgreement(FieldType type) {
        return agreedOkByType.containsKey(type);
    }

    /** How sure each of the agreeing readings must be (meaningful where {@link #acceptsAgreement}). */
    public double agreedOkFor(FieldType type) {
        return agreedOkByType.getOrDefault(type, Double.POSITIVE_INFINITY);
    }
}
