package io.todoke.tools.rendered;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.todoke.tools.samples.FilledForm;
import io.todoke.tools.samples.FormLayout;
import io.todoke.tools.samples.MarkStyle;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Path B of the benchmark: sample faxes made independently of the Java2D generator. Values of one {@link Role}
 * ({@link RenderedValues}) → {@link FormHtml} in a font of that role's group → headless Chromium → PDF → Ghostscript
 * (its fax devices, or 300 dpi grey and {@link FaxDamage}) → CCITT TIFF or PDF, with a truth JSON next to each in
 * the format {@code FaxTruth} reads.
 *
 * <pre>RenderedGenerator --out DIR --count N --seed S --role calibration|evaluation [--layout layout.json]
 *                   [--threads T]</pre>
 */
public final class RenderedGenerator {

    /** What one fax is made of, drawn from the seed. */
    record Spec(String name, Role role, boolean handwriting, boolean fine, boolean g4, boolean tiff, boolean greyDamage,
                boolean cover, boolean tti, FormHtml.Writing writing) {
    }

    private final FormLayout layout;
    private final RenderedFonts fonts = RenderedFonts.load();
    private final RenderedValues values;
    private final Role role;

    public RenderedGenerator(FormLayout layout, Role role, Path townsTsv) {
        this.layout = layout;
        this.role = role;
        this.values = new RenderedValues(layout, new WordLists(role, townsTsv));
    }

    Spec spec(long seed, int index, Random rnd) {
        boolean hand = rnd.nextInt(5) < 2;
        RenderedFonts.Font font = fonts.pick(rnd, role, hand);
        MarkStyle marks = MarkStyle.values()[rnd.nextInt(MarkStyle.values().length)];
        double jitter = hand ? 0.5 + rnd.nextDouble() : rnd.nextInt(3) == 0 ? 0.2 : 0;
        double stroke = new double[] {0, 0, 0.03, 0.07}[rnd.nextInt(4)];
        String ink = hand ? new String[] {"#000", "#1c1c3a", "#222"}[rnd.nextInt(3)] : "#000";
        return new Spec(String.format(Locale.ROOT, "b-%s-%d-%03d", role.json(), seed, index), role, hand,
                rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextInt(5) == 0, rnd.nextBoolean(), rnd.nextInt(4) == 0,
                rnd.nextInt(5) < 3, new FormHtml.Writing(font, jitter, stroke, marks, ink));
    }

    /** Writes fax index of the set seed, and its truth, into dir. */
    public Path write(Path dir, long seed, int index) throws IOException {
        Random rnd = new Random(seed * 1_000_003L + index * 7_919L + role.ordinal());
        Spec spec = spec(seed, index, rnd);
        FilledForm form = values.fill(rnd, spec.handwriting());
        FormHtml.Tti tti = spec.tti() ? new FormHtml.Tti(String.format(Locale.ROOT, "%s %02d:%02d",
                form.truth().get("report_date").toString().replace('-', '/'), 8 + rnd.nextInt(10), rnd.nextInt(60)),
                form.written().get("facility_phone"), "CLINIC") : null;
        String html = new FormHtml(layout).page(form, spec.writing(), tti, spec.cover(), rnd);
        Path work = Files.createTempDirectory("todoke-rendered");
        try {
            Path htmlFile = work.resolve("page.html");
            Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
            Path pdf = work.resolve("page.pdf");
            FaxPipeline.printToPdf(htmlFile, pdf);
            Path tiff = work.resolve("fax.tif");
            List<Double> skews = new ArrayList<>();
            int xdpi = 204;
            int ydpi = spec.fine() ? 196 : 98;
            if (spec.greyDamage()) {
                List<Path> pbms = new ArrayList<>();
                for (Path png : FaxPipeline.ghostscriptGrey(pdf, work)) {
                    FaxDamage.Damage d = FaxDamage.Damage.draw(rnd, spec.fine());
                    skews.add(Math.round(d.skewDeg() * 100) / 100.0);
                    Path pbm = png.resolveSibling(png.getFileName() + ".pbm");
                    FaxDamage.writePbm(FaxDamage.apply(ImageIO.read(png.toFile()), xdpi, ydpi, d, rnd), pbm);
                    pbms.add(pbm);
                }
                FaxPipeline.encode(pbms, spec.g4(), xdpi, ydpi, tiff);
            } else {
                FaxPipeline.ghostscriptFax(pdf, spec.g4(), spec.fine(), tiff);
                skews.add(0.0);
                if (spec.cover()) {
                    skews.add(0.0);
                }
            }
            Path out = dir.resolve(spec.name() + (spec.tiff() ? ".tif" : ".pdf"));
            if (spec.tiff()) {
                Files.copy(tiff, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                FaxPipeline.tiffToPdf(tiff, out);
            }
            Files.write(dir.resolve(spec.name() + ".truth.json"), truth(spec, form, out, skews));
            return out;
        } finally {
            FaxPipeline.deleteTree(work);
        }
    }

    byte[] truth(Spec spec, FilledForm form, Path out, List<Double> skews) throws IOException {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("file", out.getFileName().toString());
        t.put("format", spec.tiff() ? "tiff" : "pdf");
        t.put("compression", spec.g4() ? "g4" : "g3");
        t.put("mode", spec.fine() ? "fine" : "standard");
        t.put("xdpi", 204);
        t.put("ydpi", spec.fine() ? 196 : 98);
        t.put("style", spec.handwriting() ? "handwriting" : "print");
        t.put("font", spec.writing().font().family());
        t.put("font_package", spec.writing().font().debianPackage());
        t.put("mark_style", spec.writing().marks().json());
        t.put("path", "B");
        t.put("role", spec.role().json());
        t.put("imaging", spec.greyDamage() ? "gs-pnggray-300+damage" : spec.g4() ? "gs-tiffg4" : "gs-tiffg3");
        List<Map<String, Object>> pages = new ArrayList<>();
        int formPage = spec.cover() ? 1 : 0;
        for (int i = 0; i <= formPage; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("page", i);
            p.put("kind", i == formPage ? "form" : "cover");
            p.put("rotation", 0);
            p.put("skew_deg", i < skews.size() ? skews.get(i) : 0.0);
            pages.add(p);
        }
        t.put("pages", pages);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("pages", List.of(formPage));
        f.put("template", layout.formId());
        f.put("version", layout.version());
        f.put("fields", form.truth());
        f.put("written", form.written());
        t.put("forms", List.of(f));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(t);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = io.todoke.tools.samples.SampleGenerator.parseArgs(args, "out", "count", "seed", "role",
                "layout", "threads", "towns");
        if (!a.containsKey("out") || !a.containsKey("role")) {
            System.err.println("usage: RenderedGenerator --out DIR --count N --seed S --role calibration|evaluation"
                    + " [--layout layout.json] [--threads T]");
            System.exit(2);
        }
        FormLayout layout = a.containsKey("layout") ? FormLayout.read(Path.of(a.get("layout"))) : FormLayout.canonical();
        Path towns = Path.of(a.getOrDefault("towns", "config/forms/covid19-notification/towns.tsv"));
        RenderedGenerator g = new RenderedGenerator(layout, Role.parse(a.get("role")), towns);
        Path dir = Files.createDirectories(Path.of(a.get("out")));
        int count = Integer.parseInt(a.getOrDefault("count", "40"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        int threads = Integer.parseInt(a.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> g.write(dir, seed, index)));
            }
            for (Future<Path> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.err.printf(Locale.ROOT, "wrote %d path-B faxes (%s, seed %d) with truth to %s%n", count,
                g.role.json(), seed, dir);
    }
}
