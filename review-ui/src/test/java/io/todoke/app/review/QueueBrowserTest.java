package io.todoke.app.review;

import io.todoke.app.Browser;
import io.todoke.app.BrowserAppTest;
import io.todoke.app.TestCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue on the smallest screen clerks use: cases in view at once (not under a table of reasons), reasons
 * worth reading, names on one line, and a list that refreshes itself in place.
 */
class QueueBrowserTest extends BrowserAppTest {

    private static final String GENERIC = "読み取りの確信度が低いため確認してください";

    @BeforeAll
    void seedASurge() {
        accounts.create("clerk-queue", PASSWORD, "待列 確子", List.of("CLERK"), null);
        // As on a surge day: many cases, each with its own reason, so the old breakdown ran to 23 rows.
        for (int i = 1; i <= 22; i++) {
            cases.seed(withName("多数 " + i + "郎"), List.of("帳票の注記 " + i));
        }
    }

    @Test
    void atTheSmallestScreenTheFirstCaseIsInViewAndTheBreakdownIsFoldedAway() {
        try (Browser b = browser(1366, 768).signIn("clerk-queue", PASSWORD)) {
            b.open("/queue");
            WebElement first = b.waitFor(By.cssSelector("table.tasks tbody tr"));
            Number bottom = (Number) b.js("return arguments[0].getBoundingClientRect().bottom", first);
            Number height = (Number) b.js("return window.innerHeight");
            assertThat(height.intValue()).isLessThanOrEqualTo(768);
            assertThat(bottom.doubleValue()).as("the first case row is within the viewport").isLessThan(height.doubleValue());
            assertThat(b.driver().findElement(By.id("counts")).getDomAttribute("open")).as("breakdown folded").isNull();
            assertThat(b.driver().findElement(By.id("queue-status")).getText())
                    .contains("確認待ち").contains("読み取り中").contains("最も古い確認待ち");
        }
    }

    @Test
    void theGenericLowConfidenceReasonGivesWayToTheCountOfDoubtfulFieldsAndNamesStayOnOneLine() {
        Map<String, TestCases.Read> reads = withName("長谷川原 久美子之助右衛門");
        reads.put("patient_address", new TestCases.Read("神戸市西区", "神戸市西区", io.todoke.ocr.FieldStatus.LOW_CONFIDENCE,
                List.of(GENERIC)));
        reads.put("birth_date", TestCases.Read.invalid("R5.13.3", "日付として読めません"));
        reads.put("patient_phone", new TestCases.Read("078-991-1234", "078-991-1234", io.todoke.ocr.FieldStatus.LOW_CONFIDENCE,
                List.of()));
        UUID id = cases.seed(reads, List.of());

        try (Browser b = browser(1366, 768).signIn("clerk-queue", PASSWORD)) {
            b.open("/queue");
            WebElement row = b.waitFor(By.xpath("//tr[.//a[contains(@href,'" + id + "')]]"));
            assertThat(row.findElement(By.cssSelector("td.why")).getText())
                    .isEqualTo("日付として読めません");
            assertThat(row.findElement(By.cssSelector("td.doubtful")).getText()).as("name, address, birth date and phone").isEqualTo("4項目");
            WebElement name = row.findElement(By.cssSelector("td.name"));
            assertThat(name.getCssValue("white-space")).isEqualTo("nowrap");
            b.driver().findElement(By.cssSelector("#counts summary")).click();
            assertThat(b.driver().findElement(By.id("counts")).getText())
                    .contains("日付として読めません").doesNotContain("確信度が低い").doesNotContain("確認が必要です");
        }
    }

    @Test
    void theQueueRefreshesItselfInPlaceKeepingTheOpenBreakdownAndTheFocus() {
        try (Browser b = browser(1366, 768).signIn("clerk-queue", PASSWORD)) {
            b.open("/queue");
            b.waitFor(By.id("queue-live"));
            assertThat(b.driver().findElement(By.tagName("body")).getDomAttribute("data-refresh-seconds")).isEqualTo("30");
            b.driver().findElement(By.cssSelector("#counts summary")).click();
            b.js("document.getElementById('counts-toggle').focus()");
            UUID late = cases.seed(withName("新着 届子"), List.of());

            b.js("window.beforeRefresh = true");
            // What the 30-second timer runs, called at once rather than waited for.
            b.js("window.todokeQueueRefresh()");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(
                    By.cssSelector("a[href$='" + late + "']")).isEmpty());
            assertThat(b.js("return window.beforeRefresh === true")).as("refreshed in place, not reloaded").isEqualTo(true);
            assertThat(b.driver().findElement(By.id("counts")).getDomAttribute("open")).isNotNull();
            assertThat(b.focused().getDomAttribute("id")).as("the focus stays where it was").isEqualTo("counts-toggle");
        }
    }

    private static Map<String, TestCases.Read> withName(String name) {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low(name, name));
        return reads;
    }
}
