package io.todoke.ocr.engine;

import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PixelBox;
import io.todoke.ocr.ReadingInterruptedException;
import io.todoke.ocr.align.AlignedPage;
import io.todoke.ocr.align.BlankForm;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.read.TesseractEngine;
import io.todoke.ocr.steps.Candidate;
import io.todoke.ocr.steps.Decision;
import io.todoke.ocr.steps.FieldFormat;
import io.todoke.ocr.steps.FormStep;
import io.todoke.ocr.steps.Knowledge;
import io.todoke.ocr.steps.MarkField;
import io.todoke.ocr.steps.StepContext;
import io.todoke.ocr.steps.Steps;
import io.todoke.ocr.steps.TextField;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.validate.FormValidator;
import io.todoke.ocr.validate.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every field of one aligned form page: each field's candidate from its marks or its zone's readings and the
 * steps of its type, then the form's steps over all of them (names and furigana, the rules' reconciliation), the
 * form's rules, and one decision per field ({@link Steps}, docs/OCR.md).
 */
public final class FormPageReader {

    private final FormTemplate template;
    private final BlankForm blank;
    private final Steps steps;
    private final FieldFormat format;
    private final Knowledge knowledge;
    /** Test hook: see {@link TodokeEngine#beforeEachZone}. */
    private volatile Runnable beforeEachZone = () -> { };

    public FormPageReader(FormTemplate template, BlankForm blank) {
        this(template, blank, Steps.all());
    }

    public FormPageReader(FormTemplate template, BlankForm blank, Steps steps) {
        this.template = template;
        this.blank = blank;
        this.steps = steps;
        this.format = new FieldFormat(template);
        this.knowledge = new Knowledge(template);
    }

    void beforeEachZone(Runnable hook) {
        this.beforeEachZone = hook;
    }

    /**
     * Reads the page's fields.
     *
     * @throws ReadingInterruptedException before a zone when the thread is interrupted
     */
    public FormReading read(AlignedPage page, int pageIndex, TesseractEngine engine) {
        StepContext ctx = new StepContext(template, template.thresholds(), page.score(), format, knowledge);
        Gray extra = blank.extraInk(page.ink());
        Map<String, Candidate> fields = new LinkedHashMap<>();
        for (FieldSpec f : template.fields()) {
            beforeEachZone.run();
            ReadingInterruptedException.throwIfInterrupted();
            fields.put(f.key(), f.type().isMark() ? MarkField.read(f, page, extra, ctx.thresholds())
                    : TextField.read(f, page, extra, engine, ctx, steps.forType(f.type())));
        }
        for (FormStep step : steps.beforeRules()) {
            step.apply(fields, ctx);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((k, c) -> values.put(k, c.value()));
        List<Violation> violations = FormValidator.validate(template.rules(), values);
        List<String> formMessages = new ArrayList<>();
        for (Violation v : violations) {
            formMessages.add(v.message());
            for (String key : v.fields()) {
                Candidate c = fields.get(key);
                if (c != null && c.value() != null) {
                    c.problems().add(v.message());
                }
            }
        }
        for (FormStep step : steps.afterRules()) {
            step.apply(fields, ctx);
        }
        Map<String, FieldReading> out = new LinkedHashMap<>();
        for (Candidate c : fields.values()) {
            out.put(c.spec().key(), Decision.decide(c, ctx, pageIndex, box(c.spec().box(), page.pxPerMm())));
        }
        return new FormReading(List.of(pageIndex), template.id(), template.version(), page.score(), out, formMessages);
    }

    private static PixelBox box(MmBox b, double pxPerMm) {
        return new PixelBox((int) Math.round(b.x() * pxPerMm), (int) Math.round(b.y() * pxPerMm),
                (int) Math.round(b.w() * pxPerMm), (int) Math.round(b.h() * pxPerMm));
    }
}
