package io.todoke.ocr.proposal;

import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.OptionSpec;
import io.todoke.ocr.template.StaticElement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A known form on a revised layout (its title, but a grid none of its versions has): each field is placed by finding
 * the label printed beside it in the known layout, then the value cell that label names by the ruled lines (right of
 * it or below it, as in the known layout). A field whose label is not found once, or whose cell is not one clear cell
 * holding no label, is not placed: it is left for a clerk rather than read from a wrong cell.
 */
public final class RevisionMatcher {

    /** Labels and titles at least this alike are the same words read with a slip or two. */
    static final double ALIKE = 0.7;

    /** The known form moved onto the page: the template to read it with, and the keys left unplaced. */
    public record Revision(FormTemplate template, List<String> unplaced) {
    }

    private RevisionMatcher() {
    }

    /** The lines a title can stand on: the page's top quarter. */
    public static boolean titleBand(MmBox line, double pageHeightMm) {
        return line.y() < pageHeightMm / 4;
    }

    /** Whether the page's title is the form's. */
    public static boolean sameTitle(AnalysedPage page, FormTemplate known) {
        String want = Labels.normal(known.title());
        if (want.isEmpty()) {
            return false;
        }
        // any line of the top quarter with the pieces beside it: a large circle or writing may stand taller
        for (PageGrid.TextLine line : page.texts()) {
            if (!titleBand(line.box(), page.heightMm())) {
                continue;
            }
            String title = Labels.normal(ProposalJson.lineWithNeighbours(page, line));
            // a bold title's far end is often read in pieces: a long enough run of it in order is the title too
            if (Labels.similarity(title, want) >= ALIKE || title.contains(want)
                    || commonRun(title, want) >= Math.max(6, 0.5 * want.length())) {
                return true;
            }
        }
        return false;
    }

    /** The length of the longest run of characters both strings have. */
    static int commonRun(String a, String b) {
        int best = 0;
        int[] prev = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    cur[j] = prev[j - 1] + 1;
                    best = Math.max(best, cur[j]);
                }
            }
            prev = cur;
        }
        return best;
    }

    public static Optional<Revision> revise(AnalysedPage page, FormTemplate known) {
        if (!sameTitle(page, known)) {
            return Optional.empty();
        }
        AnalysedPage layout = LayoutPages.of(known);
        LabelFinder knownLabels = new LabelFinder(layout);
        List<String> printed = new ArrayList<>();
        for (FieldSpec f : known.fields()) {
            knownLabels.labelOf(f.box()).ifPresent(l -> printed.add(Labels.normal(l.text())));
        }
        List<FieldSpec> placed = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        for (FieldSpec f : known.fields()) {
            Optional<LabelFinder.Label> label = knownLabels.labelOf(f.box());
            // which of the cells the label names the field's is, counted in the known layout
            int nth = label.map(l -> candidates(layout, l.box(), !layout.cells().contains(l.box()), l.side())
                    .indexOf(f.box())).orElse(-1);
            Optional<MmBox> cell = nth < 0 ? Optional.empty() : label.flatMap(l -> cellFor(page, l, nth, printed));
            Optional<FieldSpec> moved = cell.flatMap(c -> moved(page, f, c));
            if (moved.isPresent()) {
                placed.add(moved.get());
            } else {
                unplaced.add(f.key());
            }
        }
        if (placed.isEmpty()) {
            return Optional.empty();
        }
        List<StaticElement> statics = new ArrayList<>();
        for (MmBox c : page.cells()) {
            statics.add(new StaticElement("cell", "", c, 3.2, "left", true, false));
        }
        for (MmBox k : page.checkboxes()) {
            statics.add(new StaticElement("checkbox", "", k, 3.2, "left", false, false));
        }
        return Optional.of(new Revision(known.onLayout(page.widthMm(), page.heightMm(), statics, placed), unplaced));
    }

    /** The one page cell the known label names, or nothing when the label is not found once or the cell is unclear. */
    private static Optional<MmBox> cellFor(AnalysedPage page, LabelFinder.Label label, int nth, List<String> printed) {
        String want = Labels.normal(label.text());
        List<PageGrid.TextLine> hits = page.texts().stream()
                .filter(t -> Labels.similarity(Labels.normal(t.text()), want) >= ALIKE)
                .sorted(Comparator.comparingDouble(t -> -Labels.similarity(Labels.normal(t.text()), want))).toList();
        if (hits.isEmpty() || hits.size() > 1 && Labels.similarity(Labels.normal(hits.get(1).text()), want)
                >= Labels.similarity(Labels.normal(hits.get(0).text()), want) - 0.1) {
            return Optional.empty();
        }
        PageGrid.TextLine hit = hits.get(0);
        int in = page.cellOf(hit.box());
        MmBox from = in >= 0 ? page.cells().get(in) : hit.box();
        List<MmBox> cells = candidates(page, from, in < 0, label.side());
        if (label.side() == LabelFinder.Side.LEFT ? cells.size() != 1 || nth != 0 : cells.size() <= nth) {
            return Optional.empty();
        }
        MmBox cell = cells.get(nth);
        // a cell that prints a label is never a value cell
        boolean labelled = page.textsIn(cell).stream().anyMatch(t -> printed.stream()
                .anyMatch(p -> Labels.similarity(Labels.normal(t.text()), p) >= ALIKE));
        return labelled ? Optional.empty() : Optional.of(cell);
    }

    private static List<MmBox> rightOf(AnalysedPage page, MmBox from, boolean free) {
        double reach = free ? 10 : 1.5;
        return page.cells().stream()
                .filter(c -> c.x() >= from.x() + from.w() - 1.5 && c.x() <= from.x() + from.w() + reach)
                .filter(c -> free ? Boxes.centreY(from) >= c.y() && Boxes.centreY(from) <= c.y() + c.h()
                        : Boxes.overlapY(c, from) >= 0.6 * Math.min(c.h(), from.h()))
                .toList();
    }

    /** The cells a label names: right of it on its row, or below it spanning its columns, nearest first. */
    static List<MmBox> candidates(AnalysedPage page, MmBox from, boolean free, LabelFinder.Side side) {
        return side == LabelFinder.Side.LEFT ? rightOf(page, from, free) : below(page, from);
    }

    private static List<MmBox> below(AnalysedPage page, MmBox from) {
        return page.cells().stream()
                .filter(c -> c.y() >= from.y() + from.h() - 1.0 && c.y() - (from.y() + from.h()) <= 25)
                .filter(c -> Boxes.overlapX(c, from) >= 0.7 * Math.max(c.w(), from.w()))
                .sorted(Comparator.comparingDouble(MmBox::y)).toList();
    }

    /**
     * The field on its new cell; a choice field's boxes where the known ones stand in proportion to the cell, each
     * snapped to a check box found there, and only when most of them are found (a marked box may not look like one).
     */
    private static Optional<FieldSpec> moved(AnalysedPage page, FieldSpec f, MmBox cell) {
        if (f.options().isEmpty()) {
            return Optional.of(new FieldSpec(f.key(), f.label(), f.type(), cell, f.required(), List.of()));
        }
        double sx = cell.w() / f.box().w();
        double sy = cell.h() / f.box().h();
        List<MmBox> found = page.checkboxesIn(cell);
        List<OptionSpec> options = new ArrayList<>();
        int snapped = 0;
        for (OptionSpec o : f.options()) {
            MmBox mark = scaled(o.mark(), f.box(), cell, sx, sy, false);
            Optional<MmBox> near = found.stream().filter(k -> Math.hypot(Boxes.centreX(k) - Boxes.centreX(mark),
                    Boxes.centreY(k) - Boxes.centreY(mark)) < 2.0).findFirst();
            if (near.isPresent()) {
                snapped++;
            }
            MmBox m = near.orElse(mark);
            MmBox zone = scaled(o.zone(), f.box(), cell, sx, sy, true);
            options.add(new OptionSpec(o.value(), o.label(), m, Boxes.shifted(zone, m.x() - mark.x(), m.y() - mark.y())));
        }
        if (snapped * 2 < f.options().size()) {
            return Optional.empty();
        }
        return Optional.of(new FieldSpec(f.key(), f.label(), f.type(), cell, f.required(), options));
    }

    private static MmBox scaled(MmBox b, MmBox from, MmBox to, double sx, double sy, boolean stretch) {
        double x = to.x() + (b.x() - from.x()) * sx;
        double y = to.y() + (b.y() - from.y()) * sy;
        return new MmBox(x, y, stretch ? b.w() * sx : b.w(), stretch ? b.h() * sy : b.h());
    }
}
