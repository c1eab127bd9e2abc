package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.JapaneseText;
import io.todoke.ocr.read.OcrText;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Vouches: a value just short of acceptance, which the first reading, the other model's and the enlarged one all make,
 * each at least the type's {@code agreed_ok} sure with the page's alignment, is accepted as sure as the least sure of
 * them: two models at two scales rarely make one mistake alike. Except in names (佐々木 大和 read as 大利 by all three
 * at 0.987): a person's name must be a known name whose characters no known name's fit better ({@link NameByGlyph}),
 * and a patient's must read as its furigana does ({@link NameAgreementNeedsFurigana}). Never on one model's readings
 * alone; readings stop at the first that cannot agree, and those made on the way are not made again.
 */
final class AgreementOfReadings implements FieldStep {

    @Override
    public String name() {
        return "agreement-of-readings";
    }

    @Override
    public Kind kind() {
        return Kind.VOUCH;
    }

    /** Whether the value may be accepted on its readings' agreement, before any reading is made for it. */
    static boolean eligible(Candidate c, StepContext ctx) {
        Knowledge k = ctx.knowledge();
        var type = c.spec().type();
        boolean nameMayAgree = c.cut && c.shapes != null && c.value() instanceof String nv && k.personNames.known(nv);
        return ctx.thresholds().acceptsAgreement(type) && (!k.nameOfPerson(c.spec().key()) || nameMayAgree)
                && c.readings().verifiable() && c.problems.isEmpty() && c.doubts.isEmpty()
                && c.value.valid() && c.value() != null
                && !(!FieldFormat.constrained(type) && c.value() instanceof String v && JapaneseText.hasStrayMark(v))
                && !ctx.reachesOk(c.confidence, type);
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (c.agreementVetoed || !eligible(c, ctx)) {
            return;
        }
        OptionalDouble agreed = agreement(c, ctx, ctx.thresholds().agreedOkFor(c.spec().type()));
        if (agreed.isPresent()) {
            c.vouchedFor(agreed.getAsDouble());
        }
    }

    private static OptionalDouble agreement(Candidate c, StepContext ctx, double atLeast) {
        ZoneReadings z = c.readings();
        Supplier<OcrText> otherModel = () -> c.otherUsed != null ? c.otherUsed : z.otherModelCheck();
        Supplier<OcrText> larger = () -> c.enlargedUsed != null ? c.enlargedUsed : z.enlargedCheck();
        double least = 1;
        for (Supplier<OcrText> next : List.<Supplier<OcrText>>of(z::first, otherModel, larger)) {
            OcrText r = next.get();
            Interpretation read = r == null ? null : ctx.format().interpret(c.spec(), r);
            if (read == null || ctx.aligned(read.confidence()) < atLeast
                    || !FieldFormat.sameValue(c.value, read.normalised())) {
                return OptionalDouble.empty();
            }
            least = Math.min(least, read.confidence());
        }
        return OptionalDouble.of(least);
    }
}
