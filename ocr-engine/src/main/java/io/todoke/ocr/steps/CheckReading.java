package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.template.OcrSettings;

/**
 * Doubts: a value that could be accepted (or a formatted one read just short of it, most often a repeated digit the
 * recogniser merged, 11 read as 1) is read again by the settings' checks, in their order: the other model at the first
 * reading's scale and the same model enlarged. Where one makes another value, a clerk looks. A value is never accepted
 * on one reading: where the other model is not installed the enlarged reading stands in for it. A value rescued by the
 * enlarged reading is confirmed by the same model at yet another scale.
 */
final class CheckReading implements FieldStep {

    /** Scale (relative to the first reading) of the reading that confirms a value rescued by the enlarged one. */
    static final double RESCUE_CHECK_SCALE = 2.0;
    /** How far below its type's acceptance a formatted value's confidence may be and still get settling readings. */
    static final double SETTLING_BAND = 0.125;

    @Override
    public String name() {
        return "check-reading";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        var type = c.spec().type();
        boolean couldBeOk = c.value.valid() && ctx.reachesOk(c.confidence, type);
        boolean nearlyOk = !couldBeOk && FieldFormat.constrained(type) && c.value.valid() && c.value() != null
                && c.problems.isEmpty() && ctx.aligned(c.confidence) >= ctx.thresholds().okFor(type) - SETTLING_BAND;
        if (!(couldBeOk || nearlyOk) || !c.readings().verifiable() || c.fused) {
            return;
        }
        ZoneReadings z = c.readings();
        OcrText check;
        Normalised checked;
        if (c.rescued) {
            check = z.checkAt(RESCUE_CHECK_SCALE);
            checked = ctx.format().interpret(c.spec(), check).normalised();
        } else {
            check = null;
            checked = null;
            for (OcrSettings.Check kind : z.zone().settings().checks()) {
                OcrText r = kind == OcrSettings.Check.OTHER_LANGUAGE ? z.otherModelCheck() : z.enlargedCheck();
                if (r == null) {
                    continue;
                }
                if (kind == OcrSettings.Check.OTHER_LANGUAGE) {
                    c.otherUsed = r;
                } else {
                    c.enlargedUsed = r;
                }
                check = r;
                checked = ctx.format().interpret(c.spec(), r).normalised();
                if (!FieldFormat.sameValue(c.value, checked)) {
                    break;
                }
            }
            if (check == null) {
                check = z.enlargedCheck();
                c.enlargedUsed = check;
                checked = ctx.format().interpret(c.spec(), check).normalised();
            }
        }
        if (!FieldFormat.sameValue(c.value, checked)) {
            c.doubt(Messages.SECOND_READ, 0.5);
            c.second = c.rescued ? null : check;
            c.checkDisagreed = checked;
        }
    }
}
