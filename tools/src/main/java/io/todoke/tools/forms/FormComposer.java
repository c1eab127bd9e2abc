package io.todoke.tools.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Composes a form's {@code layout.json} from its source ({@code <form>/form.json}) and the shared blocks
 * ({@code blocks/<name>.json}): rows of cells laid out top to bottom in millimetres, so that a shared block is written
 * once and every form that uses it gets the same fields with the same keys.
 *
 * <p>A source is {@code {form_id, version, title, disease, style, rows: [...]}}; a row is
 * {@code {h, gap, cells: [...]}} or {@code {block: "name"}} (the block's rows, in place). A cell is one of:
 * {@code {text, w, size, align, border, bold}} (printed label; a text starting {@code "# "} gets the next item
 * number), {@code {skip: mm}} (space), {@code {field, label, type, w, required}} (a value cell; {@code w} omitted
 * takes the rest of the row), {@code {field, label, type: choice|multi_choice, options: [[value, label]...],
 * columns, option_h}} (check boxes in a grid), or {@code {w, stack: [rows]}} (rows inside a column). Texts may
 * hold {@code {title}} and {@code {style}}.
 */
public final class FormComposer {

    static final double LEFT = 12;
    static final double WIDTH = 186;
    static final double TOP = 8;
    private static final double BOX = 3.6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path library;
    private final JsonNode source;
    private final ArrayNode statics = JSON.createArrayNode();
    private final ArrayNode fields = JSON.createArrayNode();
    private int item;

    private FormComposer(Path library, JsonNode source) {
        this.library = library;
        this.source = source;
    }

    /** The layout of the form whose source is {@code formDir/form.json}, with the blocks of {@code formDir/../blocks}. */
    public static ObjectNode compose(Path formDir) {
        Path library = formDir.toAbsolutePath().getParent();
        return compose(library, read(formDir.resolve("form.json")));
    }

    /** The layout of a source that is not in the library (a generated variant), with the library's blocks. */
    public static ObjectNode compose(Path library, JsonNode source) {
        return new FormComposer(library, source).compose();
    }

    private ObjectNode compose() {
        ObjectNode out = JSON.createObjectNode();
        out.put("form_id", source.path("form_id").asText());
        out.put("version", source.path("version").asText());
        out.put("title", source.path("title").asText());
        out.set("disease", source.path("disease").deepCopy());
        ObjectNode page = out.putObject("page");
        page.put("width_mm", 210);
        page.put("height_mm", 297);
        double y = rows(source.path("rows"), LEFT, TOP, WIDTH);
        if (y > 290) {
            throw new IllegalArgumentException(source.path("form_id").asText() + ": the rows end at " + y + " mm, below the page");
        }
        out.set("static", statics);
        out.set("fields", fields);
        return out;
    }

    private double rows(JsonNode rows, double x, double y, double w) {
        for (JsonNode row : rows) {
            if (row.has("block")) {
                y = rows(read(library.resolve("blocks").resolve(row.path("block").asText() + ".json")).path("rows"), x, y, w);
                continue;
            }
            y += row.path("gap").asDouble(0);
            double h = row.path("h").asDouble();
            double cx = x;
            for (JsonNode cell : row.path("cells")) {
                double cw = cell.has("skip") ? cell.path("skip").asDouble()
                        : cell.has("w") ? cell.path("w").asDouble() : x + w - cx;
                cell(cell, cx, y, cw, h);
                cx += cw;
            }
            if (cx > x + w + 1e-6) {
                throw new IllegalArgumentException("a row at y=" + y + " is wider than its column: " + row);
            }
            y += h;
        }
        return y;
    }

    private void cell(JsonNode c, double x, double y, double w, double h) {
        if (c.has("skip")) {
            return;
        }
        if (c.has("stack")) {
            rows(c.path("stack"), x, y, w);
            return;
        }
        if (!c.has("field")) {
            String text = text(c.path("text").asText(""));
            statics.add(cell(text, x, y, w, h, c.path("size").asDouble(3.2), c.path("align").asText("left"),
                    c.path("border").asBoolean(true), c.path("bold").asBoolean(false), null));
            return;
        }
        String key = c.path("field").asText();
        String type = c.path("type").asText("text");
        statics.add(cell("", x, y, w, h, 3.2, "left", true, false, key));
        ObjectNode f = fields.addObject();
        f.put("key", key);
        f.put("label", c.path("label").asText());
        f.put("type", type);
        f.set("box", box(x, y, w, h));
        if (c.path("required").asBoolean(false)) {
            f.put("required", true);
        }
        if (type.equals("choice") || type.equals("multi_choice")) {
            options(c, f.putArray("options"), key, x, y, w);
        }
    }

    /** Check boxes in a grid of {@code columns}, each option a box then its printed label; the zone a circle covers. */
    private void options(JsonNode c, ArrayNode out, String key, double x, double y, double w) {
        int columns = c.path("columns").asInt(1);
        double oh = c.path("option_h").asDouble(8);
        double col = (w - 2) / columns;
        int i = 0;
        for (JsonNode o : c.path("options")) {
            double bx = x + 1.5 + (i % columns) * col;
            double oy = y + (i / columns) * oh;
            double by = oy + (oh - BOX) / 2;
            String value = o.get(0).asText();
            String label = o.get(1).asText();
            ObjectNode box = statics.addObject();
            box.put("kind", "checkbox");
            box.put("x", r(bx));
            box.put("y", r(by));
            box.put("w", BOX);
            box.put("h", BOX);
            box.put("field", key);
            box.put("option", value);
            statics.add(cell(label, bx + 4.6, oy, col - 5, oh, 3.0, "left", false, false, null));
            ObjectNode opt = out.addObject();
            opt.put("value", value);
            opt.put("label", label);
            opt.set("mark", box(bx, by, BOX, BOX));
            opt.set("zone", box(bx - 0.8, oy, col - 0.5, oh));
            i++;
        }
    }

    private String text(String t) {
        if (t.startsWith("# ")) {
            t = (++item) + " " + t.substring(2);
        }
        return t.replace("{title}", source.path("title").asText()).replace("{style}", source.path("style").asText());
    }

    private static ObjectNode cell(String text, double x, double y, double w, double h, double size, String align,
                                   boolean border, boolean bold, String field) {
        ObjectNode s = JSON.createObjectNode();
        s.put("kind", "cell");
        s.put("text", text);
        s.put("x", r(x));
        s.put("y", r(y));
        s.put("w", r(w));
        s.put("h", r(h));
        s.put("size", size);
        s.put("align", align);
        s.put("border", border);
        s.put("bold", bold);
        if (field != null) {
            s.put("field", field);
        }
        return s;
    }

    private static ObjectNode box(double x, double y, double w, double h) {
        ObjectNode b = JSON.createObjectNode();
        b.put("x", r(x));
        b.put("y", r(y));
        b.put("w", r(w));
        b.put("h", r(h));
        return b;
    }

    /** Millimetres to 0.01 mm, so that the composed file is stable and readable. */
    private static double r(double mm) {
        return Math.round(mm * 100) / 100.0;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

}
