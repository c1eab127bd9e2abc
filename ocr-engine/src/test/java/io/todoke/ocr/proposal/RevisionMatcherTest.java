package io.todoke.ocr.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;
import io.todoke.ocr.template.MmBox;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Placing a known form's fields by their printed labels, on pages made from layouts (no recognition involved). */
class RevisionMatcherTest {

    private static final FormTemplate COVID = FormTemplates.load(Path.of("../config/forms"))
            .byId("covid19-notification").orElseThrow();

    /** The form's page with every box below {@code fromY} moved down by {@code dy} and the rest as printed. */
    private static AnalysedPage moved(double fromY, double dy, String withoutText) {
        AnalysedPage p = LayoutPages.of(COVID);
        java.util.function.UnaryOperator<MmBox> move = b -> b.y() >= fromY ? Boxes.shifted(b, 0, dy) : b;
        return new AnalysedPage(p.widthMm(), p.heightMm(), p.cells().stream().map(move).toList(),
                p.checkboxes().stream().map(move).toList(),
                p.texts().stream().filter(t -> !t.text().equals(withoutText))
                        .map(t -> new PageGrid.TextLine(move.apply(t.box()), t.text(), t.confidence())).toList());
    }

    @Test
    void everyFieldIsPlacedOnItsOwnCellAndTheNameBelowTheFuriganaRowNotOnIt() {
        RevisionMatcher.Revision r = RevisionMatcher.revise(moved(1000, 0, ""), COVID).orElseThrow();
        assertThat(r.unplaced()).isEmpty();
        for (FieldSpec f : r.template().fields()) {
            assertThat(f.box()).as(f.key()).isEqualTo(COVID.field(f.key()).orElseThrow().box());
        }
    }

    @Test
    void fieldsFollowTheirLabelsWhenABlockMoves() {
        RevisionMatcher.Revision r = RevisionMatcher.revise(moved(180, 6, ""), COVID).orElseThrow();
        assertThat(r.unplaced()).isEmpty();
        MmBox before = COVID.field("diagnosis_date").orElseThrow().box();
        assertThat(r.template().field("diagnosis_date").orElseThrow().box()).isEqualTo(Boxes.shifted(before, 0, 6));
    }

    @Test
    void aFieldWhoseLabelIsNotFoundIsLeftUnplacedNotGuessed() {
        RevisionMatcher.Revision r = RevisionMatcher.revise(moved(1000, 0, "2 当該者氏名"), COVID).orElseThrow();
        assertThat(r.unplaced()).contains("patient_name");
        assertThat(r.template().field("patient_name")).isEmpty();
    }

    @Test
    void aPageWithAnotherTitleIsNotTheForm() {
        AnalysedPage p = moved(1000, 0, COVID.title());
        assertThat(RevisionMatcher.revise(p, COVID)).isEmpty();
        assertThat(List.of(Labels.normal("14 診断（検案）年月日"), Labels.normal("発病年月日（＊）")))
                .containsExactly("診断(検案)年月日", "発病年月日");
    }
}
