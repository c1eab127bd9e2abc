package io.todoke.tools.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.engine.TodokeEngine;
import io.todoke.tools.samples.FaxMode;
import io.todoke.tools.samples.FaxTruth;
import io.todoke.tools.samples.FaxWriter;
import io.todoke.tools.samples.FormLayout;
import io.todoke.tools.samples.SampleGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A known form on a revised layout (blocks moved, columns changed), drawn by the Java2D generator and read. */
class RevisedLayoutReadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode revised() throws Exception {
        JsonNode canonical = JSON.readTree(Path.of("../" + FormLayout.CANONICAL).toFile());
        return RevisedLayout.revise(canonical, "physician_name", "first_visit_date", "symptoms", -8);
    }

    @Test
    void theRevisionMovesBlocksAndWidthsButKeepsEveryFieldAndLabel() throws Exception {
        JsonNode canonical = JSON.readTree(Path.of("../" + FormLayout.CANONICAL).toFile());
        ObjectNode r = revised();
        assertThat(r.path("fields").size()).isEqualTo(canonical.path("fields").size());
        JsonNode physician = r.path("fields").get(1);
        assertThat(physician.path("box").path("y").asDouble())
                .isGreaterThan(r.path("fields").get(r.path("fields").size() - 1).path("box").path("y").asDouble());
        assertThat(physician.path("box").path("x").asDouble()).isEqualTo(62.0);
        Set<String> labels = new HashSet<>();
        canonical.path("static").forEach(s -> labels.add(s.path("text").asText()));
        Set<String> revisedLabels = new HashSet<>();
        r.path("static").forEach(s -> revisedLabels.add(s.path("text").asText()));
        assertThat(revisedLabels).isEqualTo(labels);
    }

    @Test
    void aRevisedLayoutIsReadByItsLabelsNeverFromAWrongCellAndNeverAcceptedUnseen() throws Exception {
        Path layoutFile = dir.resolve("revised.json");
        JsonNode layout = revised();
        Files.writeString(layoutFile, layout.toPrettyString());
        new SampleGenerator(FormLayout.read(layoutFile), new SampleGenerator.Options(FaxMode.FINE, false, "pdf",
                FaxWriter.Compression.G4)).generate(dir.resolve("faxes"), 1, 5);
        List<FaxTruth> truths = FaxTruth.readAll(dir.resolve("faxes"));
        try (TodokeEngine engine = new TodokeEngine(EngineConfig.defaults())) {
            FaxReading reading = engine.read(truths.get(0).file());
            assertThat(reading.forms()).hasSize(1);
            FormReading form = reading.forms().get(0);
            assertThat(form.templateId()).isEqualTo("covid19-notification");
            assertThat(form.layoutRevised()).isTrue();
            assertThat(form.messages()).contains(FormReading.LAYOUT_REVISED);
            assertThat(form.readyToConfirm()).isFalse();
            assertThat(form.fields().values()).noneMatch(f -> f.status() == FieldStatus.OK);

            RevisionBench.Counts c = RevisionBench.score(truths, layout, engine);
            assertThat(c.wrongCell()).isZero();
            assertThat(c.placed()).isGreaterThanOrEqualTo((int) Math.ceil(0.8 * c.fields()));
            assertThat(c.right()).isGreaterThanOrEqualTo((int) Math.ceil(0.8 * c.read()));
        }
    }
}
