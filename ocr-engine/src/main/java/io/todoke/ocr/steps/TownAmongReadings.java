package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.read.ReadingChoice;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.read.TownChoice;
import io.todoke.ocr.template.FieldType;

/**
 * Proposes: among fused readings of an address, the likeliest mix whose town is one of its ward's, as the postal code
 * data lists them: a mix with a town no ward has is wrong however well its readings agree on it ({@link ReadingChoice}).
 */
final class TownAmongReadings implements FieldStep {

    @Override
    public String name() {
        return "town-among-readings";
    }

    @Override
    public Kind kind() {
        return Kind.PROPOSE;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        var towns = ctx.knowledge().towns;
        if (!c.fused || c.spec().type() != FieldType.ADDRESS || towns.isEmpty() || TownChoice.knownTown(c.raw, towns)) {
            return;
        }
        String shown = c.ranked.stream().filter(r -> TownChoice.knownTown(r, towns)).findFirst().orElse(c.raw);
        if (shown.equals(c.raw)) {
            return;
        }
        c.raw = shown;
        c.value = FieldNormaliser.normalise(c.spec().type(), shown);
        c.confidence = shown.equals(c.readings().first().text()) ? c.fusedConfidence
                : Math.min(c.fusedConfidence, ReadingFusion.DISAGREEMENT_CAP);
    }
}
