package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.read.GlyphMatcher;
import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.template.FieldSpec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A field's value as the steps have it so far: the value (normalised) and the text it was read as, where it came from,
 * and the evidence for and against it (confidence, problems, doubts, agreement of readings). Steps propose, mend or
 * doubt it; {@link Decision} turns it into a status at the end.
 */
public final class Candidate {

    /** Where the value came from. */
    public enum Source { EMPTY, TEXT_LAYER, MARKS, OCR }

    private final FieldSpec spec;
    private final Source source;
    /** The zone's readings; null for marks, typed text and empty zones. */
    private final ZoneReadings readings;
    Normalised value;
    String raw;
    double confidence;
    final Set<String> problems = new LinkedHashSet<>();
    final Set<String> doubts = new LinkedHashSet<>();
    /** Accepted on the word of its readings' agreement or of other accepted fields (then the type's threshold is not asked). */
    boolean agreed;
    /** Other texts its readings allow (raw), likeliest first. */
    List<String> alternatives = List.of();

    // evidence gathered by the steps on the way, for the steps after them
    /** The value was made by a reading at another scale, overruling the first reading's. */
    boolean rescued;
    /** The value was chosen among fused readings (other model, enlarged). */
    boolean fused;
    /** The confidence the fused readings had in what they agreed on, before a choice among them was capped. */
    double fusedConfidence;
    /** Readings ranked by agreement and words (where fused). */
    List<String> ranked;
    /** A second reading that disagreed, for the alternatives. */
    OcrText second;
    /** The other model's and the enlarged reading made for the value so far (null where not), which agreement reuses. */
    OcrText otherUsed;
    OcrText enlargedUsed;
    /** What a check reading made of the value where it disagreed (null where it agreed or none was made). */
    Normalised checkDisagreed;
    /** The printed characters of the text, cut once from the line (null where not cut or not cuttable). */
    List<GlyphMatcher.Shape> shapes;
    boolean cut;
    /** The digits' shapes do not tell the value's confusable digits apart: agreement of readings is not enough. */
    boolean agreementVetoed;

    Candidate(FieldSpec spec, Source source, ZoneReadings readings, Normalised value, String raw, double confidence) {
        this.spec = spec;
        this.source = source;
        this.readings = readings;
        this.value = value;
        this.raw = raw;
        this.confidence = confidence;
    }

    public FieldSpec spec() {
        return spec;
    }

    public Source source() {
        return source;
    }

    public ZoneReadings readings() {
        return readings;
    }

    public Object value() {
        return value.value();
    }

    public Normalised normalised() {
        return value;
    }

    public String raw() {
        return raw;
    }

    public double confidence() {
        return confidence;
    }

    public Set<String> problems() {
        return problems;
    }

    public Set<String> doubts() {
        return doubts;
    }

    public boolean agreed() {
        return agreed;
    }

    public boolean typed() {
        return source == Source.TEXT_LAYER;
    }

    public List<String> alternatives() {
        return alternatives;
    }

    /**
     * Other texts the readings made on the way allow: the fused readings' ranking, else the mixes of the first reading
     * and a second one that disagreed (none for formatted values, which the form's rules choose among instead).
     */
    List<String> readingAlternatives() {
        if (ranked != null) {
            return ranked;
        }
        return second == null || FieldFormat.constrained(spec.type()) ? List.of()
                : ReadingFusion.candidates(readings.first(), second);
    }

    /** Another value, with the text it was read as. */
    void take(Interpretation i) {
        value = i.normalised();
        raw = i.raw();
    }

    /** Another value, one its readings did not all make: no longer accepted on their agreement. */
    void replaceValue(Object newValue, String newRaw) {
        value = Normalised.ok(newValue);
        raw = newRaw;
        agreed = false;
    }

    /** Held back for a clerk: at most {@code cap} sure, with the reason. */
    void doubt(String message, double cap) {
        confidence = Math.min(confidence, cap);
        doubts.add(message);
    }

    /** Accepted on the word of other readings or fields, as sure as they are. */
    void vouchedFor(double byConfidence) {
        confidence = byConfidence;
        agreed = true;
    }
}
