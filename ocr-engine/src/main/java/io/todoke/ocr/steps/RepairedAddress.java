package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.Addresses;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.template.FieldType;

/**
 * Doubts: an address read surely whose structure (丁目・番・号) the normaliser had to repair: the recogniser was sure of
 * characters the structure proves wrong, so the rest of the line, read as surely, is no more to be trusted.
 */
final class RepairedAddress implements FieldStep {

    @Override
    public String name() {
        return "repaired-address";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (c.spec().type() == FieldType.ADDRESS && c.value.valid() && ctx.reachesOk(c.confidence, c.spec().type())
                && Addresses.repaired(c.raw)) {
            c.doubt(Messages.ADDRESS_REPAIRED, ReadingFusion.DISAGREEMENT_CAP);
        }
    }
}
