package io.todoke.ocr.steps;

import io.todoke.ocr.align.AlignedPage;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.marks.MarkDetector;
import io.todoke.ocr.marks.MarkReading;
import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FieldType;
import io.todoke.ocr.template.OptionSpec;
import io.todoke.ocr.template.Thresholds;

import java.util.ArrayList;
import java.util.List;

/** A choice field read from its boxes: which are ticked, circled or filled ({@link MarkDetector}). */
public final class MarkField {

    private MarkField() {
    }

    public static Candidate read(FieldSpec f, AlignedPage page, Gray extra, Thresholds th) {
        List<String> marked = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        boolean ambiguous = false;
        double clarity = 1;
        for (OptionSpec o : f.options()) {
            MarkReading m = MarkDetector.detect(o, page.ink(), extra, page.pxPerMm(), th);
            if (m.state() == MarkReading.State.MARKED) {
                marked.add(o.value());
                labels.add(o.label());
            } else if (m.state() == MarkReading.State.AMBIGUOUS) {
                ambiguous = true;
            }
            // 1 would claim more than a box's ink can say; an undecided box is little better than a guess
            clarity = Math.min(clarity, m.state() == MarkReading.State.AMBIGUOUS ? 0.3 : 0.97);
        }
        Object value;
        if (f.type() == FieldType.CHOICE) {
            value = marked.size() == 1 ? marked.get(0) : null;
        } else {
            value = marked.stream().sorted().toList();
        }
        Candidate c = new Candidate(f, Candidate.Source.MARKS, null, Normalised.ok(value), String.join(",", labels), clarity);
        if (f.type() == FieldType.CHOICE && marked.size() > 1) {
            c.problems.add(Messages.MANY);
        }
        if (ambiguous) {
            c.doubt(Messages.AMBIGUOUS_MARK, 0.4);
        }
        return c;
    }
}
