package io.todoke.ocr.steps;

import io.todoke.ocr.align.AlignedPage;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.read.TesseractEngine;
import io.todoke.ocr.read.TextLayerReader;
import io.todoke.ocr.read.ZoneReader;
import io.todoke.ocr.read.ZoneText;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.MmBox;

import java.util.List;

/**
 * A text field read: from the PDF's text layer where there is one (a form filled in on a PC: exact, so it replaces
 * OCR), else its zone's first reading, then the type's steps in their order.
 */
public final class TextField {

    /** A text layer's value: exact where it is there, short of certain only by the page's alignment. */
    static final double TYPED_CONFIDENCE = 1.0;
    /** Cell borders may sit up to about half a millimetre off after registration; writing starts well inside. */
    static final double ZONE_INSET_MM = 0.8;

    private TextField() {
    }

    public static Candidate read(FieldSpec f, AlignedPage page, Gray extra, TesseractEngine engine, StepContext ctx,
                                 List<FieldStep> steps) {
        Candidate typed = typed(f, page, extra, ctx);
        if (typed != null) {
            return typed;
        }
        ZoneText z = ZoneReader.read(engine, page.gray(), extra, f.box().inset(ZONE_INSET_MM), page.pxPerMm(),
                ctx.template().ocrFor(f), ctx.thresholds().emptyInk());
        if (z.empty()) {
            return new Candidate(f, Candidate.Source.EMPTY, null, Normalised.ok(null), "", 1.0);
        }
        if (z.raw().isBlank()) {
            // ink but nothing legible: a clerk must look, never an empty value
            Candidate c = new Candidate(f, Candidate.Source.OCR, null, Normalised.ok(null), "", 0);
            c.problems.add(Messages.ILLEGIBLE);
            return c;
        }
        ZoneReadings readings = new ZoneReadings(engine, z);
        Interpretation first = ctx.format().interpret(f, readings.first());
        Candidate c = new Candidate(f, Candidate.Source.OCR, readings, first.normalised(), first.raw(), first.confidence());
        for (FieldStep step : steps) {
            step.apply(c, ctx);
        }
        c.alternatives = c.readingAlternatives();
        return c;
    }

    private static Candidate typed(FieldSpec f, AlignedPage page, Gray extra, StepContext ctx) {
        if (page.words().isEmpty()) {
            return null;
        }
        MmBox zone = f.box().inset(ZONE_INSET_MM);
        String raw = TextLayerReader.textIn(page.words(), zone, TextLayerReader.labelBoxes(ctx.template()));
        if (raw == null) {
            return null;
        }
        Normalised n = FieldNormaliser.normalise(f.type(), raw);
        Candidate c = new Candidate(f, Candidate.Source.TEXT_LAYER, null, n, raw, TYPED_CONFIDENCE);
        if (!n.valid()) {
            c.problems.add(n.problem());
        }
        if (TextLayerReader.inkFraction(extra, zone, page.pxPerMm()) < ctx.thresholds().emptyInk() / 4) {
            // an invisible layer over an image that shows nothing there: the two disagree, a clerk decides
            c.doubt(Messages.LAYER_NO_INK, 0.5);
        }
        return c;
    }
}
