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
import java.io.UncheckedIOException;
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
 * One case model for every disease, in headless Chromium against the real app: a fax of the COVID-19 form and one of
 * a second, made-up form ({@code src/test/resources/forms/testfever-notification}, 試験熱, no name asked), both
 * filled and faxed by the engine's test fixtures from their layouts, are dropped into the inbox, read as cases of their own disease, reviewed and
 * confirmed by a clerk, and found, counted and exported by disease.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiseasesBrowserTest {

    static final Path TMP = TestWorkspace.create("todoke-diseases-test-");
    static final Path FORMS = TMP.resolve("forms");
    static final Path TEST_FORM = Path.of("src/test/resources/forms/testfever-notification/layout.json");
    static final Path COVID = Path.of("../config/forms/covid19-notification");
    static final String PASSWORD = "test-password-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        formLibrary();
        TestWorkspace.register(registry, TMP, FORMS);
        registry.add("todoke.intake.auto-confirm", () -> "false");
        registry.add("todoke.intake.stability.min-age", () -> "300ms");
        registry.add("search.elasticsearch.index-alias", () -> "diseases-test-cases");
        registry.add("search.elasticsearch.local.java-opts", () -> io.todoke.search.TestElasticsearch.FAST_START);
        registry.add("logging.level.org.openqa.selenium", () -> "ERROR");
    }

    /**
     * The COVID-19 form and the test form side by side; the test form reads with the COVID-19 form's engine settings
     * (its template.json and town list), which name no field of their own that it lacks.
     */
    static void formLibrary() {
        try {
            Path covid = Files.createDirectories(FORMS.resolve("covid19-notification"));
            Path fever = Files.createDirectories(FORMS.resolve("testfever-notification"));
            for (String f : List.of("layout.json", "template.json", "towns.tsv")) {
                Files.copy(COVID.resolve(f), covid.resolve(f));
            }
            Files.copy(TEST_FORM, fever.resolve("layout.json"));
            Files.copy(COVID.resolve("template.json"), fever.resolve("template.json"));
            Files.copy(COVID.resolve("towns.tsv"), fever.resolve("towns.tsv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        Map<String, Object> covidTruth = drop("covid19-notification", "covid.pdf", Map.of(
                "report_date", "令和4年8月9日", "physician_name", "山田 太郎", "facility_name", "神戸中央クリニック",
                "facility_phone", "078-321-4567", "patient_name_kana", "スズキ ハナコ", "patient_name", "鈴木 花子",
                "birth_date", "昭和45年3月12日", "age", "52", "patient_address", "神戸市灘区篠原本町2-3-4",
                "diagnosis_date", "令和4年8月8日"), Map.of("case_type", "confirmed", "sex", "female",
                "symptoms", List.of("fever"), "diagnosis_methods", List.of("pcr")));
        Map<String, Object> feverTruth = drop("testfever-notification", "fever.pdf", Map.of(
                "report_date", "令和4年8月9日", "physician_name", "山田 太郎", "facility_name", "神戸中央クリニック",
                "facility_phone", "078-321-4567", "age", "7", "patient_address", "神戸市灘区篠原本町2-3-4",
                "onset_date", "令和4年8月5日"), Map.of("sex", "female", "rash", "present"));

        UUID covid = awaitCaseOf("covid.pdf");
        UUID fever = awaitCaseOf("fever.pdf");
        NotificationCase covidCase = reviews.find(covid).orElseThrow();
        NotificationCase feverCase = reviews.find(fever).orElseThrow();
        assertThat(covidCase.disease()).isEqualTo("covid19");
        assertThat(feverCase.disease()).isEqualTo("testfever");
        assertThat(feverCase.templateId()).isEqualTo("testfever-notification");
        assertThat(feverCase.fields()).containsOnlyKeys("report_date", "physician_name", "facility_name",
                "facility_phone", "sex", "age", "patient_address", "onset_date", "rash", "max_temperature");
        // Read, not only recognised as its form: the marks and the report date agree with what was written.
        assertThat(feverCase.fields().get("sex").value()).isEqualTo("female");
        assertThat(feverCase.fields().get("rash").value()).isEqualTo("present");
        assertThat(feverCase.fields().get("report_date").value()).isEqualTo("2022-08-09");

        try (Browser b = browser().signIn("clerk-d", PASSWORD)) {
            b.open("/queue");
            assertThat(b.waitFor(By.cssSelector("table.tasks")).getText()).contains("試験熱", "新型コロナウイルス感染症");
            confirm(b, covid, covidTruth, null);
            confirm(b, fever, feverTruth, "39.5");
        }
        assertThat(reviews.find(fever).orElseThrow().state()).isIn(CaseState.CONFIRMED, CaseState.INDEXED);
        assertThat(reviews.find(fever).orElseThrow().fields().get("max_temperature").value()).isEqualTo("39.5");
        awaitUntil(() -> indexed(covid) && indexed(fever));

        String day = "2022-08-09";
        try (Browser b = browser().signIn("staff-d", PASSWORD)) {
            b.open("/search");
            new org.openqa.selenium.support.ui.Select(b.waitFor(By.id("filter-disease"))).selectByValue("testfever");
            b.driver().findElement(By.id("search")).click();
            b.waitFor(By.id("total"));
            assertThat(hrefs(b)).anyMatch(h -> h.endsWith("/cases/" + fever)).noneMatch(h -> h.endsWith("/cases/" + covid));
            assertThat(b.driver().findElement(By.cssSelector(".facets")).getText()).contains("疾患", "試験熱 1件");

            String csv = (String) b.js("const x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                    + " return x.responseText;", b.driver().findElement(By.id("export-csv")).getDomProperty("href"));
            // WebDriver hands strings back with bare line feeds; the file has CRLF.
            List<List<String>> rows = CsvExport.read(csv.replace("\r\n", "\n").replace("\n", "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(rows.get(0)).contains("疾患", "発疹", "最高体温", "確定日時").doesNotContain("氏名", "生年月日");
            assertThat(rows).filteredOn(r -> r.get(0).equals(fever.toString())).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get(rows.get(0).indexOf("最高体温"))).isEqualTo("39.5");
                        assertThat(r.get(rows.get(0).indexOf("疾患"))).isEqualTo("試験熱");
                    });

            b.open("/search?d=covid19");
            b.waitFor(By.id("total"));
            assertThat(hrefs(b)).anyMatch(h -> h.endsWith("/cases/" + covid)).noneMatch(h -> h.endsWith("/cases/" + fever));

            b.open("/cases/" + fever);
            assertThat(b.waitFor(By.id("case-disease")).getText()).isEqualTo("試験熱");
            assertThat(b.driver().findElement(By.cssSelector("tr[data-key=max_temperature] .value")).getText()).isEqualTo("39.5");
            assertThat(b.driver().findElements(By.cssSelector("tr[data-key=patient_name]"))).isEmpty();

            b.open("/statistics?from=" + day + "&to=" + day + "&day=" + day + "&d=testfever");
            assertThat(b.waitFor(By.cssSelector("#press h2")).getText()).contains("試験熱", "（1人）");
            assertThat(b.driver().findElements(By.cssSelector("#disease-table tr[data-disease=testfever]"))).hasSize(1);
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

    /** The clerk corrects each doubtful field to what was written, types {@code temperature} if given, confirms. */
    private void confirm(Browser b, UUID id, Map<String, Object> truth, String temperature) {
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
        if (temperature != null) {
            b.js("document.getElementById('f_max_temperature').focus()");
            b.type(temperature);
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
