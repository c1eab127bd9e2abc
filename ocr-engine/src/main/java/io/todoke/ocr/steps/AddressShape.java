package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.Addresses;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.template.FieldType;

/**
 * Doubts: an address that is neither an address (municipality, block number) nor a "same as above": a misread short
 * phrase (同上 read 同よ at 0.99), which no other check can tell from a right one.
 */
final class AddressShape implements FieldStep {

    @Override
    public String name() {
        return "address-shape";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (c.spec().type() == FieldType.ADDRESS && c.value() instanceof String v && !Addresses.plausible(v)) {
            c.doubt(Messages.NOT_AN_ADDRESS, ReadingFusion.DISAGREEMENT_CAP);
        }
    }
}
