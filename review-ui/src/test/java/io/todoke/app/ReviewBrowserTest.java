package io.todoke.app;

import io.todoke.app.security.UserAccounts;
import io.todoke.ocr.FieldReading;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.review.ReviewService;
import io.todoke.store.fax.FaxStore;
import io.todoke.search.CaseIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A clerk's day in headless Chromium against the real app, H2 file database and all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewBrowserTest {

    static final Path TMP = TestWorkspace.create("todoke-ui-test-");
    static final String PASSWORD = "test-password-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorkspace.register(registry, TMP);
        registry.add("todoke.intake.auto-confirm", () -> "false");
        registry.add("todoke.intake.stability.min-age", () -> "300ms");
        registry.add("search.elasticsearch.local.java-opts", () -> io.todoke.search.TestElasticsearch.FAST_START);
        // Selenium looks for a CDP binding matching Chromium's version; WebDriver classic needs none.
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
    MockMvc mvc;
    @Autowired
    FaxStore faxes;
    @Autowired
    CaseIndex index;

    TestCases cases;

    @BeforeAll
    void users() {
        cases = new TestCases(faxes, Path.of("../config/forms/covid19-notification/layout.json"), TMP.resolve("archive"));
        accounts.create("clerk-k", PASSWORD, "鍵盤 早子", List.of("CLERK"), null);
        accounts.create("clerk-a", PASSWORD, "確認 花子", List.of("CLERK"), null);
        accounts.create("clerk-b", PASSWORD, "確認 次郎", List.of("CLERK"), null);
        accounts.create("clerk-x", PASSWORD, "表示 確認", List.of("CLERK"), null);
        accounts.create("clerk-s", PASSWORD, "受付 通子", List.of("CLERK"), null);
        accounts.create("staff-w", PASSWORD, "西区 職員", List.of("STAFF"), "西区");
        accounts.create("staff-c", PASSWORD, "全市 職員", List.of("STAFF"), null);
    }

    Browser browser() {
        return new Browser("http://localhost:" + port);
    }

    @Test
    void clerkConfirmsARecordWithThreeDoubtfulFieldsByKeyboardWithinTheKeystrokeBudget() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low("山田 太朗", "山田 太朗"));
        reads.put("symptoms", TestCases.Read.low(List.of("fever"), "発熱"));
        // A deceased case: priority 0, ahead of every other case (seeded ones are priority 2, the sample fax 1).
        reads.put("case_type", TestCases.Read.ok("deceased"));
        reads.put("birth_date", TestCases.Read.invalid("昭和25年3月l2日", "日付として読めません"));
        UUID id = cases.seed(reads, List.of("低信頼度の項目があります"));

        try (Browser b = browser().signIn("clerk-k", PASSWORD)) {
            b.waitFor(By.id("next-form"));
            b.type("n");
            b.waitFor(By.id("review-form"));
            assertThat(b.driver().getCurrentUrl()).endsWith("/review/" + id);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_patient_name");

            String name = "山田太郎";
            String birth = "1950-03-12";
            b.type(name).type(Keys.ENTER);
            b.waitForFocus("f_birth_date");
            b.type(birth).type(Keys.ENTER);
            b.waitForFocus("f_symptoms");
            b.type("2"); // toggles 咳 (cough), the second option
            b.chord(Keys.CONTROL, Keys.ENTER);
            b.waitFor(By.cssSelector(".banner.info"));

            int corrected = name.length() + birth.length() + 1;
            assertThat(b.keysSent() - corrected).as("keys beyond the corrected characters").isLessThanOrEqualTo(6);
        }

        NotificationCase c = reviews.find(id).orElseThrow();
        assertThat(c.state()).as("confirmed, or already drained into the index").isIn(CaseState.CONFIRMED, CaseState.INDEXED);
        assertThat(c.confirmedBy()).isEqualTo("clerk-k");
        assertThat(c.ward()).isEqualTo("西区");
        assertThat(c.fields().get("patient_name").value()).isEqualTo("山田太郎");
        assertThat(c.fields().get("birth_date").value()).isEqualTo("1950-03-12");
        assertThat(c.fields().get("symptoms").value()).isEqualTo(List.of("cough", "fever"));
        assertThat(c.fields().values()).filteredOn(f -> f.status().needsReview()).isEmpty();
        assertThat(reviews.history(id)).filteredOn(h -> h.action().equals("CORRECT"))
                .extracting(h -> h.field() + ":" + h.oldValue() + "→" + h.newValue())
                .containsExactlyInAnyOrder("patient_name:\"山田 太朗\"→\"山田太郎\"", "birth_date:null→\"1950-03-12\"",
                        "symptoms:[\"fever\"]→[\"cough\",\"fever\"]");
        assertThat(reviews.history(id)).extracting(h -> h.action()).contains("CLAIM", "VIEW", "CONFIRM");

        // The outbox drains into the real index: staff find the case by its corrected name.
        CaseIndex.SearchResult found = awaitHit("山田太郎", id);
        assertThat(found.hits()).filteredOn(h -> h.caseId().equals(id.toString())).singleElement()
                .satisfies(h -> {
                    assertThat(h.document().fields().get("birth_date")).isEqualTo("1950-03-12");
                    assertThat(h.document().ward()).isEqualTo("西区");
                });
        assertThat(awaitUntil(() -> reviews.find(id).orElseThrow().state(), CaseState.INDEXED::equals))
                .isEqualTo(CaseState.INDEXED);
    }

    @Test
    void aSecondClerkOpeningAClaimedRecordIsToldWhoHasIt() {
        UUID id = cases.seed(withDoubtfulName(), List.of("低信頼度の項目があります"));
        reviews.claim(id, "clerk-a");

        try (Browser b = browser().signIn("clerk-b", PASSWORD)) {
            b.open("/review/" + id);
            WebElement taken = b.waitFor(By.id("taken"));
            assertThat(taken.getText()).isEqualTo("この帳票は確認 花子さんが確認中です");
            assertThat(b.driver().findElements(By.id("review-form"))).isEmpty();
        }
        assertThat(reviews.find(id).orElseThrow().claimedBy()).isEqualTo("clerk-a");
    }

    @Test
    void staffCannotOpenReviewPages() throws Exception {
        UUID id = cases.seed(withDoubtfulName(), List.of("低信頼度の項目があります"));
        var staff = accounts.loadUserByUsername("staff-w");
        mvc.perform(get("/review/" + id).with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/queue").with(user(staff))).andExpect(status().isForbidden());

        try (Browser b = browser().signIn("staff-w", PASSWORD)) {
            b.open("/review/" + id);
            assertThat(b.waitFor(By.id("forbidden")).getText()).contains("権限がありません");
            assertThat(b.driver().findElements(By.id("review-form"))).isEmpty();
        }
        assertThat(reviews.find(id).orElseThrow().claimedBy()).isNull();
    }

    @Test
    void scriptInAReadFieldIsShownAsText() {
        String evil = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low(evil, evil));
        reads.put("remarks", TestCases.Read.ok("<b>太字</b>"));
        UUID id = cases.seed(reads, List.of("<script>window.__xss=3</script>"));

        try (Browser b = browser().signIn("clerk-x", PASSWORD)) {
            b.open("/review/" + id);
            WebElement input = b.waitFor(By.id("f_patient_name"));
            assertThat(input.getDomProperty("value")).isEqualTo(evil);
            assertThat(b.driver().findElement(By.cssSelector(".field-row[data-key=patient_name] .raw span")).getText()).isEqualTo(evil);
            assertThat(b.driver().findElement(By.cssSelector(".form-reasons li")).getText()).isEqualTo("<script>window.__xss=3</script>");
            assertThat(b.driver().findElement(By.id("f_remarks")).getDomProperty("value")).isEqualTo("<b>太字</b>");
            assertThat(b.js("return window.__xss === undefined")).isEqualTo(true);
            assertThat(b.driver().findElements(By.cssSelector(".fields-pane b")).stream().map(WebElement::getText))
                    .doesNotContain("太字");
        }
    }

    @Test
    void reviewPageShowsThePageWithZonesAndCropsForTheClerk() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low("山田 太朗", "山田 太朗"));
        reads.put("birth_date", TestCases.Read.invalid("昭和45年3月l2日", "日付として読めません"));
        reads.put("age", TestCases.Read.low(5L, "5l"));
        UUID id = cases.seed(reads, List.of("低信頼度の項目があります", "形式エラーの項目があります"));

        try (Browser b = browser().signIn("clerk-x", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            assertThat(b.js("const i = document.querySelector('.page img'); return i.complete && i.naturalWidth")).isEqualTo(1680L);
            assertThat(b.driver().findElements(By.cssSelector(".zone"))).hasSizeGreaterThanOrEqualTo(20);
            assertThat(b.driver().findElement(By.cssSelector(".zone.current")).getDomAttribute("data-key")).isEqualTo("patient_name");
            assertThat(b.driver().findElement(By.cssSelector(".field-row[data-key=birth_date] .status")).getText()).isEqualTo("形式エラー");
            assertThat(b.driver().findElement(By.cssSelector(".field-row[data-key=patient_name] .status")).getText()).isEqualTo("低信頼度");
            assertThat(b.driver().findElement(By.cssSelector(".field-row[data-key=report_date] .status")).getText()).isEqualTo("OK");

            // A measurement for the report, not an assertion: navigation start to load end (page image included).
            System.out.println("review page ready (load event, image included): "
                    + b.js("const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd - n.startTime)")
                    + " ms");

            // Tab and Shift+Tab go through the doubtful fields first, in form order.
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_patient_name");
            b.type(Keys.TAB);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_birth_date");
            b.type(Keys.TAB);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_age");
            b.chord(Keys.SHIFT, Keys.TAB);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_birth_date");
            assertThat(b.driver().findElement(By.cssSelector(".zone.current")).getDomAttribute("data-key")).isEqualTo("birth_date");

            // Validation as you type shows the normalised value.
            b.js("document.getElementById('f_birth_date').focus()");
            b.type("昭和45年3月12日");
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(d ->
                    d.findElement(By.cssSelector(".field-row[data-key=birth_date] .normalised")).getText().contains("1970-03-12"));
            b.js("document.getElementById('f_patient_name').focus()");
            b.screenshot(Path.of("target/screenshots/review.png"));
        }
    }

    @Test
    void wardStaffFindTheirWardsConfirmedCaseOpenItAndDownloadTheOriginalButNotAnotherWards() throws Exception {
        UUID west = confirmed("検索 花子", "ケンサク ハナコ", "神戸市西区糀台5-6-3");
        UUID north = confirmed("検索 北子", "ケンサク キタコ", "神戸市北区鈴蘭台北町1-1");
        awaitHit("検索", west);
        awaitHit("検索", north);

        try (Browser b = browser().signIn("staff-w", PASSWORD)) {
            assertThat(b.driver().getCurrentUrl()).endsWith("/search");
            b.driver().findElement(By.id("q")).sendKeys("検索", Keys.ENTER);
            b.waitFor(By.id("total"));
            List<String> names = b.driver().findElements(By.cssSelector(".hit-link")).stream().map(WebElement::getText).toList();
            assertThat(names).contains("検索 花子").doesNotContain("検索 北子");

            // Export the results from the page's own link, with this user's session: her ward's case only.
            String csvLink = b.driver().findElement(By.id("export-csv")).getDomProperty("href");
            String csv = (String) b.js("const x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                    + " return x.status + ' ' + x.getResponseHeader('Content-Type') + '\\n' + x.responseText;", csvLink);
            assertThat(csv).startsWith("200 text/csv").contains("検索 花子").doesNotContain("検索 北子");

            b.driver().findElements(By.cssSelector(".hit-link")).stream()
                    .filter(a -> a.getText().equals("検索 花子")).findFirst().orElseThrow().click();
            assertThat(b.waitFor(By.id("case-ward")).getText()).isEqualTo("西区");
            assertThat(b.driver().findElement(By.cssSelector("tr[data-key=patient_name] .value")).getText()).isEqualTo("検索 花子");
            assertThat(b.driver().findElement(By.id("download-original")).getDomProperty("href")).endsWith("/cases/" + west + "/original");
            assertThat(b.js("const i = document.querySelector('.page img'); return i.complete && i.naturalWidth > 0")).isEqualTo(true);

            b.open("/cases/" + north);
            assertThat(b.waitFor(By.id("forbidden")).getText()).contains("権限がありません");
        }

        var staff = accounts.loadUserByUsername("staff-w");
        byte[] original = mvc.perform(get("/cases/" + west + "/original").with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(original, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-");
        mvc.perform(get("/cases/" + north + "/original").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/cases/" + north + "/pages/0.png").with(user(staff))).andExpect(status().isForbidden());
        assertThat(reviews.history(west)).extracting(h -> h.actor() + ":" + h.action())
                .contains("staff-w:VIEW", "staff-w:DOWNLOAD");

        try (Browser b = browser().signIn("staff-c", PASSWORD)) {
            b.open("/search?q=" + java.net.URLEncoder.encode("検索", java.nio.charset.StandardCharsets.UTF_8));
            b.waitFor(By.id("total"));
            assertThat(b.driver().findElements(By.cssSelector(".hit-link")).stream().map(WebElement::getText))
                    .contains("検索 花子", "検索 北子");
            new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("filter-ward"))).selectByValue("北区");
            b.driver().findElement(By.id("search")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("w=%E5%8C%97%E5%8C%BA"));
            b.waitFor(By.id("total"));
            assertThat(b.driver().findElements(By.cssSelector(".hit-link")).stream().map(WebElement::getText))
                    .contains("検索 北子").doesNotContain("検索 花子");
        }
    }

    @Test
    void aConfirmedCaseCanBeCorrectedAndTheIndexFollows() {
        UUID id = confirmed("訂正 前子", "テイセイ マエコ", "神戸市垂水区東舞子町1-1");
        awaitHit("訂正", id);

        try (Browser b = browser().signIn("clerk-x", PASSWORD)) {
            b.open("/cases/" + id);
            b.waitFor(By.id("correct-link")).click();
            b.waitFor(By.id("review-form"));
            b.js("document.getElementById('f_patient_name').focus()");
            b.type("訂正 後子");
            b.chord(Keys.CONTROL, Keys.ENTER);
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("修正を保存しました");
        }
        // Stored as the engine normalises text: NFKC, the space between surname and given name kept as written.
        assertThat(reviews.find(id).orElseThrow().fields().get("patient_name").value()).isEqualTo("訂正 後子");
        assertThat(reviews.history(id)).filteredOn(h -> h.action().equals("CORRECT")).singleElement()
                .satisfies(h -> assertThat(h.newValue()).isEqualTo("\"訂正 後子\""));
        CaseIndex.SearchResult found = awaitHit("後子", id);
        assertThat(found.hits()).extracting(CaseIndex.Hit::caseId).contains(id.toString());
    }

    @Test
    void validationAsYouTypeUsesTheEnginesNormalisersBehindCsrf() throws Exception {
        var clerk = accounts.loadUserByUsername("clerk-x");
        String body = "{\"type\":\"date\",\"text\":\"昭和45年3月12日\"}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/normalise")
                        .with(user(clerk)).contentType("application/json").content(body))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/normalise")
                        .with(user(clerk)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType("application/json").content(body))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.value").value("1970-03-12"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.messages").isEmpty());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/normalise")
                        .with(user(clerk)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType("application/json").content("{\"type\":\"date\",\"text\":\"昭和45年13月12日\"}"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.value").doesNotExist())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.messages[0]").isNotEmpty());
    }

    @Test
    void onlyAdministratorsManageUsersAndTheFirstAdminComesFromConfiguration() throws Exception {
        assertThat(accounts.find("admin")).get().satisfies(a -> assertThat(a.roles()).containsExactly("ADMIN"));
        mvc.perform(get("/admin/users").with(user(accounts.loadUserByUsername("admin")))).andExpect(status().isOk());
        mvc.perform(get("/admin/errors").with(user(accounts.loadUserByUsername("admin")))).andExpect(status().isOk());
        // A fax not read long after it arrived is listed with its reason.
        byte[] waiting = ("%PDF-1.4\n% waiting " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var stuck = faxes.receive("fax", "stuck-waiting.pdf", java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(waiting)), waiting.length, "application/pdf").fax();
        jdbc.sql("update fax_document set received_at = ?, claimed_by = 'elsewhere', lease_until = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusHours(1), java.time.OffsetDateTime.now().plusHours(1), stuck.id())
                .update();
        mvc.perform(get("/admin/errors").with(user(accounts.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("data-stuck=\"" + stuck.id() + "\""),
                                org.hamcrest.Matchers.containsString("stuck-waiting.pdf"),
                                org.hamcrest.Matchers.containsString("分以上たっても保管されていません"))));
        mvc.perform(get("/admin/users").with(user(accounts.loadUserByUsername("clerk-x")))).andExpect(status().isForbidden());
        mvc.perform(get("/search").with(user(accounts.loadUserByUsername("clerk-x")))).andExpect(status().isForbidden());
        mvc.perform(get("/queue")).andExpect(status().is3xxRedirection());

        try (Browser b = browser().signIn("admin", "admin-test-password")) {
            assertThat(b.driver().getCurrentUrl()).endsWith("/admin/users");
        }
    }

    /**
     * The walking skeleton: a sample fax dropped into the inbox is read by the engine, waits in the queue, is
     * corrected to its truth by keyboard and confirmed, and staff find it in the index.
     */
    @Test
    void aFaxDroppedInTheInboxIsReadReviewedConfirmedAndFound() throws Exception {
        Path sample = Path.of("../samples/fax-0001.pdf");
        com.fasterxml.jackson.databind.JsonNode truth = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Path.of("../samples/fax-0001.truth.json").toFile()).path("forms").get(0).path("fields");
        Files.createDirectories(TMP.resolve("inbox"));
        Files.copy(sample, TMP.resolve("inbox/fax-0001.pdf"));

        UUID id = awaitCaseOf("fax-0001.pdf");
        NotificationCase read = reviews.find(id).orElseThrow();
        assertThat(read.state()).isEqualTo(CaseState.AWAITING_REVIEW);

        try (Browser b = browser().signIn("clerk-s", PASSWORD)) {
            b.open("/queue");
            assertThat(b.driver().findElements(By.cssSelector("table.tasks td a")).stream().map(e -> e.getDomProperty("href")))
                    .anyMatch(h -> h.endsWith("/review/" + id));
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            for (WebElement input : b.driver().findElements(By.cssSelector(".field-input[data-doubtful=true]"))) {
                String key = input.getDomAttribute("id").substring(2);
                com.fasterxml.jackson.databind.JsonNode want = truth.path(key);
                b.js("arguments[0].focus()", input);
                if (input.getDomAttribute("class").contains("marks")) {
                    List<WebElement> boxes = input.findElements(By.cssSelector("input[type=checkbox]"));
                    for (int i = 0; i < boxes.size(); i++) {
                        String option = boxes.get(i).getDomAttribute("value");
                        boolean wanted = want.isArray() ? want.toString().contains("\"" + option + "\"") : option.equals(want.asText());
                        if (wanted != boxes.get(i).isSelected()) {
                            b.type(String.valueOf(i + 1));
                        }
                    }
                } else if (want.isNull() || want.isMissingNode()) {
                    b.type(Keys.BACK_SPACE);
                } else {
                    b.type(want.asText());
                }
            }
            b.chord(Keys.CONTROL, Keys.ENTER);
            assertThat(b.waitFor(By.cssSelector(".banner")).getText()).startsWith("確定しました");
        }

        NotificationCase c = reviews.find(id).orElseThrow();
        assertThat(c.state()).isIn(CaseState.CONFIRMED, CaseState.INDEXED);
        assertThat(String.valueOf(c.fields().get("patient_name").value()).replaceAll("\\s", ""))
                .isEqualTo(truth.path("patient_name").asText().replaceAll("\\s", ""));
        assertThat(c.fields().get("birth_date").value()).isEqualTo(truth.path("birth_date").asText());
        assertThat(c.ward()).isEqualTo("灘区");

        awaitHit("原田", id);
        try (Browser b = browser().signIn("staff-c", PASSWORD)) {
            b.open("/search?q=" + java.net.URLEncoder.encode("原田", java.nio.charset.StandardCharsets.UTF_8));
            b.waitFor(By.id("total"));
            b.driver().findElements(By.cssSelector(".hit-link")).stream()
                    .filter(a -> a.getDomProperty("href").endsWith("/cases/" + id)).findFirst().orElseThrow().click();
            assertThat(b.waitFor(By.id("case-ward")).getText()).isEqualTo("灘区");
        }
    }

    /**
     * A file that is not a fax is listed for the administrator with its reason; once a good copy is put in its
     * place in the error folder, 再処理 takes it in again and it becomes a case.
     */
    @Test
    void anAdministratorSeesAnUnreadableFaxWithItsReasonAndSendsItBackOnceReplaced() throws Exception {
        Files.createDirectories(TMP.resolve("inbox"));
        Files.copy(Path.of("../samples/bad/text-named.pdf"), TMP.resolve("inbox/retry-me.pdf"));
        // a rejected file is recorded FAILED first, then moved to the error folder and its place there recorded
        io.todoke.store.fax.FaxDocument failed = awaitFax("retry-me.pdf",
                f -> f.state() == io.todoke.store.fax.FaxState.FAILED && f.errorPath() != null, "failed, in the error folder");
        assertThat(failed.error()).isNotBlank();
        assertThat(failed.errorPath()).isNotBlank();

        try (Browser b = browser().signIn("admin", "admin-test-password")) {
            b.open("/admin/errors");
            WebElement row = b.waitFor(By.cssSelector("tr[data-fax='" + failed.id() + "']"));
            assertThat(row.getText()).contains("retry-me.pdf");
            assertThat(row.findElement(By.cssSelector(".reason")).getText()).isEqualTo(failed.error());

            // The operator replaces the bad file with the clinic's good copy, then sends it back.
            Files.copy(Path.of("../samples/fax-0006.pdf"), TMP.resolve("error").resolve(failed.errorPath()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            row.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("retry-me.pdf");
        }
        assertThat(awaitCaseOf("retry-me.pdf")).isNotNull();
    }

    private io.todoke.store.fax.FaxDocument awaitFax(String fileName,
            java.util.function.Predicate<io.todoke.store.fax.FaxDocument> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var fax = faxes.all().stream().filter(f -> f.fileName().equals(fileName) && condition.test(f)).findFirst();
            if (fax.isPresent()) {
                return fax.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(fileName + " was not " + what + " within a minute");
    }

    private UUID awaitCaseOf(String fileName) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            var fax = faxes.all().stream().filter(f -> f.fileName().equals(fileName)
                    && f.state() == io.todoke.store.fax.FaxState.READ).findFirst();
            if (fax.isPresent()) {
                List<UUID> ids = jdbc.sql("select id from notification_case where fax_id = :fax and template_id is not null")
                        .param("fax", fax.get().id()).query(UUID.class).list();
                if (!ids.isEmpty()) {
                    return ids.get(0);
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError(fileName + " was not read within 2 minutes");
    }

    @Test
    void aResentFaxShowsTheDuplicateBannerAndPagesThatAreNoFormOrWrongAreSetAside() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low("重複 太郎", "重複 太郎"));
        reads.put("birth_date", TestCases.Read.ok("1944-04-04"));
        UUID first = cases.seed(reads, List.of());
        UUID resent = cases.seed(reads, List.of());
        UUID junk = cases.seed(withDoubtfulName(), List.of());

        try (Browser b = browser().signIn("clerk-x", PASSWORD)) {
            b.open("/review/" + resent);
            WebElement banner = b.waitFor(By.id("duplicate-banner"));
            assertThat(banner.getText()).contains("重複の可能性");
            assertThat(banner.findElement(By.className("dup-link")).getDomProperty("href")).endsWith("/cases/" + first);
            b.js("document.getElementById('reject-reason').focus()");
            b.type("重複送信のため");
            b.driver().findElement(By.id("reject")).click();
            b.waitFor(By.cssSelector("#ask-dialog[open]"));
            b.driver().findElement(By.id("ask-ok")).click();
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("却下しました");

            b.open("/review/" + junk);
            b.waitFor(By.id("not-a-form")).click();
            b.waitFor(By.cssSelector("#ask-dialog[open]"));
            b.driver().findElement(By.id("ask-ok")).click();
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("帳票ではない");
        }
        assertThat(reviews.find(resent).orElseThrow().state()).isEqualTo(CaseState.REJECTED);
        assertThat(reviews.history(resent)).filteredOn(h -> h.action().equals("REJECT")).extracting(h -> h.detail())
                .containsExactly("重複送信のため");
        assertThat(reviews.find(junk).orElseThrow().state()).isEqualTo(CaseState.REJECTED);
        assertThat(reviews.history(junk)).filteredOn(h -> h.action().equals("REJECT")).extracting(h -> h.detail())
                .containsExactly("帳票ではない");
        assertThat(reviews.find(first).orElseThrow().state()).isEqualTo(CaseState.AWAITING_REVIEW);
    }

    /** A case confirmed through the review service, as a clerk would. */
    private UUID confirmed(String name, String kana, String address) {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low(name, name));
        reads.put("patient_name_kana", TestCases.Read.ok(kana));
        reads.put("patient_address", TestCases.Read.ok(address));
        reads.put("birth_date", TestCases.Read.ok("1960-01-01"));
        UUID id = cases.seed(reads, List.of());
        NotificationCase held = reviews.claim(id, "clerk-seed");
        reviews.confirm(id, "clerk-seed", held.version());
        return id;
    }

    private CaseIndex.SearchResult awaitHit(String text, UUID id) {
        return awaitUntil(() -> index.search(CaseIndex.CaseQuery.text(text)),
                r -> r.hits().stream().anyMatch(h -> h.caseId().equals(id.toString())));
    }

    /**
     * Polls for up to 30 s until {@code done} holds, returning the last value: the outbox writes the index first and
     * marks the case INDEXED just after, so neither is visible at the same instant as the other.
     */
    private static <T> T awaitUntil(java.util.function.Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            T r = value.get();
            if (done.test(r) || System.nanoTime() > deadline) {
                return r;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    private static Map<String, TestCases.Read> withDoubtfulName() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low("鈴木 一郎", "鈴木 一朗"));
        return reads;
    }

    static Object value(FieldReading f) {
        return f.value();
    }
}
