package io.todoke.tools.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up forms for measuring classification with many templates: each is a library form with its own rows shuffled,
 * the dates block sometimes moved above them, its label column narrower or wider, and its own title. Variants whose
 * ruling equals another form's are dropped: such forms differ only in print, which the grid cannot tell apart.
 */
public final class FormVariants {

    private static final int[] LABEL_WIDTHS = {24, 27, 30, 33, 36, 40};

    private FormVariants() {
    }

    /** Writes {@code count} variants as {@code out/<id>/layout.json}; returns their directories. */
    public static List<Path> write(Path library, Path out, int count, long seed) throws IOException {
        List<JsonNode> sources = new ArrayList<>();
        for (Path form : FormLibrary.sources(library)) {
            sources.add(FormComposer.read(form.resolve("form.json")));
        }
        Set<String> grids = new HashSet<>();
        for (JsonNode s : sources) {
            grids.add(grid(FormComposer.compose(library, s)));
        }
        Random rnd = new Random(seed);
        List<Path> dirs = new ArrayList<>();
        int tries = 0;
        while (dirs.size() < count && tries++ < count * 50) {
            JsonNode base = sources.get(rnd.nextInt(sources.size()));
            ObjectNode v = variant(base, rnd, dirs.size() + 1);
            ObjectNode layout;
            try {
                layout = FormComposer.compose(library, v);
            } catch (IllegalArgumentException tooWideOrLong) {
                continue;
            }
            if (!grids.add(grid(layout))) {
                continue;
            }
            Path dir = out.resolve(v.path("form_id").asText());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("layout.json"), FormLibrary.render(layout));
            dirs.add(dir);
        }
        return dirs;
    }

    private static ObjectNode variant(JsonNode base, Random rnd, int n) {
        ObjectNode v = base.deepCopy();
        v.put("form_id", base.path("form_id").asText().replace("-notification", "") + "-variant-" + n);
        v.put("title", base.path("title").asText().replace("発生届", "") + "発生届（様式案" + n + "）");
        ArrayNode rows = (ArrayNode) v.path("rows");
        List<JsonNode> head = new ArrayList<>();
        List<JsonNode> own = new ArrayList<>();
        List<JsonNode> tail = new ArrayList<>();
        boolean afterPatient = false;
        for (JsonNode r : rows) {
            String block = r.path("block").asText("");
            if (block.startsWith("patient")) {
                head.add(r);
                afterPatient = true;
            } else if (block.equals("dates") || block.equals("closing")) {
                tail.add(r);
            } else if (afterPatient) {
                own.add(r);
            } else {
                head.add(r);
            }
        }
        java.util.Collections.shuffle(own, rnd);
        int width = LABEL_WIDTHS[rnd.nextInt(LABEL_WIDTHS.length)];
        for (JsonNode r : own) {
            for (JsonNode c : r.path("cells")) {
                if (c.path("text").asText("").startsWith("# ") && c.path("w").asDouble() == 30) {
                    ((ObjectNode) c).put("w", width);
                }
            }
        }
        rows.removeAll();
        head.forEach(rows::add);
        if (rnd.nextBoolean()) {
            tail.stream().filter(r -> r.path("block").asText().equals("dates")).forEach(rows::add);
            own.forEach(rows::add);
            tail.stream().filter(r -> !r.path("block").asText().equals("dates")).forEach(rows::add);
        } else {
            own.forEach(rows::add);
            tail.forEach(rows::add);
        }
        return v;
    }

    /** The ruled cells of a layout, as the registration sees them. */
    private static String grid(JsonNode layout) {
        List<String> cells = new ArrayList<>();
        for (JsonNode s : layout.path("static")) {
            if (s.path("border").asBoolean(false) && !s.path("kind").asText().equals("checkbox")) {
                cells.add(s.path("x").asDouble() + "," + s.path("y").asDouble() + "," + s.path("w").asDouble() + "," + s.path("h").asDouble());
            }
        }
        cells.sort(null);
        return String.join(";", cells);
    }
}
