package io.todoke.ocr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.engine.TodokeEngine;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code todoke extract FILE... [--template DIR_OR_ID] [--templates DIR] [--tessdata DIR]}: prints one JSON
 * document per file (one per line). Exit code 2 when a file is unreadable (its one-line reason goes to stderr),
 * 64 on wrong usage. Set OMP_THREAD_LIMIT=1 (bin/todoke does): Tesseract's OpenMP threads slow it down 2-3x.
 */
public final class TodokeCli {

    static final String USAGE = "usage: todoke extract FILE... [--template DIR_OR_ID] [--templates DIR] [--tessdata DIR]";

    private TodokeCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"extract".equals(args[0])) {
            err.println(USAGE);
            return 64;
        }
        EngineConfig config = EngineConfig.defaults();
        String template = null;
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && i + 1 >= args.length) {
                err.println("missing value for " + a + "; " + USAGE);
                return 64;
            }
            switch (a) {
                case "--template" -> template = args[++i];
                case "--templates" -> config = config.withTemplates(Path.of(args[++i]));
                case "--tessdata" -> config = config.withTessdata(Path.of(args[++i]));
                default -> {
                    if (a.startsWith("--")) {
                        err.println("unknown option " + a + "; " + USAGE);
                        return 64;
                    }
                    files.add(Path.of(a));
                }
            }
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return 64;
        }
        if (System.getenv("OMP_THREAD_LIMIT") == null) {
            err.println("warning: OMP_THREAD_LIMIT is not set; set OMP_THREAD_LIMIT=1 (bin/todoke does) or Tesseract runs 2-3x slower");
        }
        List<FormTemplate> templates;
        try {
            templates = templates(config, template);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("todoke: " + e.getMessage());
            return 64;
        }
        ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        int exit = 0;
        try (TodokeEngine engine = new TodokeEngine(config, templates)) {
            for (Path f : files) {
                try {
                    FaxReading reading = engine.read(f);
                    out.println(json.writeValueAsString(document(f, reading)));
                } catch (UnreadableFaxException e) {
                    err.println(f + ": unreadable (" + e.reason().name().toLowerCase(java.util.Locale.ROOT) + "): " + e.getMessage());
                    exit = 2;
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    err.println(f + ": cannot write JSON: " + e.getMessage());
                    exit = 1;
                }
            }
        }
        return exit;
    }

    static List<FormTemplate> templates(EngineConfig config, String template) {
        if (template == null) {
            return FormTemplates.load(config.templates()).all();
        }
        Path dir = Path.of(template);
        if (Files.isDirectory(dir)) {
            return FormTemplates.load(dir).all();
        }
        return List.of(FormTemplates.load(config.templates()).byId(template)
                .orElseThrow(() -> new IllegalArgumentException("no form template " + template + " under " + config.templates())));
    }

    static Map<String, Object> document(Path file, FaxReading r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", file.toString());
        List<Map<String, Object>> pages = new ArrayList<>();
        r.pages().forEach(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("page", p.page());
            m.put("kind", p.kind());
            m.put("template", p.templateId());
            m.put("score", round(p.score()));
            m.put("rotation", p.rotation());
            pages.add(m);
        });
        doc.put("pages", pages);
        List<Map<String, Object>> forms = new ArrayList<>();
        for (FormReading f : r.forms()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pages", f.pages());
            m.put("template", f.templateId());
            m.put("version", f.templateVersion());
            m.put("alignment", round(f.alignment()));
            m.put("ready", f.readyToConfirm());
            Map<String, Object> fields = new LinkedHashMap<>();
            for (FieldReading fr : f.fields().values()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("value", fr.value());
                x.put("raw", fr.raw());
                x.put("confidence", round(fr.confidence()));
                x.put("status", fr.status());
                x.put("page", fr.page());
                x.put("box", List.of(fr.box().x(), fr.box().y(), fr.box().width(), fr.box().height()));
                x.put("messages", fr.messages());
                fields.put(fr.key(), x);
            }
            m.put("fields", fields);
            m.put("messages", f.messages());
            forms.add(m);
        }
        doc.put("forms", forms);
        return doc;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
