package io.todoke.ocr.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todoke.ocr.Disease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The form templates in a directory: each sub-directory holds a {@code layout.json} (the form as printed) and
 * optionally a {@code template.json} (the engine's settings for it, referring to the layout). A new form version
 * is a new directory, not code.
 */
public final class FormTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FormTemplate> templates;

    public FormTemplates(List<FormTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    public List<FormTemplate> all() {
        return templates;
    }

    public Optional<FormTemplate> byId(String id) {
        return templates.stream().filter(t -> t.id().equals(id) || (t.id() + "@" + t.version()).equals(id)).findFirst();
    }

    /** Loads every template under {@code dir}; {@code dir} may also be a single template's directory. */
    public static FormTemplates load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("form template directory not found: " + dir.toAbsolutePath());
        }
        return new FormTemplates(templateDirs(dir).stream().map(FormTemplates::loadOne).toList());
    }

    /**
     * The template directories under {@code dir} in the order {@link #load} reads them ({@code dir} itself when it is
     * one).
     *
     * @throws IllegalArgumentException when there is none
     */
    public static List<Path> templateDirs(Path dir) {
        List<Path> found = new ArrayList<>();
        if (isTemplateDir(dir)) {
            found.add(dir);
        } else {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(FormTemplates::isTemplateDir).sorted().forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no form template (layout.json) under " + dir.toAbsolutePath());
        }
        return found;
    }

    /** The layout file of a template directory: the one its {@code template.json} names, else {@code layout.json}. */
    public static Path layoutFile(Path templateDir) {
        try {
            Path templateFile = templateDir.resolve("template.json");
            JsonNode settings = Files.isRegularFile(templateFile) ? JSON.readTree(templateFile.toFile()) : JSON.createObjectNode();
            return templateDir.resolve(settings.path("layout").asText("layout.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form template in " + templateDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isTemplateDir(Path d) {
        return Files.isRegularFile(d.resolve("template.json")) || Files.isRegularFile(d.resolve("layout.json"));
    }

    /** Loads one template directory. */
    public static FormTemplate loadOne(Path dir) {
        try {
            Path templateFile = dir.resolve("template.json");
            JsonNode settings = withDefaults(Files.isRegularFile(templateFile) ? JSON.readTree(templateFile.toFile())
                    : JSON.createObjectNode());
            Path layoutFile = dir.resolve(settings.path("layout").asText("layout.json"));
            JsonNode layout = JSON.readTree(layoutFile.toFile());
            return parse(layout, settings, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form template in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The engine's defaults by field type ({@code defaults.json} beside this class): a form whose {@code template.json}
     * lacks a section (or that has none) is read with the default section, so that a new form's template is its
     * layout alone.
     */
    static JsonNode withDefaults(JsonNode settings) {
        ObjectNode merged = settings.isObject() ? ((ObjectNode) settings).deepCopy() : JSON.createObjectNode();
        DEFAULTS.properties().forEach(e -> {
            if (!e.getKey().equals("about") && !merged.has(e.getKey())) {
                merged.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return merged;
    }

    private static final JsonNode DEFAULTS = defaults();

    private static JsonNode defaults() {
        try (var in = FormTemplates.class.getResourceAsStream("defaults.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the engine's template defaults", e);
        }
    }

    static FormTemplate parse(JsonNode layout, JsonNode settings, Path dir) {
        List<StaticElement> statics = new ArrayList<>();
        for (JsonNode s : layout.path("static")) {
            statics.add(new StaticElement(s.path("kind").asText("cell"), s.path("text").asText(""), box(s),
                    s.path("size").asDouble(3.2), s.path("align").asText("left"), s.path("border").asBoolean(false),
                    s.path("bold").asBoolean(false)));
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode f : layout.path("fields")) {
            List<OptionSpec> options = new ArrayList<>();
            for (JsonNode o : f.path("options")) {
                options.add(new OptionSpec(o.path("value").asText(), o.path("label").asText(""), box(o.path("mark")),
                        box(o.path("zone"))));
            }
            fields.add(new FieldSpec(f.path("key").asText(), f.path("label").asText(""), FieldType.of(f.path("type").asText()),
                    box(f.path("box")), f.path("required").asBoolean(false), options));
        }
        Thresholds d = Thresholds.defaults();
        JsonNode t = settings.path("thresholds");
        Map<FieldType, Double> okByType = byType(t.path("ok_by_type"));
        Thresholds thresholds = new Thresholds(t.path("ok").asDouble(d.ok()), t.path("alignment").asDouble(d.alignment()),
                t.path("empty_ink").asDouble(d.emptyInk()), t.path("mark_on").asDouble(d.markOn()),
                t.path("mark_off").asDouble(d.markOff()), t.path("circle_on").asDouble(d.circleOn()),
                t.path("circle_off").asDouble(d.circleOff()), t.path("blank_ink").asDouble(d.blankInk()), okByType,
                t.path("second_reading_below").asDouble(d.secondReadingBelow()), byType(t.path("second_reading_by_type")),
                byType(t.path("agreed_ok_by_type")));
        Map<FieldType, OcrSettings> byType = new EnumMap<>(FieldType.class);
        settings.path("ocr").properties().forEach(e -> byType.put(FieldType.of(e.getKey()), ocr(e.getValue())));
        Map<String, OcrSettings> byField = new HashMap<>();
        settings.path("field_ocr").properties().forEach(e -> byField.put(e.getKey(),
                ocr(overTypeSettings(settings.path("ocr"), fields, e.getKey(), e.getValue()))));
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : settings.path("rules")) {
            rules.add(switch (r.path("type").asText()) {
                case "date_order" -> new Rule.DateOrder(strings(r.path("fields")), r.path("message").asText());
                case "age_at" -> new Rule.AgeAt(r.path("birth").asText(), r.path("at").asText(), r.path("age").asText(),
                        r.path("message").asText());
                case "date_range" -> new Rule.DateRange(strings(r.path("fields")), r.path("min").asText("1868-01-01"),
                        r.path("max").asText("today"), r.path("message").asText());
                case "only_when" -> new Rule.OnlyWhen(r.path("field").asText(), r.path("when").asText(),
                        strings(r.path("values")), r.path("message").asText());
                default -> throw new IllegalArgumentException("unknown rule type: " + r.path("type").asText());
            });
        }
        Map<FieldType, String> reviewChars = new EnumMap<>(FieldType.class);
        settings.path("review_chars").properties().forEach(e -> reviewChars.put(FieldType.of(e.getKey()), e.getValue().asText()));
        JsonNode page = layout.path("page");
        return new FormTemplate(settings.path("id").asText(layout.path("form_id").asText()),
                settings.path("version").asText(layout.path("version").asText("")), layout.path("title").asText(""),
                page.path("width_mm").asDouble(210), page.path("height_mm").asDouble(297), statics, fields, thresholds,
                byType, byField, rules, strings(settings.path("cover_anchors")), reviewChars, names(settings.path("names")),
                lexicon(settings.path("lexicon"), dir), disease(layout.path("disease")));
    }

    /** {@code "disease": {"code", "name"}}; null (the form's own id and title) when the layout names none. */
    private static Disease disease(JsonNode d) {
        String code = d.path("code").asText("").strip();
        return code.isEmpty() ? null : new Disease(code, d.path("name").asText("").strip());
    }

    private static NameDictionary names(JsonNode n) {
        if (n.isMissingNode() || !n.hasNonNull("dictionary")) {
            return NameDictionary.NONE;
        }
        Map<String, String> fields = new HashMap<>();
        n.path("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText("")));
        return new NameDictionary(Path.of(n.path("dictionary").asText()),
                java.nio.charset.Charset.forName(n.path("encoding").asText("UTF-8")), fields,
                n.path("glyph_check").asBoolean(false));
    }

    private static Map<FieldType, Double> byType(JsonNode n) {
        Map<FieldType, Double> out = new EnumMap<>(FieldType.class);
        n.properties().forEach(e -> out.put(FieldType.of(e.getKey()), e.getValue().asDouble()));
        return out;
    }

    private static LexiconSource lexicon(JsonNode n, Path dir) {
        if (n.isMissingNode() || !n.hasNonNull("directory")) {
            return LexiconSource.NONE;
        }
        List<String> terms = new ArrayList<>();
        n.path("terms").forEach(t -> terms.add(t.asText()));
        return new LexiconSource(Path.of(n.path("directory").asText()),
                java.nio.charset.Charset.forName(n.path("encoding").asText("UTF-8")), n.path("mend_by_shape").asBoolean(false),
                lists(n.path("wards")), terms, lists(n.path("vocabularies")), lookAlikes(n.path("look_alikes")),
                n.hasNonNull("towns") ? towns(dir.resolve(n.path("towns").asText())) : Map.of(),
                n.path("grammar_check").asBoolean(false));
    }

    /**
     * The town list {@code lexicon.towns} names, relative to the template's directory: lines of prefecture, city (with
     * its ward) and town, tab-separated, {@code #} comments; city → its towns.
     */
    static Map<String, List<String>> towns(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("lexicon.towns: no such file: " + file.toAbsolutePath());
        }
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 3 || cols[1].isBlank() || cols[2].isBlank()) {
                    throw new IllegalArgumentException("lexicon.towns: " + file + " line " + (i + 1)
                            + ": expected prefecture, city and town separated by tabs: " + line);
                }
                out.computeIfAbsent(cols[1].strip(), k -> new ArrayList<>()).add(cols[2].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lexicon.towns: cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** {"朗": "郎", …}: each key one character, each value the characters it may stand for. */
    private static Map<Character, String> lookAlikes(JsonNode n) {
        Map<Character, String> out = new java.util.LinkedHashMap<>();
        n.properties().forEach(e -> {
            String read = e.getKey();
            String meant = e.getValue().asText("");
            if (read.length() != 1 || meant.isEmpty() || meant.indexOf(read.charAt(0)) >= 0) {
                throw new IllegalArgumentException("lexicon.look_alikes: \"" + read + "\": \"" + meant
                        + "\" must map one character to the other characters it may stand for");
            }
            out.put(read.charAt(0), meant);
        });
        return out;
    }

    /** An object of string arrays, e.g. {"神戸市": ["東灘区", …]}. */
    private static Map<String, List<String>> lists(JsonNode n) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        n.properties().forEach(e -> {
            List<String> list = new ArrayList<>();
            e.getValue().forEach(w -> list.add(w.asText()));
            out.put(e.getKey(), list);
        });
        return out;
    }

    /**
     * A field's own OCR settings over its type's, key by key: a field states only what differs ({@code "checks"} for a
     * name), the rest it reads as its type does.
     */
    private static JsonNode overTypeSettings(JsonNode byType, List<FieldSpec> fields, String key, JsonNode own) {
        JsonNode base = fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .map(f -> byType.path(f.type().json())).orElse(MissingNode.getInstance());
        if (!base.isObject() || !own.isObject()) {
            return own;
        }
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        merged.setAll((ObjectNode) own);
        return merged;
    }

    private static OcrSettings ocr(JsonNode n) {
        return new OcrSettings(n.path("language").asText("jpn"), n.path("psm").asInt(7), n.path("whitelist").asText(""),
                n.path("verify_scale").asDouble(0), n.path("scale").asDouble(1.0), confusions(n.path("confusions")),
                n.path("other_language").asText(""), checks(n.path("checks")));
    }

    private static List<OcrSettings.Check> checks(JsonNode n) {
        List<OcrSettings.Check> out = new ArrayList<>();
        for (String name : strings(n)) {
            try {
                out.add(OcrSettings.Check.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown check \"" + name + "\" (known: enlarged, other_language)", e);
            }
        }
        return out;
    }

    private static Map<String, List<String>> confusions(JsonNode n) {
        Map<String, List<String>> out = new HashMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), strings(e.getValue())));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static MmBox box(JsonNode b) {
        return new MmBox(b.path("x").asDouble(), b.path("y").asDouble(), b.path("w").asDouble(), b.path("h").asDouble());
    }
}
