package io.todoke.ocr.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageKind;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revised form: a row inserted above the symptoms moves everything below it down by 10 mm. Without a template
 * for the revision its pages are read by their labels (never from the old cells, never accepted unseen); with one,
 * added as configuration, they are read as any form.
 */
class FormRevisionTest {

    static final double INSERTED_AT_MM = 147;
    static final double INSERTED_MM = 10;

    /** The canonical layout with a 10 mm row inserted at 147 mm, as version 2022-09, in {@code dir}/revised. */
    static Path revisedTemplate(Path dir) throws Exception {
        Path canonical = FaxFixtures.TEMPLATES.resolve("covid19-notification");
        ObjectMapper json = new ObjectMapper();
        ObjectNode layout = (ObjectNode) json.readTree(canonical.resolve("layout.json").toFile());
        layout.put("version", "2022-09");
        layout.get("static").forEach(FormRevisionTest::shift);
        for (JsonNode f : layout.get("fields")) {
            shift(f.get("box"));
            for (JsonNode o : f.path("options")) {
                shift(o.get("mark"));
                shift(o.get("zone"));
            }
        }
        Path revised = Files.createDirectories(dir.resolve("revised"));
        json.writeValue(revised.resolve("layout.json").toFile(), layout);
        for (String f : List.of("template.json", "towns.tsv")) {
            Files.copy(canonical.resolve(f), revised.resolve(f));
        }
        return revised;
    }

    private static void shift(JsonNode box) {
        if (box instanceof ObjectNode b && b.has("y") && b.get("y").asDouble() >= INSERTED_AT_MM) {
            b.put("y", b.get("y").asDouble() + INSERTED_MM);
        }
    }

    static Path revisedFax(Path dir, FormTemplate revised) throws Exception {
        Map<String, String> written = new java.util.LinkedHashMap<>(TodokeEngineTest.WRITTEN);
        BufferedImage form = FaxFixtures.filledForm(revised, written, TodokeEngineTest.MARKED, FaxFixtures.Mark.CHECK);
        return Files.write(dir.resolve("revised.pdf"), FaxFixtures.pdf(List.of(form), 204, 196));
    }

    @Test
    void aRevisedFormWithoutItsTemplateIsReadByItsLabelsNotFromTheOldCells(@TempDir Path dir) throws Exception {
        FormTemplate revised = FormTemplates.loadOne(revisedTemplate(dir));
        Path fax = revisedFax(dir, revised);
        try (TodokeEngine old = new TodokeEngine(EngineConfig.defaults().withTemplates(FaxFixtures.TEMPLATES))) {
            FaxReading r = old.read(fax);
            assertThat(r.pages()).extracting(p -> p.kind()).containsExactly(PageKind.FORM);
            assertThat(r.forms()).hasSize(1);
            FormReading f = r.forms().get(0);
            assertThat(f.layoutRevised()).isTrue();
            assertThat(f.fields().values()).noneMatch(x -> x.status() == io.todoke.ocr.FieldStatus.OK);
            // below the inserted row each value is its own cell's or none, never the old cell's neighbour
            assertThat(f.fields().get("diagnosis_date").value()).isIn("2021-01-08", null);
            assertThat(f.fields().get("onset_date").value()).isIn("2021-01-05", null);
            assertThat(f.fields().get("symptoms").value()).isIn(List.of("cough", "fever"), null);
        }
    }

    @Test
    void aTemplateForTheRevisionAddedAsConfigurationReadsIt(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("forms"));
        Path canonical = Files.createDirectories(templates.resolve("covid19-notification"));
        for (String f : List.of("layout.json", "template.json", "towns.tsv")) {
            Files.copy(FaxFixtures.TEMPLATES.resolve("covid19-notification").resolve(f), canonical.resolve(f));
        }
        Path revisedDir = revisedTemplate(templates);
        FormTemplate revised = FormTemplates.loadOne(revisedDir);
        Path fax = revisedFax(dir, revised);
        try (TodokeEngine both = new TodokeEngine(EngineConfig.defaults().withTemplates(templates))) {
            FaxReading r = both.read(fax);
            assertThat(r.forms()).hasSize(1);
            FormReading f = r.forms().get(0);
            assertThat(f.templateVersion()).isEqualTo("2022-09");
            // fields below the inserted row are read from their new cells
            assertThat(f.fields().get("diagnosis_date").value()).isEqualTo("2021-01-08");
            assertThat(f.fields().get("onset_date").value()).isEqualTo("2021-01-05");
            assertThat(f.fields().get("symptoms").value()).isEqualTo(List.of("cough", "fever"));
            // and those above it from theirs
            assertThat(f.fields().get("facility_phone").value()).isEqualTo("078-321-4567");
        }
    }
}
