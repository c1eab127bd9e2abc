package io.todoke.tools.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.engine.TodokeEngine;
import io.todoke.tools.samples.FaxTruth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Revised layouts read by their labels ({@code make bench}, part {@code revision}): the faxes of a set made on a
 * revised layout ({@link RevisedLayout}) are read with the library, and each field is scored against the truth and
 * the revised layout: placed by its label, its value right where one was read, and read from a cell that is not its
 * own (its zone off its true cell, after the one shift that lays the page image on the layout).
 *
 * <pre>RevisionBench --dir DIR --layout revised.json --name "path A"</pre>
 */
public final class RevisionBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The counts over a set. */
    record Counts(int forms, int revised, int fields, int placed, int read, int right, int wrongCell) {
    }

    private RevisionBench() {
    }

    static Counts score(List<FaxTruth> truths, JsonNode layout, TodokeEngine engine) throws Exception {
        int forms = 0;
        int revised = 0;
        int fields = 0;
        int placed = 0;
        int read = 0;
        int right = 0;
        int wrongCell = 0;
        for (FaxTruth t : truths) {
            FaxReading r = engine.read(t.file());
            for (int n = 0; n < t.forms().size(); n++) {
                Map<String, Object> truth = t.forms().get(n).fields();
                forms++;
                FormReading f = n < r.forms().size() ? r.forms().get(n) : null;
                if (f == null || !f.layoutRevised()) {
                    fields += truth.size();
                    continue;
                }
                revised++;
                double[] shift = shift(f, layout);
                for (JsonNode field : layout.path("fields")) {
                    String key = field.path("key").asText();
                    fields++;
                    FieldReading fr = f.fields().get(key);
                    if (fr == null || fr.box().width() == 0) {
                        continue;
                    }
                    placed++;
                    if (fr.value() == null) {
                        continue;
                    }
                    read++;
                    right += same(fr.value(), truth.get(key)) ? 1 : 0;
                    wrongCell += onCell(fr, field.path("box"), shift) ? 0 : 1;
                }
            }
        }
        return new Counts(forms, revised, fields, placed, read, right, wrongCell);
    }

    /** Whether the zone's centre is on the field's true cell (2 mm of slack), after the page's shift. */
    private static boolean onCell(FieldReading fr, JsonNode b, double[] shift) {
        double cx = (fr.box().x() + fr.box().width() / 2.0) / 8.0 + shift[0];
        double cy = (fr.box().y() + fr.box().height() / 2.0) / 8.0 + shift[1];
        return cx >= b.path("x").asDouble() - 2 && cx <= b.path("x").asDouble() + b.path("w").asDouble() + 2
                && cy >= b.path("y").asDouble() - 2 && cy <= b.path("y").asDouble() + b.path("h").asDouble() + 2;
    }

    static boolean same(Object read, Object truth) {
        if (read instanceof List<?> a && truth instanceof List<?> b) {
            return a.stream().map(String::valueOf).sorted().toList().equals(b.stream().map(String::valueOf).sorted().toList());
        }
        return Objects.equals(String.valueOf(read).replaceAll("\\s+", ""), String.valueOf(truth).replaceAll("\\s+", ""));
    }

    /** The median offset, in mm, from the read zones' top-left corners to their fields' cells. */
    private static double[] shift(FormReading f, JsonNode layout) {
        List<Double> dx = new ArrayList<>();
        List<Double> dy = new ArrayList<>();
        for (JsonNode field : layout.path("fields")) {
            FieldReading fr = f.fields().get(field.path("key").asText());
            if (fr != null && fr.box().width() > 0) {
                dx.add(field.path("box").path("x").asDouble() - fr.box().x() / 8.0);
                dy.add(field.path("box").path("y").asDouble() - fr.box().y() / 8.0);
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

    static String row(String name, Counts c) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | %d |", name, c.forms(), c.revised(),
                c.fields(), pct(c.placed(), c.fields()), pct(c.read(), c.placed()), pct(c.right(), c.read()),
                c.wrongCell());
    }

    static String header() {
        return "| set | forms | read as revised | fields | placed by label | read of placed | right of read | from a wrong cell |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
    }

    private static String pct(int n, int of) {
        return of == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = io.todoke.tools.samples.SampleGenerator.parseArgs(args, "dir", "layout", "name", "header");
        JsonNode layout = JSON.readTree(Path.of(a.get("layout")).toFile());
        try (TodokeEngine engine = new TodokeEngine(EngineConfig.defaults())) {
            Counts c = score(FaxTruth.readAll(Path.of(a.get("dir"))), layout, engine);
            if ("true".equals(a.get("header"))) {
                System.out.println(header());
            }
            System.out.println(row(a.getOrDefault("name", a.get("dir")), c));
        }
    }
}
