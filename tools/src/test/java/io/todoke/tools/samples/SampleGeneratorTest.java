package io.todoke.tools.samples;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SampleGeneratorTest {

    private static final FormLayout LAYOUT = FormLayout.canonical();

    @TempDir
    static Path set;

    /** The committed set's recipe: eight faxes, seed 1. */
    @BeforeAll
    static void generateTheCommittedSet() throws IOException {
        new SampleGenerator(LAYOUT, SampleGenerator.Options.MIXED).generate(set, 8, 1);
    }

    @Test
    void theSameSeedGivesTheSameFilesByteForByte(@TempDir Path again, @TempDir Path other) throws IOException {
        SampleGenerator g = new SampleGenerator(LAYOUT, SampleGenerator.Options.MIXED);
        g.generate(again, 3, 1);
        g.generate(other, 3, 2);
        for (String name : List.of("fax-0001.pdf", "fax-0002.pdf", "fax-0003.tif", "fax-0003.truth.json")) {
            assertThat(Files.readAllBytes(again.resolve(name))).as(name).isEqualTo(Files.readAllBytes(set.resolve(name)));
            assertThat(Files.readAllBytes(other.resolve(name))).as(name).isNotEqualTo(Files.readAllBytes(set.resolve(name)));
        }
    }

    /** What make samples writes: the committed files must be exactly what the generator makes today. */
    @Test
    void theCommittedSamplesAreWhatTheGeneratorMakes(@TempDir Path extra) throws IOException {
        Path committed = Path.of("../samples");
        for (String name : List.of("fax-0001.pdf", "fax-0002.pdf", "fax-0003.tif", "fax-0004.tif", "fax-0005.pdf",
                "fax-0006.pdf", "fax-0007.tif", "fax-0008.tif", "fax-0008.truth.json")) {
            assertThat(Files.readAllBytes(set.resolve(name))).as(name).isEqualTo(Files.readAllBytes(committed.resolve(name)));
        }
        new SampleGenerator(LAYOUT, new SampleGenerator.Options(null, null, SampleGenerator.PDF_TEXT, null)).generate(extra, 8, 1, 1);
        new SampleGenerator(LAYOUT, new SampleGenerator.Options(null, null, "png", null)).generate(extra, 9, 1, 1);
        new SampleGenerator(LAYOUT, new SampleGenerator.Options(null, null, "jpeg", null)).generate(extra, 10, 1, 1);
        for (String name : List.of("fax-0009.pdf", "fax-0010.png", "fax-0011.jpg", "fax-0011.truth.json")) {
            assertThat(Files.readAllBytes(extra.resolve(name))).as(name).isEqualTo(Files.readAllBytes(committed.resolve(name)));
        }
        int first = 11;
        for (String form : List.of("tuberculosis", "syphilis", "measles", "pertussis", "ehec")) {
            FormLayout layout = FormLayout.read(Path.of("../config/forms/" + form + "-notification/layout.json"));
            Path fax = new SampleGenerator(layout, SampleGenerator.Options.MIXED).generate(extra, first++, 1, 1).get(0);
            String truth = fax.getFileName().toString().replaceFirst("\\.(pdf|tif)$", ".truth.json");
            for (String name : List.of(fax.getFileName().toString(), truth)) {
                assertThat(Files.readAllBytes(extra.resolve(name))).as(name).isEqualTo(Files.readAllBytes(committed.resolve(name)));
            }
        }
    }

    @Test
    void pcPdfsAndScansDecodeAsTheirTruthSays(@TempDir Path dir) throws IOException {
        for (String format : List.of(SampleGenerator.PDF_TEXT, "png", "jpeg")) {
            new SampleGenerator(LAYOUT, new SampleGenerator.Options(null, null, format, null)).generate(dir, 0, 3, 5);
        }
        for (FaxTruth t : FaxTruth.readAll(dir)) {
            List<FaxPages.Page> pages = FaxPages.read(t.file());
            assertThat(pages).as(t.file().toString()).hasSize(t.pages().size());
            if (t.format().equals(SampleGenerator.PDF_TEXT)) {
                assertThat(t.channel()).isEqualTo("pc-pdf");
                assertThat(t.style()).isEqualTo("print");
                assertThat(t.pages()).allSatisfy(p -> assertThat(p.rotation()).isZero());
                try (PDDocument doc = Loader.loadPDF(t.file().toFile())) {
                    String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                    // every value as written is in the layer (the form's captions are not: they are in the image only)
                    var truthJson = new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(dir.resolve(t.file().getFileName().toString().replace(".pdf", ".truth.json")).toFile());
                    var written = truthJson.get("forms").get(0).get("written");
                    assertThat(written.size()).isGreaterThan(5);
                    written.forEach(v -> assertThat(text.replaceAll("\\s+", "")).contains(v.asText().replaceAll("\\s+", "")));
                    assertThat(text).doesNotContain("医師の氏名");
                }
            } else {
                assertThat(t.channel()).isEqualTo("scan " + t.format());
                assertThat(t.pages()).hasSize(1);
                FaxPages.Page p = pages.get(0);
                assertThat(p.xdpi()).isCloseTo(200, org.assertj.core.data.Offset.offset(0.5));
                assertThat(p.ydpi()).isCloseTo(200, org.assertj.core.data.Offset.offset(0.5));
                assertThat(p.bitsPerPixel()).isEqualTo(8);
                assertThat(p.image().getWidth()).isEqualTo(1654);
                assertThat(p.encoding()).isEqualTo(t.compression());
            }
        }
    }

    @Test
    void everyFaxDecodesWithItsResolutionPageCountAndCompression() throws IOException {
        List<FaxTruth> truths = FaxTruth.readAll(set);
        assertThat(truths).hasSize(8);
        for (FaxTruth t : truths) {
            List<FaxPages.Page> pages = FaxPages.read(t.file());
            assertThat(pages).as(t.file().toString()).hasSize(t.pages().size());
            int ydpi = t.mode().equals("fine") ? 196 : 98;
            for (FaxPages.Page p : pages) {
                assertThat(p.xdpi()).isCloseTo(204, org.assertj.core.data.Offset.offset(0.01));
                assertThat(p.ydpi()).isCloseTo(ydpi, org.assertj.core.data.Offset.offset(0.01));
                assertThat(p.image().getWidth()).isEqualTo(1728);
                assertThat(p.image().getHeight()).isEqualTo(ydpi == 196 ? 2292 : 1146);
                assertThat(p.bitsPerPixel()).isEqualTo(1);
                assertThat(p.encoding()).isEqualTo(t.compression());
            }
            if (t.format().equals("pdf")) {
                try (PDDocument doc = Loader.loadPDF(t.file().toFile())) {
                    // 1728 pixels at 204 dpi: the 215 mm a fax line scans, whatever the mode.
                    assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(1728 * 72f / 204,
                            org.assertj.core.data.Offset.offset(0.1f));
                    assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(297 / 25.4f * 72,
                            org.assertj.core.data.Offset.offset(1f));
                }
            }
        }
    }

    @Test
    void theFirstEightFaxesCoverEveryVariant() throws IOException {
        List<FaxTruth> truths = FaxTruth.readAll(set);
        assertThat(values(truths, FaxTruth::mode)).containsExactlyInAnyOrder("fine", "standard");
        assertThat(values(truths, FaxTruth::format)).containsExactlyInAnyOrder("pdf", "tiff");
        assertThat(values(truths, FaxTruth::compression)).containsExactlyInAnyOrder("g3", "g4");
        assertThat(values(truths, FaxTruth::style)).containsExactlyInAnyOrder("print", "handwriting");
        assertThat(values(truths, FaxTruth::markStyle)).containsExactlyInAnyOrder("check", "fill", "cross", "circle");
        Set<String> kinds = new HashSet<>();
        truths.forEach(t -> t.pages().forEach(p -> kinds.add(p.kind())));
        assertThat(kinds).containsExactlyInAnyOrder("form", "cover", "blank");
        assertThat(truths).anySatisfy(t -> assertThat(t.pages()).anySatisfy(p -> assertThat(p.rotation()).isEqualTo(180)));
        for (FaxTruth t : truths) {
            for (FaxTruth.Form f : t.forms()) {
                assertThat(t.pages().get(f.pages().get(0)).kind()).isEqualTo("form");
                assertThat(f.fields()).containsOnlyKeys(LAYOUT.fields().stream().map(FormLayout.Field::key).toList());
            }
        }
    }

    @Test
    void anUpsideDownPageIsDrawnTurned() throws IOException {
        SampleGenerator g = new SampleGenerator(LAYOUT, SampleGenerator.Options.MIXED);
        SampleGenerator.FaxSpec spec = g.plan(1, 2);
        assertThat(spec.pages().get(0).rotation()).isEqualTo(180);
        // The form's title is printed near the top: on a page fed upside down its ink is near the bottom.
        var page = g.render(spec, new java.util.Random(1)).get(0);
        assertThat(inkRows(page, 0, page.getHeight() / 10)).isLessThan(inkRows(page, page.getHeight() * 9 / 10, page.getHeight()));
    }

    private static int inkRows(java.awt.image.BufferedImage img, int from, int to) {
        int ink = 0;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) < 128) {
                    ink++;
                }
            }
        }
        return ink;
    }

    private static Set<String> values(List<FaxTruth> truths, java.util.function.Function<FaxTruth, String> f) {
        return truths.stream().map(f).collect(Collectors.toSet());
    }
}
