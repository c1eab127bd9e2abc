package io.todoke.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.ocr.align.BlankForm;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.proposal.LayoutComparison;
import io.todoke.ocr.template.FieldType;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proposals for the library's blank form as the engine itself draws it (a 203 dpi scan). */
class TemplateProposalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COVID = "covid19-notification";

    @TempDir
    static Path dir;

    static Path blank;
    static FormTemplate covid;
    static JsonNode truth;

    @BeforeAll
    static void drawTheBlankForm() throws Exception {
        covid = FormTemplates.load(FaxFixtures.TEMPLATES).byId(COVID).orElseThrow();
        blank = dir.resolve("blank.png");
        ImageIO.write(BlankForm.render(covid, 8.0).toImage(), "png", blank.toFile());
        truth = JSON.readTree(FaxFixtures.TEMPLATES.resolve(COVID).resolve("layout.json").toFile());
    }

    private static JsonNode propose(List<String> excluded) throws Exception {
        try (TemplateProposals p = new TemplateProposals(FaxFixtures.TEMPLATES, EngineConfig.DEFAULT_TESSDATA,
                DecodeLimits.DEFAULTS)) {
            return JSON.readTree(p.propose(blank, excluded).layoutJson());
        }
    }

    @Test
    void aFormTheLibraryKnowsIsProposedWithEveryFieldsKeyTypeCellAndOptions() throws Exception {
        JsonNode proposal = propose(List.of());
        LayoutComparison.Result r = LayoutComparison.compare(truth, proposal);
        assertThat(r.found()).as("missed %s", r.missed()).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * r.fields()));
        // the engine's own drawing is a binarised 203 dpi serif: one- and two-character option labels are its hardest
        // reading, and the six forms' vocabulary prints some option labels with other values
        assertThat(r.optionsNamed()).isGreaterThanOrEqualTo((int) Math.ceil(0.7 * r.options()));
        // the proposal is a layout the engine loads
        Path t = Files.createDirectories(dir.resolve("proposed"));
        Files.writeString(t.resolve("layout.json"), proposal.toPrettyString());
        assertThat(FormTemplates.loadOne(t).fields()).hasSize(covid.fields().size());
    }

    @Test
    void withoutTheFormInTheVocabularyCellsAreFoundSharedKeysNamedAndTheRestTypedByTheirLabelsWords() throws Exception {
        JsonNode proposal = propose(List.of(COVID));
        LayoutComparison.Result r = LayoutComparison.compare(truth, proposal);
        assertThat(r.located()).isEqualTo(covid.fields().size());
        assertThat(r.optionsFound()).isGreaterThanOrEqualTo((int) Math.ceil(0.8 * r.options()));
        Set<String> othersKeys = FormTemplates.load(FaxFixtures.TEMPLATES).all().stream()
                .filter(t -> !t.id().equals(COVID)).flatMap(t -> t.fields().stream()).map(f -> f.key())
                .collect(Collectors.toSet());
        long dates = covid.fields().stream().filter(f -> f.type() == FieldType.DATE).count();
        long proposedDates = 0;
        for (JsonNode f : proposal.path("fields")) {
            String key = f.path("key").asText();
            if (!othersKeys.contains(key)) {
                // a label no other form has: a made-up key, offered with little confidence
                assertThat(key).startsWith("field_");
                assertThat(f.path("confidence").asDouble()).isLessThanOrEqualTo(0.25);
            }
            proposedDates += "date".equals(f.path("type").asText()) ? 1 : 0;
        }
        assertThat(proposedDates).isGreaterThanOrEqualTo(dates - 1);
        // the shared header and patient block are named by the other forms' keys
        long shared = covid.fields().stream().filter(f -> othersKeys.contains(f.key())).count();
        assertThat(r.found()).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * shared));
    }
}
