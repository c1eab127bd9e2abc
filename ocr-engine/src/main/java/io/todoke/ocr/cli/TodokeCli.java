package io.todoke.ocr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.ReadingInterruptedException;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code todoke extract FILE... [--template DIR_OR_ID] [--templates DIR] [--tessdata DIR] [--threads N]}: prints one
 * JSON document per file (one per line), in the order the files are given; the files are read on {@code N} threads
 * (default: one per core, at most one per file). Exit code 2 when a file is unreadable (its one-line reason goes to stderr),
 * 64 on wrong usage. Set OMP_THREAD_LIMIT=1 (bin/todoke does): Tesseract's OpenMP threads slow it down 2-3x.
 */
public final class TodokeCli {

    static final String USAGE = "usage: todoke extract FILE... [--template DIR_OR_ID] [--templates DIR] [--tessdata DIR] [--threads N]\n"
            + "       todoke propose BLANK_FORM [--templates DIR] [--tessdata DIR] [--exclude FORM_ID]";

    private TodokeCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && "propose".equals(args[0])) {
            return ProposeCommand.run(args, out, err);
        }
        if (args.length == 0 || !"extract".equals(args[0])) {
            err.println(USAGE);
            return 64;
        }
        EngineConfig config = EngineConfig.defaults();
        String template = null;
        int threads = 0;
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
                case "--threads" -> {
                    try {
                        threads = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        threads = -1;
                    }
                    if (threads < 1) {
                        err.println("--threads needs a positive number; " + USAGE);
                        return 64;
                    }
                }
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
            List<Callable<Outcome>> readings = files.stream().<Callable<Outcome>>map(f -> () -> extract(engine, json, f)).toList();
            int n = threads > 0 ? threads : Math.min(files.size(), Runtime.getRuntime().availableProcessors());
            int[] worst = {0};
            inOrder(readings, n, o -> {
                if (o.json() != null) {
                    out.println(o.json());
                } else {
                    err.println(o.error());
                }
                worst[0] = Math.max(worst[0], o.exit());
            });
            exit = worst[0];
        }
        return exit;
    }

    /** One file's JSON document, or its one-line error and exit code. */
    record Outcome(String json, String error, int exit) {
    }

    private static Outcome extract(TodokeEngine engine, ObjectMapper json, Path f) {
        try {
            return new Outcome(json.writeValueAsString(document(f, engine.read(f))), null, 0);
        } catch (UnreadableFaxException e) {
            return new Outcome(null, f + ": unreadable (" + e.reason().name().toLowerCase(java.util.Locale.ROOT) + "): "
                    + e.getMessage(), 2);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Outcome(null, f + ": cannot write JSON: " + e.getMessage(), 1);
        } catch (ReadingInterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            // one file's failure is its own line: the other files are still read
            return new Outcome(null, f + ": failed (" + e.getClass().getSimpleName() + "): " + e.getMessage(), 1);
        }
    }

    /**
     * Runs the readings on {@code threads} threads (each with its own Tesseract) and hands their outcomes to
     * {@code each} in the order given, each as soon as it and those before it are done.
     */
    static void inOrder(List<Callable<Outcome>> readings, int threads, Consumer<Outcome> each) {
        if (threads <= 1) {
            readings.forEach(r -> each.accept(call(r)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            readings.forEach(r -> futures.add(pool.submit(r)));
            futures.forEach(f -> each.accept(get(f)));
        } finally {
            // every reading has ended before the engine and its Tesseract handles are closed
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    private static Outcome call(Callable<Outcome> r) {
        try {
            return r.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome get(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadingInterruptedException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a Tesseract recognition is not interruptible: wait for it to return
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            m.put("disease", Map.of("code", f.disease().code(), "name", f.disease().name()));
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
