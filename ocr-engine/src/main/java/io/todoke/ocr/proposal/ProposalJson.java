package io.todoke.ocr.proposal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todoke.ocr.template.MmBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A proposal written in the layout format of {@code config/forms} ({@code static} and {@code fields}, in mm). */
public final class ProposalJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProposalJson() {
    }

    public static ObjectNode layout(String formId, String version, AnalysedPage page,
                                    List<TemplateProposer.ProposedField> fields) {
        ObjectNode root = JSON.createObjectNode();
        root.put("form_id", formId);
        root.put("version", version);
        root.put("title", title(page));
        ObjectNode size = root.putObject("page");
        size.put("width_mm", round(page.widthMm()));
        size.put("height_mm", round(page.heightMm()));
        Map<MmBox, TemplateProposer.ProposedField> byCell = new HashMap<>();
        Map<MmBox, String[]> byMark = new HashMap<>();
        for (TemplateProposer.ProposedField f : fields) {
            byCell.put(f.box(), f);
            f.options().forEach(o -> byMark.put(o.mark(), new String[] {f.key(), o.value()}));
        }
        ArrayNode statics = root.putArray("static");
        for (PageGrid.TextLine t : page.texts()) {
            if (page.cellOf(t.box()) < 0) {
                cell(statics, t.box(), t.text(), t.box().h(), false);
            }
        }
        for (MmBox c : page.cells()) {
            List<PageGrid.TextLine> own = page.textsIn(c).stream().filter(t -> page.cells().get(page.cellOf(t.box())).equals(c))
                    .toList();
            boolean marks = !page.checkboxesIn(c).isEmpty();
            String text = marks ? "" : String.join("", own.stream().map(PageGrid.TextLine::text).toList());
            double h = own.stream().mapToDouble(t -> t.box().h()).max().orElse(2.7);
            ObjectNode s = cell(statics, c, text, h, true);
            TemplateProposer.ProposedField f = byCell.get(c);
            if (f != null) {
                s.put("field", f.key());
            }
            if (marks) {
                // option labels inside a check-box cell, printed without borders
                for (PageGrid.TextLine t : own) {
                    cell(statics, t.box(), t.text(), t.box().h(), false);
                }
            }
        }
        for (MmBox k : page.checkboxes()) {
            ObjectNode s = statics.addObject();
            s.put("kind", "checkbox");
            box(s, k);
            String[] fo = byMark.get(k);
            if (fo != null) {
                s.put("field", fo[0]);
                s.put("option", fo[1]);
            }
        }
        ArrayNode out = root.putArray("fields");
        for (TemplateProposer.ProposedField f : fields) {
            ObjectNode n = out.addObject();
            n.put("key", f.key());
            n.put("label", f.label());
            n.put("type", f.type().json());
            box(n.putObject("box"), f.box());
            if (!f.options().isEmpty()) {
                ArrayNode os = n.putArray("options");
                for (TemplateProposer.ProposedOption o : f.options()) {
                    ObjectNode on = os.addObject();
                    on.put("value", o.value());
                    on.put("label", o.label());
                    box(on.putObject("mark"), o.mark());
                    box(on.putObject("zone"), o.zone());
                }
            }
            n.put("confidence", f.confidence());
        }
        return root;
    }

    /** The printed title: the tallest line of text in the page's top quarter, with the pieces beside it. */
    public static String title(AnalysedPage page) {
        return page.texts().stream().filter(t -> t.box().y() < page.heightMm() / 4)
                .max(java.util.Comparator.comparingDouble(t -> t.box().h()))
                .map(top -> lineWithNeighbours(page, top)).orElse("");
    }

    /** A line's text with the lines beside it on the open page (not in a cell), left to right. */
    public static String lineWithNeighbours(AnalysedPage page, PageGrid.TextLine line) {
        return String.join("", page.texts().stream()
                .filter(t -> t == line || page.cellOf(t.box()) < 0 && page.cellOf(line.box()) < 0
                        && Math.abs(Boxes.centreY(t.box()) - Boxes.centreY(line.box())) <= line.box().h() / 2)
                .sorted(java.util.Comparator.comparingDouble(t -> t.box().x())).map(PageGrid.TextLine::text).toList());
    }

    private static ObjectNode cell(ArrayNode statics, MmBox b, String text, double textHeightMm, boolean border) {
        ObjectNode s = statics.addObject();
        s.put("kind", "cell");
        s.put("text", text);
        box(s, b);
        // a CJK glyph's ink is about 0.85 of its em
        s.put("size", round(Math.max(2.4, Math.min(8, textHeightMm / 0.85))));
        s.put("align", "left");
        s.put("border", border);
        s.put("bold", false);
        return s;
    }

    private static void box(ObjectNode n, MmBox b) {
        n.put("x", round(b.x()));
        n.put("y", round(b.y()));
        n.put("w", round(b.w()));
        n.put("h", round(b.h()));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
