package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.normalise.Normalised;

/**
 * Mends: a person's name whose readings disagree, the one shown no known name: the likeliest mix of the readings that
 * is one.
 */
final class KnownNameAmongReadings implements FieldStep {

    @Override
    public String name() {
        return "known-name-among-readings";
    }

    @Override
    public Kind kind() {
        return Kind.MEND;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        Knowledge k = ctx.knowledge();
        if (!k.knownNames(c.spec().key()) || !(c.value() instanceof String v) || k.personNames.known(v)) {
            return;
        }
        for (String alt : c.readingAlternatives()) {
            Normalised an = FieldNormaliser.normalise(c.spec().type(), alt);
            if (an.value() instanceof String name && k.personNames.known(name)) {
                c.value = an;
                c.raw = alt;
                return;
            }
        }
    }
}
