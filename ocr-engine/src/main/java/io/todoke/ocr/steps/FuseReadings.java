package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.read.ReadingChoice;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.template.FieldType;

import java.util.ArrayList;
import java.util.List;

/**
 * Proposes: a doubtful text goes to a clerk either way, but which reading is shown matters: readings by another model
 * and at another scale, chosen among by agreement and by the words they spell, get many more fields right. The other
 * model first: its mistakes differ most from the first reading's, so where the two agree they are right, and only a
 * disagreement needs the enlarged reading to settle it. Never surer than the readings were of what they agreed on.
 */
final class FuseReadings implements FieldStep {

    @Override
    public String name() {
        return "fuse-readings";
    }

    @Override
    public Kind kind() {
        return Kind.PROPOSE;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        FieldType type = c.spec().type();
        double first = ctx.aligned(c.confidence);
        if (FieldFormat.constrained(type) || !c.readings().verifiable()
                || first >= Math.min(ctx.thresholds().okFor(type), ctx.thresholds().secondReadingFor(type))
                || first >= ctx.thresholds().secondReadingBelow() && ctx.knowledge().lexicon.spelledInWords(c.raw)) {
            return;
        }
        ZoneReadings z = c.readings();
        OcrText other = z.otherModel();
        c.otherUsed = other;
        OcrText second = other != null ? other : z.enlarged();
        List<OcrText> readings = new ArrayList<>(List.of(z.first(), second));
        if (other != null && !FieldFormat.sameValue(c.value, ctx.format().interpret(c.spec(), other).normalised())) {
            readings.add(z.enlarged());
        }
        c.second = second;
        c.ranked = ReadingChoice.ranked(readings, ctx.knowledge().lexicon);
        String shown = c.ranked.get(0);
        c.fusedConfidence = ReadingFusion.fuse(z.first(), second).confidence();
        c.raw = shown;
        c.value = FieldNormaliser.normalise(type, shown);
        c.confidence = shown.equals(z.first().text()) ? c.fusedConfidence
                : Math.min(c.fusedConfidence, ReadingFusion.DISAGREEMENT_CAP);
        c.fused = true;
    }
}
