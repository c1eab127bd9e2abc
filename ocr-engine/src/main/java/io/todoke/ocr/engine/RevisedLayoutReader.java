package io.todoke.ocr.engine;

import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PixelBox;
import io.todoke.ocr.align.AlignedPage;
import io.todoke.ocr.align.BlankForm;
import io.todoke.ocr.align.Cleaning;
import io.todoke.ocr.align.PageAligner;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.proposal.AnalysedPage;
import io.todoke.ocr.proposal.RevisionMatcher;
import io.todoke.ocr.read.TesseractEngine;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a page that carries a known form's title on a grid none of its versions has: each field from the cell its
 * printed label names ({@link RevisionMatcher}), never accepted unseen (at most {@code low_confidence}), and the form
 * says its layout may have been revised.
 */
final class RevisedLayoutReader {

    static final String NOT_PLACED = "様式の改訂でこの欄の位置が分からないため、読み取っていません";
    static final String UNSURE = "改訂された様式の可能性があるため、確認してください";

    private RevisedLayoutReader() {
    }

    /** A revised page's reading, the page image it was read on and how far that image was turned (0 or 180). */
    record Read(FormReading reading, Gray image, int rotation) {
    }

    static Optional<Read> read(PageAligner.Cleaned cleaned, int pageIndex, List<FormTemplate> templates,
                               double pxPerMm, TesseractEngine ocr) {
        // a fax fed upside down is read turned, as the aligner turns a page it registers better so
        for (int rotation : new int[] {0, 180}) {
            PageAligner.Cleaned page = rotation == 0 ? cleaned : new PageAligner.Cleaned(Cleaning.rotate180(cleaned.gray()),
                    Cleaning.rotate180(cleaned.ink()), cleaned.skewDeg(), cleaned.inkFraction());
            Optional<FormReading> r = readUpright(page, pageIndex, templates, pxPerMm, ocr);
            if (r.isPresent()) {
                return Optional.of(new Read(r.get(), page.gray(), rotation));
            }
        }
        return Optional.empty();
    }

    private static Optional<FormReading> readUpright(PageAligner.Cleaned cleaned, int pageIndex,
                                                     List<FormTemplate> templates, double pxPerMm, TesseractEngine ocr) {
        double pageHeight = cleaned.gray().height() / pxPerMm;
        // the title first: most pages no template registers to are cover sheets and other forms
        AnalysedPage top = AnalysedPage.of(cleaned.gray(), cleaned.ink(), pxPerMm, List.of(), ocr,
                line -> RevisionMatcher.titleBand(line, pageHeight));
        List<FormTemplate> titled = templates.stream().filter(t -> RevisionMatcher.sameTitle(top, t)).toList();
        if (titled.isEmpty()) {
            return Optional.empty();
        }
        AnalysedPage page = AnalysedPage.of(cleaned.gray(), cleaned.ink(), pxPerMm, List.of(), ocr);
        for (FormTemplate known : titled) {
            Optional<RevisionMatcher.Revision> r = RevisionMatcher.revise(page, known);
            if (r.isPresent()) {
                return Optional.of(read(cleaned, pageIndex, known, page, r.get(), pxPerMm, ocr));
            }
        }
        return Optional.empty();
    }

    private static FormReading read(PageAligner.Cleaned cleaned, int pageIndex, FormTemplate known, AnalysedPage page,
                                    RevisionMatcher.Revision revision, double pxPerMm, TesseractEngine ocr) {
        FormTemplate t = revision.template();
        AlignedPage aligned = PageAligner.align(cleaned, t, pxPerMm);
        BlankForm printed = new BlankForm(PrintedInk.of(aligned.ink(), page, t, pxPerMm), pxPerMm);
        FormReading read = new FormPageReader(t, printed).read(aligned, pageIndex, ocr);
        Map<String, FieldReading> fields = new LinkedHashMap<>();
        for (FieldSpec f : known.fields()) {
            FieldReading r = read.fields().get(f.key());
            if (r == null) {
                fields.put(f.key(), new FieldReading(f.key(), null, "", 0, FieldStatus.LOW_CONFIDENCE, pageIndex,
                        new PixelBox(0, 0, 0, 0), List.of(NOT_PLACED)));
            } else if (r.status() == FieldStatus.OK) {
                List<String> messages = new ArrayList<>(r.messages());
                messages.add(UNSURE);
                fields.put(f.key(), new FieldReading(r.key(), r.value(), r.raw(), Math.min(r.confidence(), 0.5),
                        FieldStatus.LOW_CONFIDENCE, r.page(), r.box(), messages));
            } else {
                fields.put(f.key(), r);
            }
        }
        List<String> messages = new ArrayList<>();
        messages.add(FormReading.LAYOUT_REVISED);
        messages.addAll(read.messages());
        return new FormReading(read.pages(), known.id(), known.version(), read.alignment(), fields, messages)
                .withDisease(known.disease());
    }
}
