package io.todoke.tools.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.align.FormChoice;
import io.todoke.ocr.align.PageAligner;
import io.todoke.ocr.decode.DecodedFax;
import io.todoke.ocr.decode.FaxDecoder;
import io.todoke.ocr.decode.PageRaster;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.image.OpenCvLoader;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;
import io.todoke.tools.rendered.RenderedGenerator;
import io.todoke.tools.rendered.Role;
import io.todoke.tools.samples.FormLayout;
import io.todoke.tools.samples.SampleGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Page classification among all the library's forms, as the engine does it (clean, then {@link FormChoice} over every
 * template), scored against generated faxes' truth: a form page must get its own template, a cover sheet or blank
 * page none. A page given another form's template is the error that must never happen (it would be read from the
 * wrong cells); a form page given none goes to a clerk as unknown.
 *
 * <pre>FormClassification --out DIR [--count N per form] [--rendered M per form] [--seed S] [--templates config/forms]
 *                    [--variants N] [--variant-faxes K]</pre>
 * With {@code --variants}, N made-up forms ({@link FormVariants}) join the templates and K of them get a fax each.
 */
public final class FormClassification {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page: what it is ({@code <form id>}, {@code cover}, {@code blank}) and what it was taken for ({@code none}). */
    public record Page(String fax, int page, String truth, String chosen, double found, double explained, double otherExplained) {
        public boolean right() {
            return truth.equals(chosen) || (!isForm(truth) && chosen.equals("none"));
        }

        /** A page read with another form's template: the error that must never happen. */
        public boolean wrongTemplate() {
            return !chosen.equals("none") && !chosen.equals(truth);
        }
    }

    private FormClassification() {
    }

    static boolean isForm(String truth) {
        return !truth.equals("cover") && !truth.equals("blank");
    }

    /** Generates {@code count} faxes of every form with a layout under {@code library} (path A) into {@code out}. */
    public static List<Path> generate(Path library, Path out, int count, long seed) throws IOException {
        try (Stream<Path> dirs = Files.list(library)) {
            return generate(dirs.filter(d -> Files.isRegularFile(d.resolve("layout.json"))).sorted().toList(), out, count, seed);
        }
    }

    /** Generates {@code count} faxes of each form directory (path A) into {@code out/<form id>}. */
    public static List<Path> generate(List<Path> forms, Path out, int count, long seed) throws IOException {
        List<Path> faxes = new ArrayList<>();
        for (Path d : forms) {
            FormLayout layout = FormLayout.read(d.resolve("layout.json"));
            faxes.addAll(new SampleGenerator(layout, SampleGenerator.Options.MIXED)
                    .generate(out.resolve(layout.formId()), count, seed));
        }
        return faxes;
    }

    /**
     * Generates {@code count} faxes of every library form on path B (HTML → Chromium → Ghostscript, evaluation fonts
     * and names) into {@code out/rendered/<form id>}.
     */
    public static List<Path> generateRendered(Path library, Path out, int count, long seed) throws IOException {
        List<Path> faxes = new ArrayList<>();
        Path towns = library.resolve("covid19-notification/towns.tsv");
        try (Stream<Path> dirs = Files.list(library)) {
            for (Path d : dirs.filter(d -> Files.isRegularFile(d.resolve("layout.json"))).sorted().toList()) {
                FormLayout layout = FormLayout.read(d.resolve("layout.json"));
                RenderedGenerator g = new RenderedGenerator(layout, Role.EVALUATION, towns);
                Path dir = Files.createDirectories(out.resolve("rendered").resolve(layout.formId()));
                for (int i = 0; i < count; i++) {
                    faxes.add(g.write(dir, seed, i));
                }
            }
        }
        return faxes;
    }

    /** Classifies every page of the faxes whose truth files lie beside them, {@code threads} faxes at a time. */
    public static List<Page> classify(List<Path> faxes, List<FormTemplate> templates, double pxPerMm)
            throws IOException, UnreadableFaxException {
        OpenCvLoader.load();
        int threads = Math.max(1, Integer.getInteger("todoke.classification.threads", 4));
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            return pool.submit(() -> faxes.parallelStream().map(f -> {
                try {
                    return classifyOne(f, templates, pxPerMm);
                } catch (IOException | UnreadableFaxException e) {
                    throw new IllegalStateException(f + ": " + e.getMessage(), e);
                }
            }).flatMap(List::stream).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static List<Page> classifyOne(Path fax, List<FormTemplate> templates, double pxPerMm)
            throws IOException, UnreadableFaxException {
        FaxDecoder decoder = new FaxDecoder();
        List<Page> out = new ArrayList<>();
        String name = fax.getFileName().toString();
        JsonNode truth = JSON.readTree(fax.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".truth.json").toFile());
        Map<Integer, String> expected = new TreeMap<>();
        truth.path("pages").forEach(p -> expected.put(p.path("page").asInt(), p.path("kind").asText()));
        truth.path("forms").forEach(f -> f.path("pages").forEach(p -> expected.put(p.asInt(), f.path("template").asText())));
        try (DecodedFax decoded = decoder.open(fax)) {
            for (int i = 0; i < decoded.pageCount(); i++) {
                Gray working = Gray.of(PageRaster.toWorking(decoded.page(i), pxPerMm));
                PageAligner.Cleaned cleaned = PageAligner.clean(working, pxPerMm);
                String chosen = "blank";
                double found = 0;
                double explained = 0;
                double other = 0;
                if (cleaned.inkFraction() >= templates.get(0).thresholds().blankInk()) {
                    FormChoice.Choice c = FormChoice.choose(cleaned, templates, pxPerMm);
                    chosen = c.template() == null ? "none" : c.template().id();
                    found = c.found();
                    explained = c.explained();
                    String right = expected.getOrDefault(i, "blank");
                    other = c.candidates().stream().filter(k -> !k.template().id().equals(right))
                            .mapToDouble(FormChoice.Candidate::explained).max().orElse(0);
                    if (System.getenv("TODOKE_CLASSIFICATION_VERBOSE") != null) {
                        int at = i;
                        c.candidates().forEach(k -> System.out.printf("  %s page %d (%s): %s found %.3f explained %.3f missing %.3f%n",
                                name, at, right, k.template().id(), k.found(), k.explained(), k.missing()));
                    }
                } else {
                    chosen = "none";
                }
                out.add(new Page(fax.getParent().getFileName() + "/" + name, i, expected.getOrDefault(i, "blank"),
                        chosen, found, explained, other));
            }
        }
        return out;
    }

    /** Per truth (each form, cover, blank): pages, right, read with a wrong template, form pages taken for none. */
    public static String table(List<Page> pages) {
        Map<String, int[]> rows = new TreeMap<>();
        for (Page p : pages) {
            int[] r = rows.computeIfAbsent(p.truth().contains("-variant-") ? "(variant forms)" : p.truth(), k -> new int[4]);
            r[0]++;
            r[1] += p.right() ? 1 : 0;
            r[2] += p.wrongTemplate() ? 1 : 0;
            r[3] += isForm(p.truth()) && p.chosen().equals("none") ? 1 : 0;
        }
        StringBuilder b = new StringBuilder("| page | pages | right | wrong template | form taken for none |\n| --- | --- | --- | --- | --- |\n");
        int[] all = new int[4];
        rows.forEach((k, r) -> {
            b.append(String.format("| %s | %d | %d (%.1f %%) | %d | %d |%n", k, r[0], r[1], 100.0 * r[1] / r[0], r[2], r[3]));
            for (int i = 0; i < 4; i++) {
                all[i] += r[i];
            }
        });
        b.append(String.format("| **all** | %d | %d (%.2f %%) | %d | %d |%n", all[0], all[1], 100.0 * all[1] / Math.max(1, all[0]),
                all[2], all[3]));
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path library = Path.of(a.getOrDefault("templates", "config/forms"));
        Path out = Path.of(a.getOrDefault("out", "target/classification"));
        int count = Integer.parseInt(a.getOrDefault("count", "4"));
        long seed = Long.parseLong(a.getOrDefault("seed", "7"));
        List<Path> faxes = new ArrayList<>(generate(library, out, count, seed));
        List<FormTemplate> templates = new ArrayList<>(FormTemplates.load(library).all());
        int rendered = Integer.parseInt(a.getOrDefault("rendered", "0"));
        if (rendered > 0) {
            faxes.addAll(generateRendered(library, out, rendered, seed));
        }
        int variants = Integer.parseInt(a.getOrDefault("variants", "0"));
        if (variants > 0) {
            List<Path> made = FormVariants.write(library, out.resolve("variant-templates"), variants, seed);
            made.forEach(d -> templates.add(FormTemplates.loadOne(d)));
            int withFaxes = Math.min(made.size(), Integer.parseInt(a.getOrDefault("variant-faxes", "12")));
            faxes.addAll(generate(made.subList(0, withFaxes), out.resolve("variant-faxes"), 1, seed));
        }
        List<Page> pages = classify(faxes, templates, EngineConfig.defaults().pxPerMm());
        for (Page p : pages) {
            if (System.getenv("TODOKE_CLASSIFICATION_VERBOSE") != null) {
                System.out.printf("%s p%d %s -> %s found %.3f explained %.3f other %.3f%n", p.fax(), p.page(), p.truth(),
                        p.chosen(), p.found(), p.explained(), p.otherExplained());
            }
            if (!p.right()) {
                System.out.printf("MISS %s page %d: %s taken for %s (found %.3f, explained %.3f)%n", p.fax(), p.page(),
                        p.truth(), p.chosen(), p.found(), p.explained());
            }
        }
        System.out.printf("Classification among %d templates (%d variants), %d faxes (per library form %d on path A and"
                + " %d on path B; 1 per variant with faxes, path A; seed %d):%n%n", templates.size(), variants, faxes.size(),
                count, rendered, seed);
        System.out.print(table(pages));
        double minExplained = pages.stream().filter(p -> p.right() && isForm(p.truth())).mapToDouble(Page::explained).min().orElse(0);
        double maxOther = pages.stream().mapToDouble(Page::otherExplained).max().orElse(0);
        System.out.printf("%nshare of the page's ruling on the template's: lowest on a form page's own template %.3f,"
                + " highest on any other template %.3f (threshold %.2f)%n", minExplained, maxOther, FormChoice.MIN_EXPLAINED);
    }
}
