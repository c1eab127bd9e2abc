package io.todoke.app.review;

import io.todoke.app.Browser;
import io.todoke.app.BrowserAppTest;
import io.todoke.app.TestCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The review page at the smallest screen clerks use (1366×768): nothing a clerk must read is covered. */
class ReviewLayoutBrowserTest extends BrowserAppTest {

    @BeforeAll
    void users() {
        accounts.create("clerk-layout", PASSWORD, "配置 担当", List.of("CLERK"), null);
    }

    @Test
    void theCaseReasonsAndTheFocusedFirstFieldDoNotOverlapAt1366x768() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("report_date", TestCases.Read.invalid("R3.8.32", "日付として読めません"));
        reads.put("patient_name", TestCases.Read.low("神戸 花子", "神戸 花子"));
        UUID id = cases.seed(reads, List.of("2枚目の帳票が見つかりません"));

        try (Browser b = browser(1366, 768).signIn("clerk-layout", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            b.waitForFocus("f_report_date");
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) b.js("""
                    const reasons = document.querySelector('.form-reasons');
                    const items = [...reasons.querySelectorAll('li')];
                    const row = document.querySelector('#review-form .field-row');
                    const outline = parseFloat(getComputedStyle(row).outlineWidth) + parseFloat(getComputedStyle(row).outlineOffset);
                    return {reasonsBottom: reasons.getBoundingClientRect().bottom,
                            rowTop: row.getBoundingClientRect().top - outline,
                            lowestLine: Math.min(...items.map(li => li.getBoundingClientRect().height)),
                            fontSize: parseFloat(getComputedStyle(items[0]).fontSize)};""");
            assertThat(((Number) box.get("reasonsBottom")).doubleValue()).as("the reasons end above the first field's outline")
                    .isLessThanOrEqualTo(((Number) box.get("rowTop")).doubleValue());
            assertThat(((Number) box.get("lowestLine")).doubleValue()).as("each reason's line has room for its glyphs")
                    .isGreaterThanOrEqualTo(1.25 * ((Number) box.get("fontSize")).doubleValue());
        }
    }
}
