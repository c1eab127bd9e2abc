package io.todoke.app.backlog;

import io.todoke.app.BrowserAppTest;
import io.todoke.app.Fmt;
import io.todoke.app.TestCases;
import io.todoke.store.backlog.Backlog;
import io.todoke.store.backlog.BacklogQueries;
import io.todoke.store.cases.CasePriority;
import io.todoke.app.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** 滞留状況: the numbers a lead needs in a surge, in Japanese and Japan time, for the people who may see them. */
class BacklogPageTest extends BrowserAppTest {

    @Autowired
    BacklogQueries queries;

    @BeforeAll
    void seed() {
        accounts.create("clerk-surge", PASSWORD, "滞留 確子", List.of("CLERK"), null);
        accounts.create("staff-surge-ward", PASSWORD, "区 職員", List.of("STAFF"), "西区");
        accounts.create("staff-surge-city", PASSWORD, "市 職員", List.of("STAFF"), null);
        Map<String, TestCases.Read> deceased = TestCases.typicalForm();
        deceased.put("case_type", TestCases.Read.ok("deceased"));
        deceased.put("patient_name", TestCases.Read.low("死亡 例子", "死亡 例子"));
        cases.seed(deceased, List.of());
        Map<String, TestCases.Read> elderly = TestCases.typicalForm();
        elderly.put("age", TestCases.Read.ok(82L));
        elderly.put("birth_date", TestCases.Read.ok("1939-01-01"));
        elderly.put("patient_name", TestCases.Read.low("高齢 例子", "高齢 例子"));
        cases.seed(elderly, List.of());
        Map<String, TestCases.Read> done = TestCases.typicalForm();
        done.put("patient_name", TestCases.Read.low("確定 済子", "確定 済子"));
        UUID confirmed = cases.seed(done, List.of());
        reviews.confirm(confirmed, "clerk-surge", reviews.claim(confirmed, "clerk-surge").version());
    }

    @Test
    void showsWaitingByPriorityBeingReadTodaysConfirmationsByClerkAndTheTimeToClear() {
        Backlog b = queries.now(Fmt.JAPAN);
        try (Browser browser = browser(1366, 768).signIn("clerk-surge", PASSWORD)) {
            browser.open("/backlog");
            assertThat(text(browser, "#waiting-deceased")).isEqualTo(b.waitingByPriority().get(CasePriority.DECEASED) + "件");
            assertThat(text(browser, "#waiting-elderly")).isEqualTo(b.waitingByPriority().get(CasePriority.ELDERLY) + "件");
            assertThat(text(browser, "#waiting-other")).isEqualTo(b.waitingByPriority().get(CasePriority.OTHER) + "件");
            assertThat(b.waitingByPriority().get(CasePriority.DECEASED)).isPositive();
            assertThat(text(browser, "#being-read .big")).isEqualTo(b.beingRead() + "件");
            assertThat(browser.driver().findElements(By.cssSelector("#by-clerk tbody tr")).stream().map(WebElement::getText))
                    .anyMatch(r -> r.startsWith("滞留 確子 "))
                    .as("clerks by name, not login id").noneMatch(r -> r.contains("clerk-surge"));
            assertThat(text(browser, "#by-hour")).contains(":00–");
            assertThat(text(browser, "#pace .big")).endsWith("件/時");
            assertThat(text(browser, "#clear .big")).as("waiting at a pace: a time, not 「—」").matches(".*(分|時間|日).*");
            String today = DateTimeFormatter.ofPattern("yyyy/MM/dd").format(b.at().atZone(Fmt.JAPAN));
            assertThat(text(browser, "#as-of")).startsWith(today).contains("時点");
            assertThat(browser.driver().findElement(By.tagName("body")).getDomAttribute("data-reload-seconds")).isEqualTo("30");
        }
    }

    @Test
    void clerksAndCityWideStaffSeeItInTheirNavigationWardBoundStaffAreRefused() throws Exception {
        assertThat(html("clerk-surge", "/backlog")).contains("id=\"nav-backlog\"");
        assertThat(html("staff-surge-city", "/backlog")).contains("id=\"nav-backlog\"");
        assertThat(mvc.perform(get("/backlog").with(user(accounts.loadUserByUsername("staff-surge-ward"))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(html("staff-surge-ward", "/search")).doesNotContain("nav-backlog");
    }

    private static String text(Browser b, String css) {
        return b.waitFor(By.cssSelector(css)).getText();
    }

    private String html(String username, String path) throws Exception {
        var r = mvc.perform(get(path).with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + " as " + username).isEqualTo(200);
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }
}
