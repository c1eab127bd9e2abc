package io.todoke.app;

import io.todoke.app.export.CsvExport;
import io.todoke.app.security.UserAccounts;
import io.todoke.search.CaseIndex;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.review.ReviewService;
import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.template.FormTemplates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case model for every disease, in headless Chromium against the real app over the form library
 * ({@code config/forms}): a fax of the 結核 (tuberculosis) form and one of the 麻しん (measles) form, which asks no
 * name, both filled and faxed by the engine's test fixtures from the library's layouts, are dropped into the inbox,
 * read as cases of their own disease, reviewed and confirmed by a clerk, and found, counted and exported by disease.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiseasesBrowserTest {

    static final Path TMP = TestWorkspace.create("todoke-diseases-test-");
    static final Path FORMS = Path.of("../config/forms");
    static final String PASSWORD = "test-password-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorkspace.register(registry, TMP, FORMS);
        registry.add("todoke.intake.auto-confirm", () -> "false");
        registry.add("todoke.intake.stability.min-age", () -> "300ms");
        registry.add("search.elasticsearch.index-alias", () -> "diseases-test-cases");
        registry.add("search.elasticsearch.local.java-opts", () -> io.todoke.search.TestElasticsearch.FAST_START);
        registry.add("logging.level.org.openqa.selenium", () -> "ERROR");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FaxStore faxes;
    @Autowired
    CaseIndex index;

    @BeforeAll
    void users() {
        accounts.create("clerk-d", PASSWORD, "疾患 確認", List.of("CLERK"), null);
        accounts.create("staff-d", PASSWORD, "疾患 職員", List.of("STAFF"), null);
    }

    Browser browser() {
        return new Browser("http://localhost:" + port);
    }

    @Test
    void aFaxOfEachOfTwoDiseasesBecomesACaseOfItsDiseaseIsConfirmedAndIsFoundCountedAndExportedByDisease()
            throws Exception {
        Map<String, Object> tbTruth = drop("tuberculosis-notification", "tb.pdf", Map.of(
                "report_date", "令和4年8月9日", "physician_name", "山田 太郎", "facility_name", "神戸中央クリニック",
                "facility_phone", "078-321-4567", "patient_name_kana", "スズキ ハナコ", "patient_name", "鈴木 花子",
                "birth_date", "昭和45年3月12日", "age", "52", "patient_address", "神戸市灘区篠原本町2-3-4",
                "diagnosis_date", "令和4年8月8日"), Map.of("case_type", "confirmed", "sex", "female",
                "insurance_type", "national", "tb_type", "pulmonary", "symptoms", List.of("cough"),
                "diagnosis_methods", List.of("smear")));
        Map<String, Object> measlesTruth = drop("measles-notification", "measles.pdf", Map.of(
                "report_date", "令和4年8月9日", "physician_name", "山田 太郎", "facility_name", "神戸中央クリニック",
                "facility_phone", "078-321-4567", "age", "7", "onset_date", "令和4年8月5日",
                "diagnosis_date", "令和4年8月8日"), Map.of("case_type", "confirmed", "sex", "female",
                "measles_type", "clinical", "symptoms", List.of("fever", "rash"), "vaccine_dose1", "no"));

        UUID tb = awaitCaseOf("tb.pdf");
        UUID measles = awaitCaseOf("measles.pdf");
        NotificationCase tbCase = reviews.find(tb).orElseThrow();
        NotificationCase measlesCase = reviews.find(measles).orElseThrow();
        assertThat(tbCase.disease()).isEqualTo("tuberculosis");
        assertThat(tbCase.templateId()).isEqualTo("tuberculosis-notification");
        assertThat(tbCase.fields()).containsKeys("patient_name", "insurance_type", "tb_type");
        assertThat(measlesCase.disease()).isEqualTo("measles");
        assertThat(measlesCase.templateId()).isEqualTo("measles-notification");
        assertThat(measlesCase.fields()).containsKeys("measles_type", "vaccine_dose1")
                .doesNotContainKeys("patient_name", "insurance_type", "tb_type");
        // Read, not only recognised as its form: the marks and the report date agree with what was written.
        assertThat(measlesCase.fields().get("sex").value()).isEqualTo("female");
        assertThat(measlesCase.fields().get("measles_type").value()).isEqualTo("clinical");
        assertThat(measlesCase.fields().get("report_date").value()).isEqualTo("2022-08-09");
        assertThat(tbCase.fields().get("tb_type").value()).isEqualTo("pulmonary");

        try (Browser b = browser().signIn("clerk-d", PASSWORD)) {
            b.open("/queue");
            assertThat(b.waitFor(By.cssSelector("table.tasks")).getText()).contains("結核", "麻しん");
            confirm(b, tb, tbTruth, null);
            confirm(b, measles, measlesTruth, "海外");
        }
        assertThat(reviews.find(measles).orElseThrow().state()).isIn(CaseState.CONFIRMED, CaseState.INDEXED);
        assertThat(reviews.find(measles).orElseThrow().fields().get("infection_region").value()).isEqualTo("海外");
        awaitUntil(() -> indexed(tb) && indexed(measles));

        String day = "2022-08-09";
        try (Browser b = browser().signIn("staff-d", PASSWORD)) {
            b.open("/search");
            new org.openqa.selenium.support.ui.Select(b.waitFor(By.id("filter-disease"))).selectByValue("measles");
            b.driver().findElement(By.id("search")).click();
            b.waitFor(By.id("total"));
            assertThat(hrefs(b)).anyMatch(h -> h.endsWith("/cases/" + measles)).noneMatch(h -> h.endsWith("/cases/" + tb));
            assertThat(b.driver().findElement(By.cssSelector(".facets")).getText()).contains("疾患", "麻しん 1件");

            String csv = (String) b.js("const x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                    + " return x.responseText;", b.driver().findElement(By.id("export-csv")).getDomProperty("href"));
            // WebDriver hands strings back with bare line feeds; the file has CRLF.
            List<List<String>> rows = CsvExport.read(csv.replace("\r\n", "\n").replace("\n", "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(rows.get(0)).contains("疾患", "病型", "予防接種歴（1回目）", "感染地域", "確定日時")
                    .doesNotContain("当該者氏名", "生年月日", "保険種別");
            assertThat(rows).filteredOn(r -> r.get(0).equals(measles.toString())).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get(rows.get(0).indexOf("感染地域"))).isEqualTo("海外");
                        assertThat(r.get(rows.get(0).indexOf("疾患"))).isEqualTo("麻しん");
                    });

            b.open("/search?d=tuberculosis");
            b.waitFor(By.id("total"));
            assertThat(hrefs(b)).anyMatch(h -> h.endsWith("/cases/" + tb)).noneMatch(h -> h.endsWith("/cases/" + measles));

            b.open("/cases/" + measles);
            assertThat(b.waitFor(By.id("case-disease")).getText()).isEqualTo("麻しん");
            assertThat(b.driver().findElement(By.cssSelector("tr[data-key=infection_region] .value")).getText()).isEqualTo("海外");
            assertThat(b.driver().findElements(By.cssSelector("tr[data-key=patient_name]"))).isEmpty();

            b.open("/statistics?from=" + day + "&to=" + day + "&day=" + day + "&d=tuberculosis");
            assertThat(b.waitFor(By.cssSelector("#press h2")).getText()).contains("結核", "（1人）");
            assertThat(b.driver().findElements(By.cssSelector("#disease-table tr[data-disease=tuberculosis]"))).hasSize(1);
            assertThat(b.driver().findElements(By.cssSelector("#disease-table tr[data-disease=measles]"))).hasSize(1);
        }
    }

    /**
     * Fills the form {@code formId} of the test's form library with {@code written} text and {@code marked} options,
     * faxes it (fine mode, G4) and drops it into the inbox; what a clerk should confirm for each field: the text as
     * written (the clerk types it again where the engine doubts it), the options marked.
     */
    private Map<String, Object> drop(String formId, String name, Map<String, String> written,
                                     Map<String, Object> marked) throws IOException {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        marked.forEach((k, v) -> choices.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(v))));
        var page = FaxFixtures.filledForm(FormTemplates.loadOne(FORMS.resolve(formId)), written, choices,
                FaxFixtures.Mark.CHECK);
        Files.createDirectories(TMP.resolve("inbox"));
        Files.write(TMP.resolve("inbox").resolve(name), FaxFixtures.pdf(List.of(page), 204, 196));
        Map<String, Object> truth = new LinkedHashMap<>(written);
        truth.putAll(marked);
        return truth;
    }

    /** The clerk corrects each doubtful field to what was written, types {@code region} (感染地域) if given, confirms. */
    private void confirm(Browser b, UUID id, Map<String, Object> truth, String region) {
        b.open("/review/" + id);
        b.waitFor(By.id("review-form"));
        for (WebElement input : b.driver().findElements(By.cssSelector(".field-input[data-doubtful=true]"))) {
            Object want = truth.get(input.getDomAttribute("id").substring(2));
            b.js("arguments[0].focus()", input);
            if (input.getDomAttribute("class").contains("marks")) {
                List<WebElement> boxes = input.findElements(By.cssSelector("input[type=checkbox]"));
                for (int i = 0; i < boxes.size(); i++) {
                    String option = boxes.get(i).getDomAttribute("value");
                    boolean wanted = want instanceof List<?> l ? l.contains(option) : option.equals(want);
                    if (wanted != boxes.get(i).isSelected()) {
                        b.type(String.valueOf(i + 1));
                    }
                }
            } else if (want == null) {
                b.type(Keys.BACK_SPACE);
            } else {
                b.type(String.valueOf(want));
            }
        }
        if (region != null) {
            b.js("document.getElementById('f_infection_region').focus()");
            b.type(region);
        }
        b.chord(Keys.CONTROL, Keys.ENTER);
        assertThat(b.waitFor(By.cssSelector(".banner")).getText()).startsWith("確定しました");
    }

    private static List<String> hrefs(Browser b) {
        return b.driver().findElements(By.cssSelector(".hit-link")).stream().map(a -> a.getDomProperty("href")).toList();
    }

    private boolean indexed(UUID id) {
        return index.search(new CaseIndex.CaseQuery(null, List.of(), null, null, null, null, 0, 50)).hits().stream()
                .anyMatch(h -> h.caseId().equals(id.toString()));
    }

    private UUID awaitCaseOf(String fileName) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            var fax = faxes.all().stream().filter(f -> f.fileName().equals(fileName) && f.state() == FaxState.READ)
                    .findFirst();
            if (fax.isPresent()) {
                List<UUID> ids = jdbc.sql("select id from notification_case where fax_id = :fax and template_id is not null")
                        .param("fax", fax.get().id()).query(UUID.class).list();
                if (!ids.isEmpty()) {
                    return ids.get(0);
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError(fileName + " was not read within 5 minutes");
    }

    private static void awaitUntil(Supplier<Boolean> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.get() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(done.get()).as("indexed within a minute").isTrue();
    }
}
