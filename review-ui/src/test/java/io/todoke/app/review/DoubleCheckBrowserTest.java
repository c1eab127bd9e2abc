package io.todoke.app.review;

import io.todoke.app.Browser;
import io.todoke.app.BrowserAppTest;
import io.todoke.app.TestCases;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The double check (todoke.review.double-check, on in this context for the guardian's fields when doubtful): the
 * second clerk types blind, agreement confirms, disagreement goes to a lead who sees both and decides.
 */
class DoubleCheckBrowserTest extends BrowserAppTest {

    private static final String READ_NAME = "神戸 花チ";
    private static final String FIRST_NAME = "神戸 花江";
    private static final String FIRST_ADDRESS = "神戸市西区糀台1-1-1";
    private static final String SECOND_ADDRESS = "神戸市西区糀台1-1-7";

    @BeforeAll
    void users() {
        accounts.create("clerk-dc1", PASSWORD, "一人目 担当", List.of("CLERK"), null);
        accounts.create("clerk-dc2", PASSWORD, "二人目 担当", List.of("CLERK"), null);
        accounts.create("lead-dc", ADMIN_PASSWORD, "判断 責任者", List.of("ADMIN"), null);
    }

    private UUID seedDoubtfulGuardian() {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("guardian_name", TestCases.Read.low(READ_NAME, READ_NAME));
        reads.put("guardian_address", TestCases.Read.low("神戸市西区糀台1-1-4", "神戸市西区糀台1-1-4"));
        return cases.seed(reads, List.of());
    }

    /** The first clerk types both guardian fields over the reading and confirms, at machine speed. */
    private void firstEntry(UUID id) {
        try (Browser b = browser().signIn("clerk-dc1", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            b.waitForFocus("f_guardian_name");
            b.type(FIRST_NAME, Keys.ENTER, FIRST_ADDRESS, Keys.ENTER);
            b.chord(Keys.CONTROL, Keys.ENTER);
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("別の担当者が入力して照合");

            // Never offered again to the first clerk, and the queue names no one.
            b.open("/review/" + id);
            assertThat(b.waitFor(By.cssSelector(".banner.error")).getText()).contains("別の担当者");
            assertThat(b.waitFor(By.cssSelector("tr[data-case='" + id + "']")).getText())
                    .contains("二重入力待ち").doesNotContain("山田");
        }
        NotificationCase c = reviews.find(id).orElseThrow();
        assertThat(c.state()).isEqualTo(CaseState.AWAITING_REVIEW);
        assertThat(c.fields().get("guardian_name").value()).as("the first entry waits outside the case").isEqualTo(READ_NAME);
    }

    /** The second clerk's page holds neither the reading nor the first entry; the case page and API are refused. */
    private void assertBlind(Browser b, UUID id) throws Exception {
        b.open("/review/" + id);
        b.waitFor(By.id("blind-note"));
        assertThat(b.driver().getCurrentUrl()).endsWith("/review/" + id + "/second");
        String source = b.driver().getPageSource();
        assertThat(source).doesNotContain(READ_NAME).doesNotContain(FIRST_NAME).doesNotContain("花江")
                .doesNotContain("糀台1-1-1").doesNotContain("糀台1-1-4").doesNotContain("山田");
        assertThat(b.driver().findElements(By.cssSelector(".field-row"))).hasSize(2);
        assertThat(b.focused().getDomAttribute("id")).isEqualTo("f_guardian_name");
        assertThat(b.focused().getDomProperty("value")).isEmpty();
        var second = accounts.find("clerk-dc2").orElseThrow();
        var principal = new io.todoke.app.security.TodokeUser("clerk-dc2", "x", true,
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_CLERK")),
                second.displayName(), null);
        mvc.perform(get("/cases/" + id).with(user(principal))).andExpect(status().isForbidden());
        mvc.perform(get("/cases/" + id + "/history").with(user(principal))).andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/" + id).with(user(principal))).andExpect(status().isForbidden());
    }

    @Test
    void theSecondClerkTypesBlindAndAgreementConfirms() throws Exception {
        UUID id = seedDoubtfulGuardian();
        firstEntry(id);

        try (Browser b = browser().signIn("clerk-dc2", PASSWORD)) {
            assertBlind(b, id);
            b.type(FIRST_NAME, Keys.ENTER, FIRST_ADDRESS, Keys.ENTER);
            b.chord(Keys.CONTROL, Keys.ENTER);
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("一致し、確定しました");
        }
        NotificationCase c = reviews.find(id).orElseThrow();
        assertThat(c.state()).isIn(CaseState.CONFIRMED, CaseState.INDEXED);
        assertThat(c.confirmedBy()).isEqualTo("clerk-dc2");
        assertThat(c.fields().get("guardian_name").value()).isEqualTo(FIRST_NAME);
        assertThat(reviews.history(id)).extracting(h -> h.actor() + ":" + h.action())
                .containsSubsequence("clerk-dc1:DOUBLE_CHECK_FIRST", "clerk-dc2:DOUBLE_CHECK_AGREED");
    }

    @Test
    void aDisagreementGoesToALeadWhoSeesBothEntriesAndDecides() throws Exception {
        UUID id = seedDoubtfulGuardian();
        firstEntry(id);

        try (Browser b = browser().signIn("clerk-dc2", PASSWORD)) {
            assertBlind(b, id);
            b.type(FIRST_NAME, Keys.ENTER, SECOND_ADDRESS, Keys.ENTER);
            b.chord(Keys.CONTROL, Keys.ENTER);
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("責任者の判断に回しました");
            b.open("/review/" + id);
            assertThat(b.waitFor(By.cssSelector(".banner.error")).getText()).contains("責任者の判断待ち");
        }
        assertThat(reviews.find(id).orElseThrow().state()).isEqualTo(CaseState.AWAITING_REVIEW);

        try (Browser b = browser().signIn("lead-dc", ADMIN_PASSWORD)) {
            b.open("/admin/double-checks");
            b.waitFor(By.cssSelector("tr[data-case='" + id + "'] .decide-link")).click();
            var row = b.waitFor(By.cssSelector("tr.differ[data-key=guardian_address]"));
            assertThat(row.findElement(By.className("first")).getText()).isEqualTo(FIRST_ADDRESS);
            assertThat(row.findElement(By.className("second")).getText()).isEqualTo(SECOND_ADDRESS);
            assertThat(b.driver().findElements(By.cssSelector("tr.differ"))).as("the agreed name is not disputed").hasSize(1);
            row.findElement(By.cssSelector("input[value=second]")).click();
            b.driver().findElement(By.id("decide")).click();
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("確定しました");
        }
        NotificationCase c = reviews.find(id).orElseThrow();
        assertThat(c.state()).isIn(CaseState.CONFIRMED, CaseState.INDEXED);
        assertThat(c.confirmedBy()).isEqualTo("lead-dc");
        assertThat(c.fields().get("guardian_address").value()).isEqualTo(SECOND_ADDRESS);
        assertThat(c.fields().get("guardian_name").value()).isEqualTo(FIRST_NAME);
        assertThat(reviews.history(id)).extracting(h -> h.actor() + ":" + h.action())
                .containsSubsequence("clerk-dc1:DOUBLE_CHECK_FIRST", "clerk-dc2:DOUBLE_CHECK_DISAGREED",
                        "lead-dc:DOUBLE_CHECK_DECIDED");
    }
}
