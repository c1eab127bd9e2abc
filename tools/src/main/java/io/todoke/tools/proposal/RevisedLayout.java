package io.todoke.tools.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A revision of a form's layout, as the national forms were revised: the same fields and labels, blocks moved and
 * column widths changed. The layout is cut into bands of rows (where no printed element crosses); the band holding
 * {@code first} moves to the bottom, the band holding {@code up} moves above the band holding {@code over}, and in the
 * bands moved the column boundary of the first field's cell moves by {@code widenMm}. Writes a layout in the same
 * format, with {@code version} {@code <version>-revised}.
 *
 * <pre>RevisedLayout --layout config/forms/X/layout.json --out revised.json --bottom physician_name
 *     --up first_visit_date --over symptoms --widen -8</pre>
 */
public final class RevisedLayout {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RevisedLayout() {
    }

    record Band(double y0, double y1) {
        boolean holds(double y) {
            return y >= y0 - 0.01 && y < y1 - 0.01;
        }
    }

    public static ObjectNode revise(JsonNode layout, String bottom, String up, String over, double widenMm) {
        ObjectNode out = layout.deepCopy();
        List<Band> bands = bands(out);
        Band b = bandOf(out, bands, bottom);
        Band u = bandOf(out, bands, up);
        Band o = bandOf(out, bands, over);
        List<Band> order = new ArrayList<>(bands);
        if (u != null && o != null && u != o) {
            order.remove(u);
            order.add(order.indexOf(o), u);
        }
        if (b != null) {
            order.remove(b);
            // above the closing note, which stays last
            order.add(order.size() - 1, b);
        }
        double y = bands.get(0).y0();
        Map<Band, Double> shift = new java.util.HashMap<>();
        for (Band band : order) {
            shift.put(band, y - band.y0());
            y += band.y1() - band.y0() + 3;
        }
        List<Band> widened = new ArrayList<>();
        if (b != null) {
            widened.add(b);
        }
        if (u != null) {
            widened.add(u);
        }
        for (Band band : widened) {
            double boundary = boundaryOf(out, band, band == b ? bottom : up);
            forEachBox(out, band, box -> {
                double x = box.path("x").asDouble();
                double w = box.path("w").asDouble();
                if (Math.abs(x - boundary) < 0.01) {
                    box.put("x", x + widenMm);
                    box.put("w", w - widenMm);
                } else if (Math.abs(x + w - boundary) < 0.01) {
                    box.put("w", w + widenMm);
                }
            });
        }
        // every box's band from its place before any moves, so that no box moves twice
        Map<ObjectNode, Double> moves = new java.util.IdentityHashMap<>();
        for (Band band : bands) {
            forEachBox(out, band, box -> moves.put(box, shift.get(band)));
        }
        moves.forEach((box, dy) -> box.put("y", box.path("y").asDouble() + dy));
        out.put("version", layout.path("version").asText() + "-revised");
        return out;
    }

    /** Bands of rows: stretches of the page that no printed element crosses the edge of. */
    static List<Band> bands(JsonNode layout) {
        List<double[]> spans = new ArrayList<>();
        for (JsonNode s : layout.path("static")) {
            spans.add(new double[] {s.path("y").asDouble(), s.path("y").asDouble() + s.path("h").asDouble()});
        }
        spans.sort(Comparator.comparingDouble(a -> a[0]));
        List<Band> out = new ArrayList<>();
        double y0 = spans.get(0)[0];
        double y1 = spans.get(0)[1];
        for (double[] s : spans) {
            if (s[0] >= y1 + 0.5) {
                out.add(new Band(y0, y1));
                y0 = s[0];
            }
            y1 = Math.max(y1, s[1]);
        }
        out.add(new Band(y0, y1));
        return out;
    }

    private static Band bandOf(JsonNode layout, List<Band> bands, String key) {
        for (JsonNode f : layout.path("fields")) {
            if (f.path("key").asText().equals(key)) {
                double y = f.path("box").path("y").asDouble();
                return bands.stream().filter(b -> b.holds(y)).findFirst().orElse(null);
            }
        }
        return null;
    }

    private static double boundaryOf(JsonNode layout, Band band, String key) {
        for (JsonNode f : layout.path("fields")) {
            if (f.path("key").asText().equals(key)) {
                return f.path("box").path("x").asDouble();
            }
        }
        return -1;
    }

    /** Every box (static element, field box, option mark and zone) whose top lies in the band. */
    private static void forEachBox(ObjectNode layout, Band band, java.util.function.Consumer<ObjectNode> each) {
        List<ObjectNode> boxes = new ArrayList<>();
        layout.path("static").forEach(s -> boxes.add((ObjectNode) s));
        for (JsonNode f : layout.path("fields")) {
            boxes.add((ObjectNode) f.path("box"));
            for (JsonNode o : f.path("options")) {
                boxes.add((ObjectNode) o.path("mark"));
                boxes.add((ObjectNode) o.path("zone"));
            }
        }
        boxes.stream().filter(b -> band.holds(b.path("y").asDouble())).toList().forEach(each);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = io.todoke.tools.samples.SampleGenerator.parseArgs(args, "layout", "out", "bottom", "up",
                "over", "widen");
        JsonNode layout = JSON.readTree(Path.of(a.get("layout")).toFile());
        ObjectNode revised = revise(layout, a.getOrDefault("bottom", "physician_name"),
                a.getOrDefault("up", "first_visit_date"), a.getOrDefault("over", "symptoms"),
                Double.parseDouble(a.getOrDefault("widen", "-8")));
        Files.writeString(Path.of(a.get("out")), revised.toPrettyString());
    }
}
