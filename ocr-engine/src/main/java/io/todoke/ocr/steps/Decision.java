package io.todoke.ocr.steps;

import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.PixelBox;
import io.todoke.ocr.template.Thresholds;

import java.util.ArrayList;
import java.util.List;

/**
 * The one decision at the end: a candidate's status from its evidence. A problem makes it invalid, a doubt sends it to a
 * clerk, and otherwise it is accepted where its confidence with the page's alignment reaches its type's threshold, or
 * where a step vouched for it.
 */
public final class Decision {

    private Decision() {
    }

    /** The field as the review page shows it. */
    public static FieldReading decide(Candidate d, StepContext ctx, int pageIndex, PixelBox box) {
        boolean blank = FieldFormat.isEmpty(d.value());
        if (blank && d.spec().required() && d.problems.isEmpty() && d.doubts.isEmpty()) {
            d.problems.add(Messages.REQUIRED);
        }
        double conf = ctx.aligned(d.confidence);
        if (!d.problems.isEmpty()) {
            conf = Math.min(conf, 0.3);
        }
        FieldStatus status = FieldScoring.status(blank, !d.problems.isEmpty(), !d.doubts.isEmpty(), conf,
                okAt(d, ctx.thresholds()));
        List<String> messages = new ArrayList<>(d.problems);
        if (status == FieldStatus.LOW_CONFIDENCE) {
            messages.addAll(d.doubts.isEmpty() ? List.of(Messages.LOW) : d.doubts);
        }
        return new FieldReading(d.spec().key(), d.value(), d.raw, conf, status, pageIndex, box, messages);
    }

    /** Whether the candidate would be accepted as it stands. */
    static boolean accepted(Candidate d, StepContext ctx) {
        return FieldScoring.status(FieldFormat.isEmpty(d.value()), !d.problems.isEmpty(), !d.doubts.isEmpty(),
                ctx.aligned(d.confidence), okAt(d, ctx.thresholds())) == FieldStatus.OK;
    }

    /**
     * The confidence a candidate needs to be {@code ok}: a type's threshold above 1 distrusts a single reading of that
     * type; typed text is exact; a value vouched for was held to its own threshold when it was.
     */
    private static double okAt(Candidate d, Thresholds th) {
        return d.agreed ? 0 : d.typed() ? Math.min(1, th.okFor(d.spec().type())) : th.okFor(d.spec().type());
    }
}
