package io.todoke.tools.forms;

import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.template.FormTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FormClassificationTest {

    private static final Path LIBRARY = Path.of("../config/forms");

    @Test
    void everyFormsPageGetsItsOwnTemplateAndCoversNone(@TempDir Path dir) throws Exception {
        List<Path> faxes = FormClassification.generate(LIBRARY, dir, 2, 7);
        List<FormClassification.Page> pages = FormClassification.classify(faxes, FormTemplates.load(LIBRARY).all(),
                EngineConfig.defaults().pxPerMm());

        assertThat(pages.stream().map(FormClassification.Page::truth).distinct()).contains("covid19-notification",
                "tuberculosis-notification", "syphilis-notification", "measles-notification", "pertussis-notification",
                "ehec-notification", "cover");
        assertThat(pages).filteredOn(FormClassification.Page::wrongTemplate).isEmpty();
        assertThat(pages).allMatch(FormClassification.Page::right, "every page classified right");
    }

    @Test
    void everyFormsRenderedFaxGetsItsOwnTemplate(@TempDir Path dir) throws Exception {
        List<Path> faxes = FormClassification.generateRendered(LIBRARY, dir, 1, 5);
        List<FormClassification.Page> pages = FormClassification.classify(faxes, FormTemplates.load(LIBRARY).all(),
                EngineConfig.defaults().pxPerMm());

        assertThat(pages.stream().map(FormClassification.Page::truth).filter(t -> t.endsWith("-notification")).distinct())
                .hasSize(6);
        assertThat(pages).filteredOn(FormClassification.Page::wrongTemplate).isEmpty();
        assertThat(pages).allMatch(FormClassification.Page::right, "every page classified right");
    }

    @Test
    void aPageOfAFormTheLibraryLacksIsReadWithNoTemplate(@TempDir Path dir) throws Exception {
        // measles and syphilis share the header and the sex/age block and differ below it: without the measles
        // template a measles page must not be taken for syphilis (or any other form)
        List<Path> faxes = FormClassification.generate(LIBRARY, dir, 2, 11).stream()
                .filter(p -> p.getParent().getFileName().toString().equals("measles-notification")).toList();
        var others = FormTemplates.load(LIBRARY).all().stream().filter(t -> !t.id().equals("measles-notification")).toList();
        List<FormClassification.Page> pages = FormClassification.classify(faxes, others, EngineConfig.defaults().pxPerMm());

        assertThat(pages).filteredOn(p -> p.truth().equals("measles-notification")).isNotEmpty()
                .allMatch(p -> p.chosen().equals("none"), "no other form's template");
    }
}
