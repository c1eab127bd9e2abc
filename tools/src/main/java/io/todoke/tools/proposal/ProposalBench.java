package io.todoke.tools.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.ocr.DecodeLimits;
import io.todoke.ocr.TemplateProposals;
import io.todoke.ocr.proposal.FieldVocabulary;
import io.todoke.ocr.proposal.LayoutComparison;
import io.todoke.tools.rendered.FaxPipeline;
import io.todoke.tools.rendered.FormHtml;
import io.todoke.tools.rendered.RenderedFonts;
import io.todoke.tools.samples.FaxImaging;
import io.todoke.tools.samples.FaxMode;
import io.todoke.tools.samples.FaxWriter;
import io.todoke.tools.samples.FilledForm;
import io.todoke.tools.samples.FormLayout;
import io.todoke.tools.samples.FormPainter;
import io.todoke.tools.samples.MarkStyle;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Proposal quality ({@code make bench}, part {@code proposal}): each form of the library, its blank drawn on path A
 * (Java2D, fine fax) and path B (HTML → Chromium → Ghostscript, fine G4 fax), is proposed with the form left out of
 * the vocabulary and compared with its hand-made layout. Prints one Markdown table.
 *
 * <pre>ProposalBench --library config/forms --work DIR</pre>
 */
public final class ProposalBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProposalBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = io.todoke.tools.samples.SampleGenerator.parseArgs(args, "library", "work", "tessdata");
        Path library = Path.of(a.getOrDefault("library", "config/forms"));
        Path work = Files.createDirectories(Path.of(a.getOrDefault("work", "bench-out/proposal")));
        Path tessdata = Path.of(a.getOrDefault("tessdata", "/usr/share/tesseract-ocr/5/tessdata"));
        List<Path> layouts;
        try (Stream<Path> s = Files.list(library)) {
            layouts = s.map(d -> d.resolve("layout.json")).filter(Files::isRegularFile).sorted().toList();
        }
        System.out.println("| form | path | fields | right key, type and cell | of keys the rest of the library has | cell found | right type | options | options found | options named |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        int[] total = new int[9];
        try (TemplateProposals proposals = new TemplateProposals(library, tessdata, DecodeLimits.DEFAULTS)) {
            for (Path layoutFile : layouts) {
                FormLayout layout = FormLayout.read(layoutFile);
                JsonNode truth = JSON.readTree(layoutFile.toFile());
                for (String path : List.of("A", "B")) {
                    Path blank = work.resolve(layout.formId() + "-" + path + ".pdf");
                    if ("A".equals(path)) {
                        pathA(layout, blank);
                    } else {
                        pathB(layout, blank);
                    }
                    TemplateProposals.Proposal p = proposals.propose(blank, List.of(layout.formId()));
                    Files.writeString(work.resolve(layout.formId() + "-" + path + ".layout.json"), p.layoutJson());
                    LayoutComparison.Result r = LayoutComparison.compare(truth, JSON.readTree(p.layoutJson()));
                    java.util.Set<String> elsewhere = new java.util.HashSet<>();
                    FieldVocabulary.load(library, List.of(layout.formId())).entries().forEach(e -> elsewhere.add(e.key()));
                    int shared = (int) layout.fields().stream().filter(f -> elsewhere.contains(f.key())).count();
                    int sharedFound = (int) layout.fields().stream()
                            .filter(f -> elsewhere.contains(f.key()) && !r.missed().contains(f.key())).count();
                    row(layout.formId(), path, r, sharedFound, shared);
                    int[] add = {r.fields(), r.found(), r.located(), r.typed(), r.options(), r.optionsFound(), r.optionsNamed(),
                        sharedFound, shared};
                    for (int i = 0; i < total.length; i++) {
                        total[i] += add[i];
                    }
                }
            }
        }
        row("**all**", "A+B", new LayoutComparison.Result(total[0], total[1], total[2], total[3], total[4], total[5],
                total[6], List.of()), total[7], total[8]);
    }

    private static void row(String form, String path, LayoutComparison.Result r, int sharedFound, int shared) {
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %d | %s | %s |%n", form, path, r.fields(),
                pct(r.found(), r.fields()), pct(sharedFound, shared) + " of " + shared, pct(r.located(), r.fields()), pct(r.typed(), r.fields()), r.options(),
                pct(r.optionsFound(), r.options()), pct(r.optionsNamed(), r.options()));
    }

    private static String pct(int n, int of) {
        return of == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
    }

    /** The blank form drawn by the Java2D generator, thresholded as a fine-mode fax, in a CCITT G4 PDF. */
    static void pathA(FormLayout layout, Path pdf) throws Exception {
        var grey = FormPainter.form(layout, null, null, new Random(1), FaxMode.FINE, 0);
        var fax = FaxImaging.binarise(grey, 150, 0.0002, new Random(1));
        try (OutputStream out = Files.newOutputStream(pdf)) {
            FaxWriter.writePdf(List.of(fax), FaxMode.FINE, FaxWriter.Compression.G4, layout.title(), out);
        }
    }

    /** The blank form as HTML, printed by Chromium and faxed by Ghostscript (fine mode, G4), in a PDF. */
    static void pathB(FormLayout layout, Path pdf) throws Exception {
        Path dir = Files.createTempDirectory("todoke-proposal");
        try {
            FilledForm empty = new FilledForm(Map.of(), Map.of(), Map.of());
            RenderedFonts.Font font = RenderedFonts.load().all().get(0);
            String html = new FormHtml(layout).page(empty, new FormHtml.Writing(font, 0, 0, MarkStyle.CHECK, "#000"),
                    null, false, new Random(1));
            Path htmlFile = dir.resolve("blank.html");
            Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
            Path printed = dir.resolve("blank.pdf");
            FaxPipeline.printToPdf(htmlFile, printed);
            Path tiff = dir.resolve("blank.tif");
            FaxPipeline.ghostscriptFax(printed, true, true, tiff);
            FaxPipeline.tiffToPdf(tiff, pdf);
        } finally {
            for (Path p : new ArrayList<>(List.of(dir.resolve("blank.html"), dir.resolve("blank.pdf"), dir.resolve("blank.tif"), dir))) {
                Files.deleteIfExists(p);
            }
        }
    }
}
