package io.todoke.tools.samples;


import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageKind;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.engine.TodokeEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** PC-made PDFs with a text layer, and PNG / JPEG scans, generated and read end to end (real PDFBox, Tesseract). */
class PcPdfAndScanReadingTest {

    private static final FormLayout LAYOUT = FormLayout.canonical();
    private static final long SEED = 11;
    private static TodokeEngine engine;

    @BeforeAll
    static void start() {
        engine = new TodokeEngine(EngineConfig.defaults().withTemplates(java.nio.file.Path.of("../config/forms")));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** The fax of {@code spec} as a PC PDF whose text layer (one list of runs per page) {@code edit} changed. */
    private static Path pdfWithLayer(SampleGenerator g, SampleGenerator.FaxSpec spec, Path file,
                                     java.util.function.Consumer<List<List<FormPainter.TextRun>>> edit) throws Exception {
        List<List<FormPainter.TextRun>> layers = new ArrayList<>();
        List<BufferedImage> pages = g.render(spec, new Random(1), layers);
        edit.accept(layers);
        try (OutputStream out = Files.newOutputStream(file)) {
            FaxWriter.writePdf(pages, spec.mode(), spec.compression(), spec.name(), layers, out);
        }
        return file;
    }

    private static SampleGenerator generator(String format) {
        return new SampleGenerator(LAYOUT, new SampleGenerator.Options(null, Boolean.FALSE, format, null));
    }

    /** The reading of the truth's form, found by its page. */
    private static FormReading formOn(FaxReading reading, FaxTruth.Form expected) {
        return reading.forms().stream().filter(f -> f.pages().equals(expected.pages())).findFirst().orElseThrow();
    }

    private static void assertTypedValuesExactAndOk(FaxTruth truth, FaxReading reading) {
        assertThat(truth.forms()).isNotEmpty();
        for (FaxTruth.Form expected : truth.forms()) {
            FormReading f = formOn(reading, expected);
            for (FormLayout.Field field : LAYOUT.fields()) {
                Object want = expected.fields().get(field.key());
                FieldReading got = f.fields().get(field.key());
                assertThat(normal(got.value())).as("%s (raw %s)", field.key(), got.raw()).isEqualTo(normal(want));
                if (!field.isMark() && want != null) {
                    assertThat(got.status()).as("%s: %s", field.key(), got.messages()).isEqualTo(FieldStatus.OK);
                    assertThat(got.confidence()).as(field.key()).isGreaterThan(0.99);
                }
            }
        }
    }

    /**
     * Truth JSON has ints where the engine has longs; text compares ignoring white space (forms README: the
     * normaliser drops a space beside digits, as OCR puts them there).
     */
    private static Object normal(Object v) {
        return v instanceof Number n ? n.longValue() : v instanceof String s ? s.replaceAll("\\s+", "") : v;
    }

    @Test
    void aPcPdfsTextLayerGivesExactlyTheTypedValuesAllOk(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 3; i++) {
            SampleGenerator g = generator(SampleGenerator.PDF_TEXT);
            Path file = g.write(g.plan(SEED, i), SEED, i, dir);
            FaxTruth truth = FaxTruth.read(dir.resolve(g.plan(SEED, i).name() + ".truth.json"));

            FaxReading reading = engine.read(file);

            assertTypedValuesExactAndOk(truth, reading);
        }
    }

    /** The whole form in the layer, captions too (a form typed into a Word template): only values are taken. */
    @Test
    void captionsInTheTextLayerAreNeverTakenAsValues(@TempDir Path dir) throws Exception {
        SampleGenerator g = generator(SampleGenerator.PDF_TEXT);
        SampleGenerator.FaxSpec spec = g.plan(SEED, 3);
        Path file = pdfWithLayer(g, spec, dir.resolve("whole-form.pdf"), layers -> {
            for (List<FormPainter.TextRun> runs : layers) {
                for (FormLayout.StaticItem s : LAYOUT.statics()) {
                    if (!s.isCheckbox() && s.text() != null && !s.text().isEmpty()) {
                        runs.add(new FormPainter.TextRun(s.text(), s.x() + 1, s.y() + s.h() / 2 + s.size() * 0.35,
                                s.size(), s.size() * s.text().length()));
                    }
                }
            }
        });
        Files.write(dir.resolve("whole-form.truth.json"), g.truthJson(spec));
        String truthJson = Files.readString(dir.resolve("whole-form.truth.json"))
                .replace("\"file\" : \"" + spec.fileName() + "\"", "\"file\" : \"whole-form.pdf\"");
        Files.writeString(dir.resolve("whole-form.truth.json"), truthJson);

        FaxReading reading = engine.read(file);

        assertThat(reading.pages().stream().filter(p -> p.kind() == PageKind.FORM).count()).isEqualTo(spec.forms().size());
        assertTypedValuesExactAndOk(FaxTruth.read(dir.resolve("whole-form.truth.json")), reading);
    }

    @Test
    void aTypedValueThatIsNoDateIsStillInvalid(@TempDir Path dir) throws Exception {
        SampleGenerator g = generator(SampleGenerator.PDF_TEXT);
        SampleGenerator.FaxSpec spec = g.plan(SEED, 4);
        FormLayout.Box report = LAYOUT.field("report_date").box();
        Path file = pdfWithLayer(g, spec, dir.resolve("bad-date.pdf"), layers -> {
            for (List<FormPainter.TextRun> runs : layers) {
                runs.replaceAll(r -> r.baseline() > report.y() && r.baseline() < report.y() + report.h()
                        && r.x() > report.x() ? new FormPainter.TextRun("令和3年13月40日", r.x(), r.baseline(), r.size(), r.width()) : r);
            }
        });

        FaxReading reading = engine.read(file);

        for (FormReading f : reading.forms()) {
            FieldReading d = f.fields().get("report_date");
            assertThat(d.raw()).isEqualTo("令和3年13月40日");
            assertThat(d.status()).isEqualTo(FieldStatus.INVALID);
            assertThat(f.readyToConfirm()).isFalse();
        }
        assertThat(reading.forms()).isNotEmpty();
    }

    /** An invisible layer that claims a value where the image shows an empty cell: a clerk decides. */
    @Test
    void layerTextOverAnEmptyCellInTheImageGoesToAClerk(@TempDir Path dir) throws Exception {
        SampleGenerator g = generator(SampleGenerator.PDF_TEXT);
        SampleGenerator.FaxSpec spec = g.plan(SEED, 5);
        int formPage = spec.pages().indexOf(spec.pages().stream().filter(p -> p.form() == 0).findFirst().orElseThrow());
        FormLayout.Field empty = LAYOUT.fields().stream()
                .filter(f -> f.type().equals("text") && !spec.forms().get(0).written().containsKey(f.key()))
                .findFirst().orElseThrow();
        FormLayout.Box b = empty.box();
        Path file = pdfWithLayer(g, spec, dir.resolve("ghost.pdf"), layers -> layers.get(formPage)
                .add(new FormPainter.TextRun("山田花子", b.x() + 1.5, b.y() + Math.min(b.h(), 8) / 2 + 1.3, 3.6, 14.4)));

        FieldReading r = engine.read(file).forms().stream().filter(f -> f.pages().equals(List.of(formPage)))
                .findFirst().orElseThrow().fields().get(empty.key());

        assertThat(r.value()).isEqualTo("山田花子");
        assertThat(r.status()).isEqualTo(FieldStatus.LOW_CONFIDENCE);
        assertThat(r.messages()).anySatisfy(m -> assertThat(m).contains("画像に記入が見当たりません"));
    }

    @Test
    void pngAndJpegScansAreReadAsForms(@TempDir Path dir) throws Exception {
        for (String format : List.of("png", "jpeg")) {
            SampleGenerator g = generator(format);
            SampleGenerator.FaxSpec spec = g.plan(SEED, 0);
            Path file = g.write(spec, SEED, 0, dir);
            FaxTruth truth = FaxTruth.read(dir.resolve(spec.name() + ".truth.json"));
            assertThat(file.getFileName().toString()).endsWith(format.equals("png") ? ".png" : ".jpg");

            FaxReading reading = engine.read(file);

            assertThat(reading.pages()).as(format).hasSize(1);
            assertThat(reading.pages().get(0).kind()).as(format).isEqualTo(PageKind.FORM);
            assertThat(reading.pages().get(0).rotation()).as(format).isEqualTo(truth.pages().get(0).rotation());
            FormReading f = reading.forms().get(0);
            assertThat(f.alignment()).as(format).isGreaterThan(0.8);
            int right = 0;
            for (Map.Entry<String, Object> e : truth.forms().get(0).fields().entrySet()) {
                Object got = f.fields().get(e.getKey()).value();
                if (String.valueOf(normal(e.getValue())).equals(String.valueOf(normal(got)))) {
                    right++;
                }
            }
            // a print scan reads about as well as a fine fax; the benchmark measures the exact rate
            assertThat(right).as(format + " fields right").isGreaterThanOrEqualTo(LAYOUT.fields().size() * 3 / 4);
        }
    }
}
