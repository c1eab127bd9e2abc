package io.todoke.tools.rendered;

import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageKind;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.engine.TodokeEngine;
import io.todoke.tools.samples.BenchmarkScorer;
import io.todoke.tools.samples.FaxTruth;
import io.todoke.tools.samples.FormLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One page of path B end to end: HTML, Chromium, Ghostscript, CCITT in PDF, and the engine reading it. */
class RenderedFaxPipelineTest {

    @Test
    void aRenderedPageBecomesACcittFaxPdfThatTheEngineReadsAsTheForm(@TempDir Path dir) throws Exception {
        assumeTrue(FaxPipeline.available(), "chromium, ghostscript or libtiff-tools missing (scripts/install-deps.sh"
                + " test installs them): path B cannot be made here");
        FormLayout layout = FormLayout.canonical();
        RenderedGenerator g = new RenderedGenerator(layout, Role.CALIBRATION, FormHtmlTest.towns());
        // fax 2 of seed 3: print, gs fax device, a PDF (the spec is drawn from the seed; the asserts check it)
        Path fax = g.write(dir, 3, 2);
        FaxTruth truth = FaxTruth.read(dir.resolve(fax.getFileName().toString().replaceAll("\\.(pdf|tif)$", "")
                + ".truth.json"));
        assertThat(truth.compression()).isIn("g3", "g4");

        FaxReading reading;
        try (TodokeEngine engine = new TodokeEngine(EngineConfig.defaults().withTemplates(Path.of("../config/forms")))) {
            reading = engine.read(fax);
        }
        int formPage = truth.forms().get(0).pages().get(0);
        assertThat(reading.pages()).anySatisfy(p -> {
            assertThat(p.page()).isEqualTo(formPage);
            assertThat(p.kind()).isEqualTo(PageKind.FORM);
        });
        FormReading form = reading.forms().get(0);
        BenchmarkScorer scorer = new BenchmarkScorer(layout);
        scorer.add(truth, reading);
        assertThat(form.fields().get("case_type").value()).isEqualTo(truth.forms().get(0).fields().get("case_type"));
        assertThat(form.fields().get("sex").value()).isEqualTo(truth.forms().get(0).fields().get("sex"));
        assertThat(scorer.formRows()).hasSize(1);
    }
}
