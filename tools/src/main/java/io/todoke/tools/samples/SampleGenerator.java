package io.todoke.tools.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Makes sample faxes of filled notification forms with a truth JSON next to each.
 *
 * <pre>
 * SampleGenerator --out DIR --count N --seed S [--mode fine|standard|mixed] [--style print|handwriting|mixed]
 *                 [--format pdf|tiff|pdf-text|png|jpeg|mixed] [--compression g3|g4|mixed] [--layout layout.json]
 *                 [--first N]
 * </pre>
 * {@code --first N} starts the set at fax number N (default 1): fax N is the same whichever set it is made in.
 * The same seed gives the same files, byte for byte. In a mixed set the first eight faxes together cover every fax
 * mode, format, compression, font style and mark style, a cover sheet, a page upside down and a blank page; the rest
 * are drawn at random. A mixed set holds faxes only (PDF and TIFF); the other formats are made when asked for:
 * {@code pdf-text} is a form filled in on a PC and sent as a PDF (the fax image plus an invisible text layer with the
 * typed values; typed, never turned or skewed), {@code png} and {@code jpeg} are one-page greyscale scans at 200 dpi.
 */
public final class SampleGenerator {

    /** What to generate; null for a choice means mixed. */
    public record Options(FaxMode mode, Boolean handwriting, String format, FaxWriter.Compression compression) {
        public static final Options MIXED = new Options(null, null, null, null);
    }

    /** One page of a fax: what it is, how it was turned, which form (index into forms) it shows. */
    public record PageSpec(String kind, int rotation, double skewDeg, int form) {
    }

    /** Everything decided about one fax before it is drawn. */
    public record FaxSpec(String name, FaxMode mode, String format, FaxWriter.Compression compression,
                          FontBook.Face face, double jitterMm, MarkStyle marks, DateStyle dates,
                          List<PageSpec> pages, List<FilledForm> forms) {
        public boolean handwriting() {
            return face.handwriting();
        }

        public String fileName() {
            return name + switch (format) {
                case "pdf", PDF_TEXT -> ".pdf";
                case "png" -> ".png";
                case "jpeg" -> ".jpg";
                default -> ".tif";
            };
        }

        boolean scan() {
            return format.equals("png") || format.equals("jpeg");
        }

        /** What the truth calls the compression: the fax image's, or the scan file's own. */
        String compressionName() {
            return scan() ? format : compression.json();
        }
    }

    /** The format of a PC-made PDF with a text layer. */
    public static final String PDF_TEXT = "pdf-text";

    private final FormLayout layout;
    private final FormFiller filler;
    private final Options options;

    public SampleGenerator(FormLayout layout, Options options) {
        this.layout = layout;
        this.filler = new FormFiller(layout);
        this.options = options;
    }

    /** Decides the i-th fax of the set made with this seed (independent of the others, so any order gives it). */
    public FaxSpec plan(long seed, int index) {
        Random rnd = new Random(seed * 1_000_003L + index);
        boolean cover = index < 8 ? index % 3 == 0 : rnd.nextInt(4) == 0;
        FaxMode mode = options.mode() != null ? options.mode()
                : index < 8 ? ((index & 1) == 0 ? FaxMode.FINE : FaxMode.STANDARD)
                : rnd.nextInt(5) < 3 ? FaxMode.FINE : FaxMode.STANDARD;
        String format = options.format() != null ? options.format()
                : index < 8 ? (((index >> 1) & 1) == 0 ? "pdf" : "tiff") : rnd.nextInt(3) < 2 ? "pdf" : "tiff";
        FaxWriter.Compression compression = options.compression() != null ? options.compression() : index < 8
                ? (((index >> 2) & 1) == 0 ? FaxWriter.Compression.G4 : FaxWriter.Compression.G3)
                : rnd.nextBoolean() ? FaxWriter.Compression.G4 : FaxWriter.Compression.G3;
        boolean typed = PDF_TEXT.equals(options.format());
        boolean handwriting = !typed && (options.handwriting() != null ? options.handwriting()
                : index < 8 ? Integer.bitCount(index) % 2 == 1 : rnd.nextInt(3) == 0);
        List<FontBook.Face> faces = handwriting ? FontBook.HANDWRITING : FontBook.PRINT;
        FontBook.Face face = faces.get(index < 8 ? (index / 2) % faces.size() : rnd.nextInt(faces.size()));
        MarkStyle marks = MarkStyle.values()[index < 8 ? index % 4 : rnd.nextInt(4)];
        DateStyle dates = DateStyle.values()[index < 8 ? (index + 1) % 4 : rnd.nextInt(4)];
        double jitter = handwriting ? 0.3 + rnd.nextDouble() * 0.5 : 0;

        int formCount = rnd.nextInt(8) == 0 ? 2 : 1;
        List<FilledForm> forms = new ArrayList<>();
        for (int f = 0; f < formCount; f++) {
            forms.add(filler.fill(rnd, dates, handwriting));
        }
        List<PageSpec> pages = new ArrayList<>();
        if (cover) {
            pages.add(new PageSpec("cover", 0, skew(rnd), -1));
        }
        boolean upsideDown = index < 8 ? index % 5 == 2 : rnd.nextInt(10) == 0;
        for (int f = 0; f < formCount; f++) {
            pages.add(new PageSpec("form", upsideDown && f == formCount - 1 ? 180 : 0, skew(rnd), f));
        }
        boolean blank = index < 8 ? index == 5 : rnd.nextInt(12) == 0;
        if (blank) {
            pages.add(new PageSpec("blank", 0, skew(rnd), -1));
        }
        FaxSpec spec = new FaxSpec(String.format(Locale.ROOT, "fax-%04d", index + 1), mode, format, compression, face,
                jitter, marks, dates, List.copyOf(pages), List.copyOf(forms));
        return typed ? straight(spec) : spec.scan() ? scanned(spec) : spec;
    }

    /** A PC's PDF: every page exactly upright. */
    private static FaxSpec straight(FaxSpec s) {
        List<PageSpec> pages = s.pages().stream().map(p -> new PageSpec(p.kind(), 0, 0, p.form())).toList();
        return new FaxSpec(s.name(), s.mode(), s.format(), s.compression(), s.face(), s.jitterMm(), s.marks(), s.dates(),
                pages, s.forms());
    }

    /** A scan is one image: the first form alone, in square pixels, a little less skewed than a fax feeder's. */
    private static FaxSpec scanned(FaxSpec s) {
        PageSpec form = s.pages().stream().filter(p -> p.form() == 0).findFirst().orElseThrow();
        PageSpec page = new PageSpec("form", form.rotation(), Math.round(form.skewDeg() * 50) / 100.0, 0);
        return new FaxSpec(s.name(), FaxMode.SCAN, s.format(), s.compression(), s.face(), s.jitterMm(), s.marks(),
                s.dates(), List.of(page), List.of(s.forms().get(0)));
    }

    private static double skew(Random rnd) {
        return Math.round((rnd.nextDouble() * 6 - 3) * 100) / 100.0;
    }

    /** Draws, degrades and writes the fax and its truth into dir; returns the fax file. */
    public Path write(FaxSpec spec, long seed, int index, Path dir) throws IOException {
        Random rnd = new Random(seed * 7_919L + index * 31L + 17);
        Path file = dir.resolve(spec.fileName());
        if (spec.scan()) {
            BufferedImage page = renderScan(spec, rnd);
            try (OutputStream out = Files.newOutputStream(file)) {
                ScanWriter.write(page, spec.format(), spec.mode().xdpi, 0.55f + rnd.nextInt(20) / 100f, out);
            }
            Files.write(dir.resolve(spec.name() + ".truth.json"), truthJson(spec));
            return file;
        }
        List<List<FormPainter.TextRun>> layers = spec.format().equals(PDF_TEXT) ? new ArrayList<>() : null;
        List<BufferedImage> pages = render(spec, rnd, layers);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (spec.format().equals("pdf") || spec.format().equals(PDF_TEXT)) {
                FaxWriter.writePdf(pages, spec.mode(), spec.compression(), spec.name(), layers, out);
            } else {
                FaxWriter.writeTiff(pages, spec.mode(), spec.compression(), out);
            }
        }
        Files.write(dir.resolve(spec.name() + ".truth.json"), truthJson(spec));
        return file;
    }

    /** The fax's pages as the receiving machine gets them (1-bit, at the fax resolution). */
    public List<BufferedImage> render(FaxSpec spec, Random rnd) {
        return render(spec, rnd, null);
    }

    /** As above, adding each page's value rows (its text layer) to {@code layers} when that is not null. */
    List<BufferedImage> render(FaxSpec spec, Random rnd, List<List<FormPainter.TextRun>> layers) {
        FormPainter.Writing writing = new FormPainter.Writing(spec.face(), spec.handwriting(), spec.jitterMm(),
                spec.marks());
        List<BufferedImage> out = new ArrayList<>();
        FilledForm first = spec.forms().get(0);
        for (PageSpec p : spec.pages()) {
            double angle = p.rotation() + p.skewDeg();
            List<FormPainter.TextRun> runs = new ArrayList<>();
            if (layers != null) {
                layers.add(runs);
            }
            BufferedImage grey = switch (p.kind()) {
                case "cover" -> FormPainter.cover("神戸市保健所 感染症対策課", "078-322-6799",
                        first.written().get("facility_name"), first.written().get("facility_phone"),
                        first.written().get("report_date"), spec.pages().size(), spec.mode(), angle);
                case "blank" -> FormPainter.blankPage(spec.mode(), angle, g -> { });
                default -> FormPainter.form(layout, spec.forms().get(p.form()), writing, rnd, spec.mode(), angle,
                        layers == null ? null : runs);
            };
            // Standard mode averages two scan lines into one, so thin rules come out grey: a machine keeps them by
            // thresholding lighter.
            int threshold = spec.mode() == FaxMode.STANDARD ? 165 + rnd.nextInt(40) : 125 + rnd.nextInt(45);
            out.add(FaxImaging.binarise(grey, threshold, 0.0001 + rnd.nextDouble() * 0.0004, rnd));
        }
        return out;
    }

    /** A scan's one page: grey, on paper, with noise (JPEG adds its own artefacts when written). */
    BufferedImage renderScan(FaxSpec spec, Random rnd) {
        FormPainter.Writing writing = new FormPainter.Writing(spec.face(), spec.handwriting(), spec.jitterMm(),
                spec.marks());
        PageSpec p = spec.pages().get(0);
        BufferedImage grey = FormPainter.form(layout, spec.forms().get(0), writing, rnd, spec.mode(),
                p.rotation() + p.skewDeg());
        return ScanWriter.degrade(grey, rnd);
    }

    byte[] truthJson(FaxSpec spec) throws IOException {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("file", spec.fileName());
        t.put("format", spec.format());
        t.put("compression", spec.compressionName());
        t.put("mode", spec.mode().json());
        t.put("xdpi", spec.mode().xdpi);
        t.put("ydpi", spec.mode().ydpi);
        t.put("style", spec.handwriting() ? "handwriting" : "print");
        t.put("font", spec.face().name());
        t.put("font_package", spec.face().debianPackage());
        t.put("mark_style", spec.marks().json());
        t.put("date_style", spec.dates().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> pages = new ArrayList<>();
        for (int i = 0; i < spec.pages().size(); i++) {
            PageSpec p = spec.pages().get(i);
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("page", i);
            page.put("kind", p.kind());
            page.put("rotation", p.rotation());
            page.put("skew_deg", p.skewDeg());
            pages.add(page);
        }
        t.put("pages", pages);
        List<Map<String, Object>> forms = new ArrayList<>();
        for (int i = 0; i < spec.pages().size(); i++) {
            PageSpec p = spec.pages().get(i);
            if (p.form() < 0) {
                continue;
            }
            FilledForm f = spec.forms().get(p.form());
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("pages", List.of(i));
            form.put("template", layout.formId());
            form.put("version", layout.version());
            form.put("fields", f.truth());
            form.put("written", f.written());
            forms.add(form);
        }
        t.put("forms", forms);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(t);
    }

    /** Generates count faxes into dir (in parallel; each fax depends only on seed and index). */
    public List<Path> generate(Path dir, int count, long seed) throws IOException {
        return generate(dir, 0, count, seed);
    }

    /** As above, the faxes from index {@code first} on (named from {@code first + 1}), as a larger set has them. */
    public List<Path> generate(Path dir, int first, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Path[] files = new Path[count];
        java.util.stream.IntStream.range(0, count).parallel().forEach(k -> {
            int i = first + k;
            try {
                files[k] = write(plan(seed, i), seed, i, dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return List.of(files);
    }

    private static final String USAGE = "usage: SampleGenerator --out DIR --count N --seed S"
            + " [--mode fine|standard|mixed] [--style print|handwriting|mixed]"
            + " [--format pdf|tiff|pdf-text|png|jpeg|mixed] [--first N]"
            + " [--compression g3|g4|mixed] [--layout layout.json]";

    public static void main(String[] args) throws Exception {
        ToolMain.run(USAGE, () -> run(args));
    }

    private static void run(String[] args) throws IOException {
        Map<String, String> a = parseArgs(args, "out", "count", "seed", "mode", "style", "format", "compression",
                "layout", "first");
        if (!a.containsKey("out")) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        FormLayout layout = a.containsKey("layout") ? FormLayout.read(Path.of(a.get("layout"))) : FormLayout.canonical();
        Options options = new Options(
                switch (a.getOrDefault("mode", "mixed")) {
                    case "fine" -> FaxMode.FINE;
                    case "standard" -> FaxMode.STANDARD;
                    case "mixed" -> null;
                    default -> throw new IllegalArgumentException("--mode fine|standard|mixed");
                },
                switch (a.getOrDefault("style", "mixed")) {
                    case "print" -> Boolean.FALSE;
                    case "handwriting" -> Boolean.TRUE;
                    case "mixed" -> null;
                    default -> throw new IllegalArgumentException("--style print|handwriting|mixed");
                },
                switch (a.getOrDefault("format", "mixed")) {
                    case "pdf", "tiff", PDF_TEXT, "png", "jpeg" -> a.get("format");
                    case "mixed" -> null;
                    default -> throw new IllegalArgumentException("--format pdf|tiff|pdf-text|png|jpeg|mixed");
                },
                switch (a.getOrDefault("compression", "mixed")) {
                    case "g3" -> FaxWriter.Compression.G3;
                    case "g4" -> FaxWriter.Compression.G4;
                    case "mixed" -> null;
                    default -> throw new IllegalArgumentException("--compression g3|g4|mixed");
                });
        int count = Integer.parseInt(a.getOrDefault("count", "8"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        int first = Integer.parseInt(a.getOrDefault("first", "1"));
        if (first < 1) {
            throw new IllegalArgumentException("--first counts from 1");
        }
        List<Path> files = new SampleGenerator(layout, options).generate(Path.of(a.get("out")), first - 1, count, seed);
        System.out.println("wrote " + files.size() + " faxes with truth to " + a.get("out"));
    }

    public static Map<String, String> parseArgs(String[] args, String... known) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = List.of(known);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !names.contains(arg.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option " + arg + "; known: " + names);
            }
            out.put(arg.substring(2), args[++i]);
        }
        return out;
    }
}
