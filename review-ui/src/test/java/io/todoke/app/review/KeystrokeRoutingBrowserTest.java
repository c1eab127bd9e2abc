package io.todoke.app.review;

import io.todoke.app.Browser;
import io.todoke.app.BrowserAppTest;
import io.todoke.app.TestCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys typed at machine speed (no waits between them) land in the field that had focus when they were typed,
 * whatever the validation round trip does; an IME's Enter never accepts a field.
 */
class KeystrokeRoutingBrowserTest extends BrowserAppTest {

    /**
     * Holds every /api/normalise call until the test releases it: the slowest network there is, deterministically.
     * {@code __held} counts calls waiting.
     */
    static final String GATE = """
            window.__held = [];
            const real = window.fetch;
            window.fetch = (url, opts) => String(url).includes('/api/normalise')
                ? new Promise((resolve) => window.__held.push(() => resolve(real(url, opts))))
                : real(url, opts);
            window.__release = () => { const h = window.__held; window.__held = []; h.forEach((f) => f()); return h.length; };
            """;

    @BeforeAll
    void users() {
        accounts.create("clerk-fast", PASSWORD, "速打 早子", List.of("CLERK"), null);
        accounts.create("clerk-ime", PASSWORD, "変換 花子", List.of("CLERK"), null);
    }

    @Test
    void keysTypedRightAfterEnterGoToTheNextFieldAndLateAnswersNeverMarkChangedText() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("report_date", TestCases.Read.low("2021-08-20", "2021-08-2O"));
        reads.put("physician_name", TestCases.Read.low("神戸 一郎", "神戸 一朗"));
        reads.put("facility_name", TestCases.Read.low("みなと内科クリニック", "みなと内科クリニツク"));
        reads.put("facility_address", TestCases.Read.low("神戸市中央区加納町6-5-1", "神戸市中央区加納町6-5-l"));
        reads.put("facility_phone", TestCases.Read.low("078-331-8181", "078-33l-8181"));
        reads.put("patient_name_kana", TestCases.Read.low("ヤマダ タロウ", "ヤマダ タロワ"));
        reads.put("patient_name", TestCases.Read.low("山田 太郎", "山田 太朗"));
        UUID id = cases.seed(reads, List.of("低信頼度の項目があります"));

        try (Browser b = browser().signIn("clerk-fast", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            // The page checks every prefilled doubtful field once on load; let those answers arrive first.
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(b.js(
                    "return Array.from(document.querySelectorAll('input.field-input[data-doubtful=true]'))"
                            + ".every((i) => i.closest('.field-row').querySelector('.normalised').textContent !== '')")));
            b.js(GATE);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_report_date");

            // Enter, then 「XYZ」 at once: the date stays as read and accepted, the name gets XYZ.
            b.type(Keys.ENTER, "XYZ");
            assertThat(value(b, "report_date")).isEqualTo("2021-08-20");
            assertThat(value(b, "physician_name")).isEqualTo("XYZ");
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_physician_name");
            assertThat(accepted(b, "report_date")).isTrue();
            assertThat(accepted(b, "physician_name")).isFalse();

            // Five quick Enters accept five fields and move five times.
            b.type(Keys.ENTER, Keys.ENTER, Keys.ENTER, Keys.ENTER, Keys.ENTER);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_patient_name");
            for (String key : List.of("physician_name", "facility_name", "facility_address", "facility_phone", "patient_name_kana")) {
                assertThat(accepted(b, key)).as(key + " accepted").isTrue();
            }
            assertThat(value(b, "physician_name")).isEqualTo("XYZ");
            assertThat(value(b, "facility_name")).isEqualTo("みなと内科クリニック");

            // Back to the date, retyped while its check is still on the way: the late answer is for the old text.
            b.js("document.getElementById('f_report_date').focus()");
            b.type("abc");
            assertThat(accepted(b, "report_date")).as("changed after acceptance").isFalse();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> {
                b.js("window.__release()");
                return status(b, "report_date").equals("形式エラー");
            });
            assertThat(value(b, "report_date")).isEqualTo("abc");
            assertThat(accepted(b, "report_date")).isFalse();
            assertThat(normalised(b, "report_date")).doesNotContain("2021-08-20");

            // A field known to be invalid is not accepted by Enter; the keys after it stay in it.
            b.type(Keys.ENTER, "X");
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_report_date");
            assertThat(value(b, "report_date")).isEqualTo("abcX");

            // Accepted before its check answered, then found invalid: flagged, no longer accepted.
            b.js("document.getElementById('f_report_date').select()");
            b.type("2021-13-45", Keys.ENTER);
            assertThat(accepted(b, "report_date")).isTrue();
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_patient_name");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> {
                b.js("window.__release()");
                return status(b, "report_date").equals("形式エラー");
            });
            assertThat(accepted(b, "report_date")).isFalse();
            assertThat(b.driver().findElement(By.cssSelector(".field-row[data-key=report_date]")).getDomAttribute("class"))
                    .contains("flagged");

            // No row is accepted with a value other than the one it holds.
            assertThat(b.js("return Array.from(document.querySelectorAll('.field-row.accepted'))"
                    + ".filter((r) => r.querySelector('input.field-input') && r.dataset.acceptedText !== r.querySelector('input.field-input').value)"
                    + ".map((r) => r.dataset.key)")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
        }
    }

    @Test
    void anEnterThatCommitsAnImeConversionLeavesFocusWhereItIs() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low("鈴木 一郎", "鈴木 一朗"));
        reads.put("occupation", TestCases.Read.low("会社員", "会社貝"));
        UUID id = cases.seed(reads, List.of());

        try (Browser b = browser().signIn("clerk-ime", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            b.js(GATE);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_patient_name");

            b.js("const e = new KeyboardEvent('keydown', {key: 'Enter', isComposing: true, bubbles: true, cancelable: true});"
                    + "document.activeElement.dispatchEvent(e)");
            b.js("const e = new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true});"
                    + "Object.defineProperty(e, 'keyCode', {get: () => 229}); document.activeElement.dispatchEvent(e)");
            b.js("document.activeElement.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: 'すずき'}));"
                    + "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}))");
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_patient_name");
            assertThat(accepted(b, "patient_name")).isFalse();
            assertThat(b.js("return window.__held.length")).as("no accept-and-check started").isEqualTo(0L);

            // Once the conversion is committed, Enter accepts and moves on as usual.
            b.js("document.activeElement.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: '鈴木'}));"
                    + "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}))");
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_occupation");
            assertThat(accepted(b, "patient_name")).isTrue();
        }
    }

    @Test
    void theEnginesRedReasonsGoOnceTheClerksValuePassesItsCheck() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("birth_date", TestCases.Read.invalid("昭和45年3月l2日", "日付として読めません"));
        UUID id = cases.seed(reads, List.of());

        try (Browser b = browser().signIn("clerk-ime", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_birth_date");
            assertThat(reasons(b, "birth_date")).containsExactly("日付として読めません");
            b.type("昭和45年3月12日");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> normalised(b, "birth_date").contains("1970-03-12"));
            assertThat(reasons(b, "birth_date")).isEmpty();
            assertThat(status(b, "birth_date")).isEqualTo("修正");
        }
    }

    private static List<String> reasons(Browser b, String key) {
        return b.driver().findElements(By.cssSelector(".field-row[data-key=" + key + "] .reasons li")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
    }

    @Test
    void theEnginesDoubtfulReadingIsNotShownGreenUntilTheClerkAcceptsIt() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("report_date", TestCases.Read.low("2020-03-03", "R2.3.3"));
        UUID id = cases.seed(reads, List.of());

        try (Browser b = browser().signIn("clerk-ime", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> normalised(b, "report_date").contains("2020-03-03"));
            String green = String.valueOf(b.js("const e = document.createElement('span'); e.style.color = 'var(--ok)';"
                    + "document.body.appendChild(e); const c = getComputedStyle(e).color; e.remove(); return c;"));
            assertThat(normalisedColour(b, "report_date")).isNotEqualTo(green);
            b.type(Keys.ENTER);
            assertThat(normalisedColour(b, "report_date")).isEqualTo(green);
        }
    }

    private static String normalisedColour(Browser b, String key) {
        return String.valueOf(b.js("return getComputedStyle(document.querySelector('.field-row[data-key=' + arguments[0] + '] .normalised')).color", key));
    }

    private static String value(Browser b, String key) {
        return b.driver().findElement(By.id("f_" + key)).getDomProperty("value");
    }

    private static boolean accepted(Browser b, String key) {
        return b.driver().findElement(By.cssSelector(".field-row[data-key=" + key + "]")).getDomAttribute("class")
                .contains("accepted");
    }

    private static String status(Browser b, String key) {
        return b.driver().findElement(By.cssSelector(".field-row[data-key=" + key + "] .status")).getText();
    }

    private static String normalised(Browser b, String key) {
        return b.driver().findElement(By.cssSelector(".field-row[data-key=" + key + "] .normalised")).getText();
    }
}
