package io.todoke.app.review;

import io.todoke.app.Browser;
import io.todoke.app.BrowserAppTest;
import io.todoke.app.TestCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the fax on the review page: every page, by keyboard, the focused field's crop enlarged and in view. */
class PageReadingBrowserTest extends BrowserAppTest {

    @BeforeAll
    void users() {
        accounts.create("clerk-pages", PASSWORD, "頁送 確子", List.of("CLERK"), null);
    }

    @Test
    void everyPageOfTheFaxIsShownAndPageDownPageUpAndAltZoomWorkByKeyboard() {
        UUID id = cases.seed(doubtful(), List.of(), 2);

        try (Browser b = browser().signIn("clerk-pages", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            assertThat(b.driver().findElements(By.cssSelector("#page-scroll .page"))).hasSize(3);
            assertThat(b.driver().findElements(By.cssSelector("#page-scroll .page.other"))).hasSize(2);
            assertThat(b.driver().findElements(By.cssSelector(".page-strip .page-link"))).extracting(e -> e.getText())
                    .containsExactly("1", "2", "3");
            assertThat(b.js("return Array.from(document.querySelectorAll('.page img')).every((i) => i.complete && i.naturalWidth > 0)"))
                    .isEqualTo(true);
            // No confidence beside an empty field (100% 空欄 next to 94% 低信頼度 reads the wrong way round).
            assertThat(b.driver().findElements(By.cssSelector(".field-row[data-key=guardian_name] .conf"))).isEmpty();
            assertThat(b.driver().findElements(By.cssSelector(".field-row[data-key=patient_name] .conf"))).hasSize(1);

            // From the first page: PageDown twice shows the third, PageUp the second; focus stays in the field.
            String focused = b.focused().getDomAttribute("id");
            b.js("document.getElementById('page-scroll').scrollTop = 0");
            b.type(Keys.PAGE_DOWN, Keys.PAGE_DOWN);
            assertThat(pageAtTop(b)).isEqualTo("2");
            b.type(Keys.PAGE_UP);
            assertThat(pageAtTop(b)).isEqualTo("1");
            assertThat(b.focused().getDomAttribute("id")).isEqualTo(focused);

            b.chord(Keys.ALT, "=");
            assertThat(b.driver().findElement(By.id("zoom-level")).getText()).isEqualTo("125%");
            b.chord(Keys.ALT, "-");
            b.chord(Keys.ALT, "-");
            assertThat(b.driver().findElement(By.id("zoom-level")).getText()).isEqualTo("80%");
            b.chord(Keys.ALT, "0");
            assertThat(b.driver().findElement(By.id("zoom-level")).getText()).isEqualTo("100%");
        }
    }

    @Test
    void theFocusedFieldsCropIsEnlargedAndTheFieldNeverSitsUnderTheConfirmBar() {
        UUID id = cases.seed(doubtful(), List.of());

        try (Browser b = browser().signIn("clerk-pages", PASSWORD)) {
            b.driver().manage().window().setSize(new Dimension(1366, 768));
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            int doubtful = b.driver().findElements(By.cssSelector(".field-input[data-doubtful=true]")).size();
            for (int i = 0; i < doubtful; i++) {
                String key = b.focused().getDomAttribute("id").substring(2);
                String row = ".field-row[data-key=" + key + "]";
                Number rendered = (Number) b.js("return document.querySelector(arguments[0] + ' .crop').getBoundingClientRect().height", row);
                Number declared = (Number) b.js("return parseFloat(document.querySelector(arguments[0] + ' .crop').style.height)", row);
                assertThat(rendered.doubleValue()).as(key + " crop enlarged").isGreaterThanOrEqualTo(declared.doubleValue() * 1.9);
                Number rowBottom = (Number) b.js("return document.querySelector(arguments[0]).getBoundingClientRect().bottom", row);
                Number barTop = (Number) b.js("return document.querySelector('#review-form .actions').getBoundingClientRect().top");
                assertThat(rowBottom.doubleValue()).as(key + " above the 確定 bar").isLessThanOrEqualTo(barTop.doubleValue());
                b.type(Keys.TAB);
            }
        }
    }

    /** The number (1-based) of the page whose top is at the top of the pane. */
    private static String pageAtTop(Browser b) {
        return String.valueOf(b.js("const s = document.getElementById('page-scroll');"
                + "const pages = Array.from(s.querySelectorAll('.page'));"
                + "const top = s.getBoundingClientRect().top;"
                + "let at = 0; pages.forEach((p, i) => { if (p.getBoundingClientRect().top - top <= 10) at = i; });"
                + "return String(at);"));
    }

    /** Fields spread down the form, so Tab goes from the top of the list to its bottom. */
    private static Map<String, TestCases.Read> doubtful() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("report_date", TestCases.Read.low("2021-08-20", "2021-08-2O"));
        reads.put("patient_name", TestCases.Read.low("山田 太郎", "山田 太朗"));
        reads.put("patient_address", TestCases.Read.low("神戸市西区糀台5-6-3", "神戸市西区糀台5-6-3"));
        reads.put("first_visit_date", TestCases.Read.low("2021-08-18", "2021-08-l8"));
        reads.put("onset_date", TestCases.Read.low("2021-08-16", "2021-08-l6"));
        reads.put("remarks", TestCases.Read.low("特記事項なし", "特記事項なレ"));
        return reads;
    }
}
