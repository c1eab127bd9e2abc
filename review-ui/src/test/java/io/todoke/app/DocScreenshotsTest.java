package io.todoke.app;

import io.todoke.store.doublecheck.DoubleChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screenshots in docs/REVIEW-UI.md: the review page, the double check's blind entry, the queue, 滞留状況 and the form
 * library (帳票（様式）一覧 and a form's page) at 1366×768 from seeded cases and the library under config/forms.
 * Runs only when asked: {@code scripts/screenshots.sh} (which sets {@code todoke.screenshots} to docs/images).
 */
@EnabledIfSystemProperty(named = "todoke.screenshots", matches = ".+")
class DocScreenshotsTest extends BrowserAppTest {

    @Autowired
    DoubleChecks doubleChecks;

    @Test
    void takesTheScreenshotsOfTheDocs() {
        Path dir = Path.of(System.getProperty("todoke.screenshots"));
        accounts.create("shot-clerk", PASSWORD, "確認 一子", List.of("CLERK"), null);
        accounts.create("shot-clerk2", PASSWORD, "確認 二郎", List.of("CLERK"), null);
        String[][] people = {
                {"神戸 花子", "コウベ ハナコ", "1948-05-02", "77"}, {"須磨 浩二", "スマ コウジ", "1985-11-23", "40"},
                {"垂水 明美", "タルミ アケミ", "1960-02-14", "65"}, {"灘 健太", "ナダ ケンタ", "1999-07-07", "26"},
                {"兵庫 次郎", "ヒョウゴ ジロウ", "1938-09-30", "88"}, {"長田 優子", "ナガタ ユウコ", "2001-04-01", "24"},
                {"北野 誠", "キタノ マコト", "1972-12-12", "53"}, {"舞子 千尋", "マイコ チヒロ", "1990-06-18", "35"}};
        UUID first = null;
        for (int i = 0; i < people.length; i++) {
            Map<String, TestCases.Read> reads = TestCases.typicalForm();
            reads.put("patient_name", TestCases.Read.low(people[i][0], people[i][0]));
            reads.put("patient_name_kana", TestCases.Read.ok(people[i][1]));
            reads.put("birth_date", TestCases.Read.ok(people[i][2]));
            reads.put("age", TestCases.Read.ok(Long.parseLong(people[i][3])));
            if (i == 0) {
                reads.put("report_date", TestCases.Read.invalid("R3.8.32", "日付として読めません"));
                reads.put("patient_phone", TestCases.Read.low("078-991-1284", "078-991-1284"));
            }
            if (i == 4) {
                reads.put("case_type", TestCases.Read.ok("deceased"));
            }
            UUID id = cases.seed(reads, i == 2 ? List.of("2枚目の帳票が見つかりません") : List.of());
            if (i == 0) {
                first = id;
            }
            if (i >= 6) {
                String clerk = i == 6 ? "shot-clerk" : "shot-clerk2";
                reviews.confirm(id, clerk, reviews.claim(id, clerk).version());
            }
        }
        reviews.claim(cases.seed(TestCases.typicalForm(), List.of()), "shot-clerk2");
        // A double check waiting for its blind second entry (this context checks the guardian's fields).
        Map<String, TestCases.Read> guarded = TestCases.typicalForm();
        guarded.put("guardian_name", TestCases.Read.low("神戸 花江", "神戸 花江"));
        guarded.put("guardian_address", TestCases.Read.low("神戸市西区糀台5-6-3", "神戸市西区糀台5-6-3"));
        UUID checked = cases.seed(guarded, List.of());
        Map<String, Object> firstEntry = new java.util.LinkedHashMap<>();
        firstEntry.put("guardian_name", "神戸 花江");
        firstEntry.put("guardian_address", "神戸市西区糀台5-6-3");
        doubleChecks.first(checked, firstEntry, "shot-clerk2", reviews.claim(checked, "shot-clerk2").version());

        try (Browser b = browser(1366, 768).signIn("shot-clerk", PASSWORD)) {
            b.open("/queue");
            b.waitFor(By.cssSelector("table.tasks tbody tr"));
            b.screenshot(dir.resolve("queue.png"));
            b.open("/backlog");
            b.waitFor(By.id("by-clerk"));
            b.screenshot(dir.resolve("backlog.png"));
            b.open("/review/" + first);
            b.waitFor(By.id("review-form"));
            b.screenshot(dir.resolve("review.png"));
            b.open("/review/" + checked);
            b.waitFor(By.id("blind-note"));
            b.screenshot(dir.resolve("double-check.png"));
        }
        accounts.create("shot-admin", PASSWORD, "管理 花子", List.of("ADMIN"), null);
        try (Browser b = browser(1366, 768).signIn("shot-admin", PASSWORD)) {
            b.open("/admin/forms");
            b.waitFor(By.id("forms"));
            b.screenshot(dir.resolve("forms.png"));
            b.open("/admin/forms/covid19-notification/2021-04");
            // a zone focused as by Tab, so that the picture shows its key and label over the blank form
            org.openqa.selenium.WebElement zone = b.waitFor(By.cssSelector("#blank-form .zone[data-key='physician_name']"));
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(20)).until(d ->
                    Boolean.TRUE.equals(b.js("return document.querySelector('#blank-form img').complete")));
            b.js("arguments[0].focus({preventScroll: true})", zone);
            b.screenshot(dir.resolve("form.png"));
        }
        assertThat(dir.resolve("review.png")).exists();
    }
}
