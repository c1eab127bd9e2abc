package io.todoke.ocr.proposal;

import io.todoke.ocr.template.FieldType;
import io.todoke.ocr.template.MmBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Proposes a layout for an analysed blank page: each value cell with a label becomes a field, keyed and typed by the
 * library's vocabulary where a label there is alike enough, else typed by its label's words under a new key; a cell
 * with check boxes becomes a choice field whose options are the labels printed after its boxes.
 */
public final class TemplateProposer {

    /** Labels less alike than this to every library label get a new key. */
    static final double MATCH = 0.5;

    /** An option as proposed: value, printed label, its check box and the zone a circle round it would cover. */
    public record ProposedOption(String value, String label, MmBox mark, MmBox zone) {
    }

    /** A field as proposed, with how sure the proposal is of its key and type, in [0, 1]. */
    public record ProposedField(String key, String label, FieldType type, MmBox box, List<ProposedOption> options,
                                double confidence, boolean known) {
    }

    private final FieldVocabulary vocabulary;

    public TemplateProposer(FieldVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public List<ProposedField> propose(AnalysedPage page) {
        LabelFinder finder = new LabelFinder(page);
        record Candidate(MmBox cell, LabelFinder.Label label, boolean marks) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (MmBox cell : page.cells()) {
            boolean marks = !page.checkboxesIn(cell).isEmpty();
            if (!marks && !page.textsIn(cell).isEmpty() || cell.w() < 4 || cell.h() < 3.5) {
                continue;
            }
            finder.labelOf(cell).filter(l -> !Labels.normal(l.text()).isEmpty())
                    .ifPresent(l -> candidates.add(new Candidate(cell, l, marks)));
        }
        // each key once per form: the most alike pairs first
        record Pair(int candidate, FieldVocabulary.Match match) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            for (FieldVocabulary.Match m : vocabulary.matches(c.label().text(), MATCH)) {
                if (m.entry().type().isMark() == c.marks()) {
                    pairs.add(new Pair(i, m));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((Pair p) -> -p.match().score()));
        FieldVocabulary.Match[] chosen = new FieldVocabulary.Match[candidates.size()];
        Set<String> used = new HashSet<>();
        for (Pair p : pairs) {
            if (chosen[p.candidate()] == null && !used.contains(p.match().entry().key())) {
                chosen[p.candidate()] = p.match();
                used.add(p.match().entry().key());
            }
        }
        List<ProposedField> out = new ArrayList<>();
        int unknown = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            FieldVocabulary.Match m = chosen[i];
            String label = Labels.normal(c.label().text());
            double read = 0.5 + 0.5 * c.label().confidence();
            String key;
            FieldType type;
            if (m != null) {
                key = m.entry().key();
                type = m.entry().type();
            } else {
                do {
                    key = String.format(java.util.Locale.ROOT, "field_%02d", ++unknown);
                } while (used.contains(key));
                type = c.marks() ? FieldType.CHOICE : FieldVocabulary.typeFromWords(label);
            }
            List<ProposedOption> options = c.marks() ? options(page, c.cell(), key, m) : List.of();
            double confidence = (m == null ? 0.25 : m.score()) * read;
            out.add(new ProposedField(key, label, type, c.cell(), options, Math.round(confidence * 100) / 100.0,
                    m != null));
        }
        return out;
    }

    /** Each check box in the cell with the text printed just after it; the zone runs to the next box or the cell's end. */
    private List<ProposedOption> options(AnalysedPage page, MmBox cell, String key, FieldVocabulary.Match known) {
        // a known field with as many boxes as the library's options has them in the library's order
        List<String> inOrder = known == null ? List.of() : List.copyOf(known.entry().options().values());
        List<MmBox> boxes = page.checkboxesIn(cell);
        List<ProposedOption> out = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < boxes.size(); i++) {
            MmBox b = boxes.get(i);
            Optional<PageGrid.TextLine> text = page.textsIn(cell).stream()
                    .filter(t -> t.box().x() >= b.x() + b.w() - 0.5 && t.box().x() <= b.x() + b.w() + 4)
                    .filter(t -> Boxes.centreY(t.box()) >= b.y() - 1.5 && Boxes.centreY(t.box()) <= b.y() + b.h() + 1.5)
                    .min(Comparator.comparingDouble(t -> t.box().x()));
            String label = text.map(t -> Labels.normal(t.text())).orElse("");
            int index = i;
            String value = vocabulary.optionValue(key, label, 0.5)
                    .orElseGet(() -> inOrder.size() == boxes.size() ? inOrder.get(index) : "option_" + (index + 1));
            while (!values.add(value)) {
                value = value + "_" + (i + 1);
            }
            out.add(new ProposedOption(value, label, b, zone(boxes, b, cell)));
        }
        return out;
    }

    /** From just before the box to just before the next box on its row (or the cell's edge), the height of its row. */
    private static MmBox zone(List<MmBox> boxes, MmBox b, MmBox cell) {
        double right = cell.x() + cell.w() - 0.8;
        double top = cell.y();
        double bottom = cell.y() + cell.h();
        for (MmBox o : boxes) {
            if (o == b) {
                continue;
            }
            boolean sameRow = Math.abs(o.y() - b.y()) < b.h() / 2;
            if (sameRow && o.x() > b.x()) {
                right = Math.min(right, o.x() - 0.8);
            } else if (!sameRow && o.y() > b.y()) {
                bottom = Math.min(bottom, (b.y() + b.h() + o.y()) / 2);
            } else if (!sameRow) {
                top = Math.max(top, (o.y() + o.h() + b.y()) / 2);
            }
        }
        double left = b.x() - 0.8;
        return new MmBox(left, top, right - left, bottom - top);
    }
}
