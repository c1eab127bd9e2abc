package io.todoke.tools.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FormLibraryTest {

    private static final Path LIBRARY = Path.of("../config/forms");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DISEASES = Set.of("covid19", "tuberculosis", "syphilis", "measles", "pertussis", "ehec");

    @Test
    void everyComposedLayoutIsCommittedAsItsSourceAndBlocksComposeIt() throws IOException {
        List<Path> sources = FormLibrary.sources(LIBRARY);
        assertThat(sources).extracting(p -> p.getFileName().toString()).contains("tuberculosis-notification",
                "syphilis-notification", "measles-notification", "pertussis-notification", "ehec-notification");
        for (Path form : sources) {
            assertThat(Files.readString(form.resolve("layout.json")))
                    .as("%s/layout.json is stale: run scripts/forms.sh", form.getFileName())
                    .isEqualTo(FormLibrary.render(FormComposer.compose(form)));
        }
    }

    @Test
    void everyFormNamesItsDiseaseByTheSharedCodes() throws IOException {
        Set<String> codes = new HashSet<>();
        for (JsonNode l : layouts().values()) {
            String code = l.path("disease").path("code").asText();
            assertThat(DISEASES).as(l.path("form_id").asText()).contains(code);
            assertThat(l.path("disease").path("name").asText()).isNotBlank();
            codes.add(code);
        }
        assertThat(codes).isEqualTo(DISEASES);
    }

    @Test
    void everyLayoutIsWellFormed() throws IOException {
        for (Map.Entry<String, JsonNode> e : layouts().entrySet()) {
            JsonNode l = e.getValue();
            String form = e.getKey();
            double pw = l.path("page").path("width_mm").asDouble();
            double ph = l.path("page").path("height_mm").asDouble();
            Set<String> keys = new HashSet<>();
            List<double[]> cells = new ArrayList<>();
            for (JsonNode f : l.path("fields")) {
                String key = f.path("key").asText();
                assertThat(keys.add(key)).as("%s: key %s twice", form, key).isTrue();
                assertThat(f.path("label").asText()).as("%s.%s label", form, key).isNotBlank();
                double[] box = box(f.path("box"));
                assertThat(inside(box, new double[] {0, 0, pw, ph})).as("%s.%s inside the page", form, key).isTrue();
                for (double[] other : cells) {
                    assertThat(overlap(box, other)).as("%s.%s overlaps another value cell", form, key).isFalse();
                }
                cells.add(box);
                boolean marks = f.path("type").asText().endsWith("choice");
                assertThat(f.path("options").size() > 0).as("%s.%s options", form, key).isEqualTo(marks);
                Set<String> values = new HashSet<>();
                for (JsonNode o : f.path("options")) {
                    assertThat(values.add(o.path("value").asText())).as("%s.%s option twice", form, key).isTrue();
                    assertThat(inside(box(o.path("mark")), box)).as("%s.%s=%s mark in the cell", form, key, o.path("value")).isTrue();
                    assertThat(box(o.path("zone"))[2]).as("%s.%s=%s zone", form, key, o.path("value")).isPositive();
                }
            }
            for (JsonNode s : l.path("static")) {
                if (s.has("field")) {
                    assertThat(keys).as("%s: a printed cell names field %s", form, s.path("field").asText())
                            .contains(s.path("field").asText());
                }
            }
        }
    }

    @Test
    void aKeyMeansTheSameOnEveryFormThatHasIt() throws IOException {
        Map<String, String> seen = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : layouts().entrySet()) {
            for (JsonNode f : e.getValue().path("fields")) {
                String key = f.path("key").asText();
                String meaning = f.path("type").asText() + " " + f.path("label").asText();
                String before = seen.putIfAbsent(key, meaning);
                assertThat(before == null || before.equals(meaning))
                        .as("%s on %s is \"%s\", on %s \"%s\"", key, e.getKey(), meaning, where.get(key), before).isTrue();
                where.putIfAbsent(key, e.getKey());
            }
        }
    }

    @Test
    void theSharedHeaderAndPatientBlockCarryTheCovidFormsKeys() throws IOException {
        Map<String, JsonNode> all = layouts();
        Set<String> header = Set.of("report_date", "physician_name", "facility_name", "facility_address", "facility_phone", "case_type");
        Set<String> patient = Set.of("patient_name_kana", "patient_name", "sex", "birth_date", "age", "occupation",
                "patient_address", "patient_phone", "guardian_name", "guardian_address");
        for (String form : all.keySet()) {
            assertThat(keys(all.get(form))).as(form).containsAll(header);
        }
        for (String form : List.of("covid19-notification", "tuberculosis-notification", "ehec-notification")) {
            assertThat(keys(all.get(form))).as(form).containsAll(patient);
        }
        assertThat(keys(all.get("tuberculosis-notification"))).contains("insurance_type");
        assertThat(keys(all.get("measles-notification"))).contains("sex", "age").doesNotContain("patient_name", "birth_date");
    }

    static Map<String, JsonNode> layouts() throws IOException {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        try (Stream<Path> dirs = Files.list(LIBRARY)) {
            for (Path d : dirs.filter(d -> Files.isRegularFile(d.resolve("layout.json"))).toList()) {
                out.put(d.getFileName().toString(), JSON.readTree(d.resolve("layout.json").toFile()));
            }
        }
        return out;
    }

    private static Set<String> keys(JsonNode layout) {
        Set<String> out = new HashSet<>();
        layout.path("fields").forEach(f -> out.add(f.path("key").asText()));
        return out;
    }

    private static double[] box(JsonNode b) {
        return new double[] {b.path("x").asDouble(), b.path("y").asDouble(), b.path("w").asDouble(), b.path("h").asDouble()};
    }

    private static boolean inside(double[] a, double[] b) {
        double e = 0.01;
        return a[2] > 0 && a[3] > 0 && a[0] >= b[0] - e && a[1] >= b[1] - e && a[0] + a[2] <= b[0] + b[2] + e
                && a[1] + a[3] <= b[1] + b[3] + e;
    }

    private static boolean overlap(double[] a, double[] b) {
        double e = 0.01;
        return a[0] + e < b[0] + b[2] && b[0] + e < a[0] + a[2] && a[1] + e < b[1] + b[3] && b[1] + e < a[1] + a[3];
    }
}
