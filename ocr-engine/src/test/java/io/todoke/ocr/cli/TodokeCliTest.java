package io.todoke.ocr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.ocr.FaxFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TodokeCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TodokeCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void extractPrintsOneJsonDocumentPerFile(@TempDir Path dir) throws Exception {
        var form = FaxFixtures.filledForm(FaxFixtures.template(), Map.of("patient_phone", "078-321-4567"),
                Map.of("sex", List.of("male")), FaxFixtures.Mark.FILL);
        Path fax = Files.write(dir.resolve("a.tif"), FaxFixtures.tiff(List.of(form), 204, 196));

        int exit = run("extract", fax.toString(), "--templates", FaxFixtures.TEMPLATES.toString(), "--template", "covid19-notification");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode doc = new ObjectMapper().readTree(lines[0]);
        assertThat(doc.path("file").asText()).endsWith("a.tif");
        JsonNode fields = doc.path("forms").get(0).path("fields");
        assertThat(doc.path("forms").get(0).path("template").asText()).isEqualTo("covid19-notification");
        assertThat(fields.path("sex").path("value").asText()).isEqualTo("male");
        assertThat(fields.path("patient_phone").path("value").asText()).isEqualTo("078-321-4567");
        assertThat(fields.path("patient_name").path("status").asText()).isEqualTo("invalid");
        assertThat(fields.path("guardian_name").path("status").asText()).isEqualTo("empty");
        assertThat(fields.path("guardian_name").path("value").isNull()).isTrue();
    }

    @Test
    void unreadableFileGivesNonZeroExitAndOneLineReason(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.pdf"), "not a pdf at all");

        int exit = run("extract", bad.toString(), "--templates", FaxFixtures.TEMPLATES.toString());

        assertThat(exit).isEqualTo(2);
        String reason = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("bad.pdf")).findFirst().orElseThrow();
        assertThat(reason).contains("unsupported_type");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void wrongUsageSaysHow() {
        assertThat(run("frobnicate")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: todoke extract");
    }
}
