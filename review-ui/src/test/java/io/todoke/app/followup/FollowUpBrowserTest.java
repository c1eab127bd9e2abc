package io.todoke.app.followup;

import io.todoke.app.Browser;
import io.todoke.app.BrowserAppTest;
import io.todoke.app.TestCases;
import io.todoke.app.security.TodokeUser;
import io.todoke.store.followup.FollowUp;
import io.todoke.store.followup.FollowUpService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ward's follow-up in headless Chromium: a fax's case is confirmed by a clerk and lands in 西区's work list; a
 * 西区 nurse takes it, records the first interview and two observations and closes it; the city-wide lead sees it
 * counted; 北区's staff can open neither its page nor its API.
 */
class FollowUpBrowserTest extends BrowserAppTest {

    @Autowired
    FollowUpService followUps;

    @BeforeAll
    void users() {
        accounts.create("fu-clerk", PASSWORD, "受付 係", List.of("CLERK"), null);
        accounts.create("fu-nurse-west", PASSWORD, "西区 保健師", List.of("STAFF"), "西区");
        accounts.create("fu-nurse-north", PASSWORD, "北区 保健師", List.of("STAFF"), "北区");
        accounts.create("fu-lead", PASSWORD, "全市 統括", List.of("STAFF"), null);
    }

    @Test
    void aConfirmedCaseIsFollowedUpByItsWardToTheEndAndSeenByTheLeadButNotByAnotherWard() throws Exception {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.ok("追跡 良子"));
        reads.put("patient_name_kana", TestCases.Read.ok("ツイセキ ヨシコ"));
        reads.put("birth_date", TestCases.Read.ok("1962-04-05"));
        reads.put("patient_address", TestCases.Read.ok("神戸市西区学園西町1-1"));
        UUID id = cases.seed(reads, List.of());

        try (Browser b = browser().signIn("fu-clerk", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("confirm")).click();
            assertThat(b.waitFor(By.cssSelector(".banner")).getText()).startsWith("確定しました");
        }

        try (Browser b = browser().signIn("fu-nurse-west", PASSWORD)) {
            b.open("/followup?list=BY_STATUS&status=new");
            b.waitFor(By.id("worklist"));
            b.clickToNextPage(row(b, id).findElement(By.cssSelector("a.case-link")));
            assertThat(b.waitFor(By.id("followup-status")).getText()).isEqualTo("未対応");
            assertThat(b.driver().findElement(By.id("followup-ward")).getText()).isEqualTo("西区");

            new Select(b.driver().findElement(By.id("assignee"))).selectByValue("fu-nurse-west");
            b.clickToNextPage(b.driver().findElement(By.id("assignee-save")));
            assertThat(b.waitFor(By.id("followup-assignee")).getText()).isEqualTo("fu-nurse-west");
            setStatus(b, "contacted", "初回連絡済");

            b.driver().findElement(By.id("INTERVIEW-contacts")).sendKeys("同居の夫");
            new Select(b.driver().findElement(By.id("INTERVIEW-stay"))).selectByValue("hospital");
            b.driver().findElement(By.id("INTERVIEW-hospital")).sendKeys("西神戸医療センター");
            b.driver().findElement(By.id("INTERVIEW-household_size")).sendKeys("二人");
            b.clickToNextPage(b.driver().findElement(By.id("save-INTERVIEW")));
            assertThat(b.waitFor(By.cssSelector(".banner.error")).getText()).isEqualTo("「同居者数」は整数で入力してください");

            b.driver().findElement(By.id("INTERVIEW-contacts")).sendKeys("同居の夫");
            new Select(b.driver().findElement(By.id("INTERVIEW-stay"))).selectByValue("hospital");
            b.driver().findElement(By.id("INTERVIEW-household_size")).sendKeys("2");
            b.clickToNextPage(b.driver().findElement(By.id("save-INTERVIEW")));
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).isEqualTo("疫学調査を記録しました");
            setStatus(b, "observing", "観察中");

            observe(b, "2026-12-08", "stable");
            observe(b, "2026-12-09", "better");
            assertThat(b.driver().findElements(By.cssSelector("section.record[data-kind=OBSERVATION]"))).hasSize(2);
            assertThat(b.driver().findElement(By.cssSelector("section.record[data-kind=INTERVIEW] tr[data-key=stay] td"))
                    .getText()).isEqualTo("入院");
            setStatus(b, "closed", "終了");
        }

        FollowUp done = followUps.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo("closed");
        assertThat(done.closedAt()).isNotNull();
        assertThat(followUps.entries(id)).hasSize(3);
        assertThat(jdbc.sql("select count(*) from audit_log where case_id = ? and action like 'FOLLOWUP_%'")
                .param(id).query(Long.class).single()).as("every view and change audited").isGreaterThanOrEqualTo(10);

        try (Browser b = browser().signIn("fu-lead", PASSWORD)) {
            b.open("/followup?list=BY_STATUS&status=closed&ward=" + java.net.URLEncoder.encode("西区", java.nio.charset.StandardCharsets.UTF_8));
            b.waitFor(By.id("worklist"));
            assertThat(row(b, id).findElement(By.cssSelector("td.status")).getText()).isEqualTo("終了");
            b.open("/followup");
            WebElement west = b.waitFor(By.cssSelector("#counts tr[data-ward='西区']"));
            assertThat(Long.parseLong(west.findElement(By.cssSelector("td[data-status=closed]")).getText())).isPositive();
        }

        try (Browser b = browser().signIn("fu-nurse-north", PASSWORD)) {
            b.open("/followup?list=BY_STATUS");
            b.waitFor(By.id("worklist"));
            assertThat(b.driver().findElements(By.cssSelector("#worklist tr[data-case='" + id + "']"))).isEmpty();
            assertThat(b.driver().findElements(By.cssSelector("#counts tr[data-ward='西区']"))).isEmpty();
            b.open("/followup/cases/" + id);
            assertThat(b.waitFor(By.id("forbidden")).getText()).isEqualTo("このページを開く権限がありません");
        }
        TodokeUser north = accounts.loadUserByUsername("fu-nurse-north");
        mvc.perform(get("/followup/cases/" + id).with(user(north))).andExpect(status().isForbidden());
        mvc.perform(get("/api/followup/cases/" + id).with(user(north))).andExpect(status().isForbidden());
        mvc.perform(get("/cases/" + id).with(user(north))).andExpect(status().isForbidden());
        mvc.perform(get("/api/followup/cases/" + UUID.randomUUID()).with(user(north))).andExpect(status().isNotFound());
    }

    private static WebElement row(Browser b, UUID id) {
        return b.waitFor(By.cssSelector("#worklist tr[data-case='" + id + "']"));
    }

    private static void setStatus(Browser b, String code, String label) {
        new Select(b.driver().findElement(By.id("status"))).selectByValue(code);
        b.clickToNextPage(b.driver().findElement(By.id("status-save")));
        b.waitFor(By.cssSelector(".banner.info"));
        assertThat(b.driver().findElement(By.id("followup-status")).getText()).isEqualTo(label);
    }

    private static void observe(Browser b, String date, String state) {
        b.js("arguments[0].value = arguments[1]", b.driver().findElement(By.id("OBSERVATION-date")), date);
        new Select(b.driver().findElement(By.id("OBSERVATION-state"))).selectByValue(state);
        b.clickToNextPage(b.driver().findElement(By.id("save-OBSERVATION")));
        assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).isEqualTo("健康観察を記録しました");
    }
}
