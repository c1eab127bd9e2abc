package io.todoke.ocr.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.todoke.ocr.template.MmBox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A proposed layout against the hand-made one: which true fields were found with the right key, type and a zone on
 * the true cell, and which options of choice fields were found (check box and label) and named right. The proposal's
 * frame (where the page image began) is not the layout's: one translation, the median offset between nearest cells,
 * lays it on the layout first.
 */
public final class LayoutComparison {

    /**
     * The counts.
     *
     * @param fields        true fields
     * @param found         true fields proposed with the right key and type on the true cell
     * @param located       true fields whose cell was proposed as a field, whatever its key
     * @param typed         true fields whose cell was proposed with the right type
     * @param options       options of the true choice fields
     * @param optionsFound  of them, proposed on the right check box with the printed label
     * @param optionsNamed  of them, also with the right value
     * @param missed        keys of the true fields not found, for the report
     */
    public record Result(int fields, int found, int located, int typed, int options, int optionsFound, int optionsNamed,
                         List<String> missed) {
    }

    private LayoutComparison() {
    }

    public static Result compare(JsonNode truth, JsonNode proposal) {
        List<JsonNode> proposed = new ArrayList<>();
        proposal.path("fields").forEach(proposed::add);
        double[] shift = shift(truth, proposed);
        int n = 0;
        int found = 0;
        int located = 0;
        int typed = 0;
        int options = 0;
        int optionsFound = 0;
        int optionsNamed = 0;
        List<String> missed = new ArrayList<>();
        for (JsonNode t : truth.path("fields")) {
            n++;
            MmBox tb = box(t.path("box"));
            JsonNode at = null;
            for (JsonNode p : proposed) {
                if (onCell(Boxes.shifted(box(p.path("box")), shift[0], shift[1]), tb)) {
                    at = p;
                    break;
                }
            }
            if (at != null) {
                located++;
                boolean type = at.path("type").asText().equals(t.path("type").asText());
                typed += type ? 1 : 0;
                if (type && at.path("key").asText().equals(t.path("key").asText())) {
                    found++;
                } else {
                    missed.add(t.path("key").asText());
                }
            } else {
                missed.add(t.path("key").asText());
            }
            for (JsonNode o : t.path("options")) {
                options++;
                MmBox mark = box(o.path("mark"));
                for (JsonNode po : at == null ? List.<JsonNode>of() : list(at.path("options"))) {
                    MmBox pm = Boxes.shifted(box(po.path("mark")), shift[0], shift[1]);
                    boolean sameBox = Math.abs(Boxes.centreX(pm) - Boxes.centreX(mark)) < 1.5
                            && Math.abs(Boxes.centreY(pm) - Boxes.centreY(mark)) < 1.5;
                    if (sameBox && Labels.similarity(Labels.normal(po.path("label").asText()),
                            Labels.normal(o.path("label").asText())) >= 0.5) {
                        optionsFound++;
                        optionsNamed += po.path("value").asText().equals(o.path("value").asText()) ? 1 : 0;
                        break;
                    }
                }
            }
        }
        return new Result(n, found, located, typed, options, optionsFound, optionsNamed, missed);
    }

    /** IoU over one half, or one box inside the other (a zone drawn inside its cell is on the cell). */
    static boolean onCell(MmBox p, MmBox t) {
        return Boxes.iou(p, t) > 0.5 || Boxes.inside(p, t, 0.8) || Boxes.inside(t, p, 0.8) && Boxes.iou(p, t) > 0.3;
    }

    private static double[] shift(JsonNode truth, List<JsonNode> proposed) {
        List<Double> dx = new ArrayList<>();
        List<Double> dy = new ArrayList<>();
        for (JsonNode p : proposed) {
            MmBox pb = box(p.path("box"));
            MmBox best = null;
            double bestD = 6;
            for (JsonNode t : truth.path("fields")) {
                MmBox tb = box(t.path("box"));
                double d = Math.hypot(tb.x() - pb.x(), tb.y() - pb.y());
                if (d < bestD) {
                    bestD = d;
                    best = tb;
                }
            }
            if (best != null) {
                dx.add(best.x() - pb.x());
                dy.add(best.y() - pb.y());
            }
        }
        return new double[] {median(dx), median(dy)};
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return 0;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static MmBox box(JsonNode b) {
        return new MmBox(b.path("x").asDouble(), b.path("y").asDouble(), b.path("w").asDouble(), b.path("h").asDouble());
    }
}
