package io.todoke.ocr.proposal;

import io.todoke.ocr.template.MmBox;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which printed label names a value cell, by the ruled lines alone: the label cell just left of it on the same row,
 * else a free-standing label just left of it, else the nearest label cell above it spanning the same columns (a
 * header row). The same rule reads the library's layouts and a scanned page, so their labels compare alike.
 */
public final class LabelFinder {

    /** Where the label stands: left of its value cell or above it. */
    public enum Side { LEFT, ABOVE }

    /** A value cell's label: its text (lines joined), where it stands and the box it is printed in. */
    public record Label(String text, Side side, MmBox box, double confidence) {
    }

    private final AnalysedPage page;

    public LabelFinder(AnalysedPage page) {
        this.page = page;
    }

    /** A cell holding text and no check box: on a blank form, printed; it labels its neighbours. */
    public boolean isLabelCell(MmBox cell) {
        return !page.textsIn(cell).isEmpty() && page.checkboxesIn(cell).isEmpty() && ownTexts(cell).size() > 0;
    }

    public Optional<Label> labelOf(MmBox value) {
        return left(value).or(() -> freeLeft(value)).or(() -> above(value));
    }

    private Optional<Label> left(MmBox v) {
        return page.cells().stream()
                .filter(k -> Math.abs(k.x() + k.w() - v.x()) <= 1.5 && Boxes.overlapY(k, v) >= 0.6 * Math.min(k.h(), v.h()))
                .filter(this::isLabelCell)
                .max(Comparator.comparingDouble(k -> Boxes.overlapY(k, v)))
                .map(k -> label(k, Side.LEFT));
    }

    private Optional<Label> freeLeft(MmBox v) {
        return page.texts().stream()
                .filter(t -> page.cellOf(t.box()) < 0)
                .filter(t -> t.box().x() + t.box().w() <= v.x() + 0.5 && t.box().x() + t.box().w() >= v.x() - 10)
                .filter(t -> Boxes.centreY(t.box()) >= v.y() && Boxes.centreY(t.box()) <= v.y() + v.h())
                .max(Comparator.comparingDouble(t -> t.box().x()))
                .map(t -> new Label(t.text(), Side.LEFT, t.box(), t.confidence()));
    }

    private Optional<Label> above(MmBox v) {
        return page.cells().stream()
                .filter(k -> k.y() + k.h() <= v.y() + 1.0 && v.y() - (k.y() + k.h()) <= 25)
                .filter(k -> Boxes.overlapX(k, v) >= 0.7 * Math.max(k.w(), v.w()))
                .filter(this::isLabelCell)
                .max(Comparator.comparingDouble(k -> k.y() + k.h()))
                .map(k -> label(k, Side.ABOVE));
    }

    private Label label(MmBox cell, Side side) {
        List<PageGrid.TextLine> in = ownTexts(cell);
        String text = in.stream().map(PageGrid.TextLine::text).collect(Collectors.joining());
        double conf = in.stream().mapToDouble(PageGrid.TextLine::confidence).min().orElse(0);
        return new Label(text, side, cell, conf);
    }

    /** The text lines of this cell and not of a smaller cell inside it. */
    private List<PageGrid.TextLine> ownTexts(MmBox cell) {
        int self = page.cells().indexOf(cell);
        return page.textsIn(cell).stream().filter(t -> page.cellOf(t.box()) == self).toList();
    }
}
