package io.todoke.app.review;

import io.todoke.app.Browser;
import io.todoke.app.BrowserAppTest;
import io.todoke.app.TestCases;
import io.todoke.store.cases.CaseState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** A form is never lost by one click: 却下 and 帳票ではない ask first, the clerk can undo, an administrator can restore. */
class RejectAndRestoreBrowserTest extends BrowserAppTest {

    @BeforeAll
    void users() {
        accounts.create("clerk-rej", PASSWORD, "却下 担当", List.of("CLERK"), null);
        accounts.create("clerk-late", PASSWORD, "遅延 担当", List.of("CLERK"), null);
    }

    @Test
    void rejectingAsksOnceAndTheClerkCanUndoIt() {
        UUID id = cases.seed(doubtfulName("却下 試子"), List.of());

        try (Browser b = browser().signIn("clerk-rej", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("review-form"));
            b.js("document.getElementById('reject-reason').focus()");
            b.type("重複送信のため");
            b.driver().findElement(By.id("reject")).click();
            WebElement dialog = b.waitFor(By.cssSelector("#ask-dialog[open]"));
            assertThat(dialog.getText()).contains("却下します").contains("重複送信のため");
            assertThat(b.focused().getDomAttribute("id")).as("the safe choice has the focus").isEqualTo("ask-cancel");
            // Enter on キャンセル (or Esc) keeps the form.
            b.type(Keys.ENTER);
            assertThat(b.driver().findElements(By.cssSelector("#ask-dialog[open]"))).isEmpty();
            assertThat(reviews.find(id).orElseThrow().state()).isEqualTo(CaseState.AWAITING_REVIEW);

            // Asked again, confirmed by keyboard: Tab to 却下する, Enter.
            b.driver().findElement(By.id("reject")).click();
            b.waitFor(By.cssSelector("#ask-dialog[open]"));
            b.type(Keys.TAB);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("ask-ok");
            b.type(Keys.ENTER);
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("却下しました");
            assertThat(reviews.find(id).orElseThrow().state()).isEqualTo(CaseState.REJECTED);

            b.driver().findElement(By.id("undo")).click();
            b.waitFor(By.id("review-form"));
            assertThat(b.driver().getCurrentUrl()).endsWith("/review/" + id);
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("元に戻しました");
        }
        assertThat(reviews.find(id).orElseThrow()).satisfies(c -> {
            assertThat(c.state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(c.claimedBy()).isEqualTo("clerk-rej");
        });
        assertThat(reviews.history(id)).extracting(h -> h.actor() + ":" + h.action() + ":" + h.detail())
                .containsSubsequence("clerk-rej:REJECT:重複送信のため", "clerk-rej:RESTORE:重複送信のため");
    }

    @Test
    void notAFormAsksFirstAndAnAdministratorRestoresItLater() {
        UUID id = cases.seed(doubtfulName("除外 戻子"), List.of());

        try (Browser b = browser().signIn("clerk-rej", PASSWORD)) {
            b.open("/review/" + id);
            b.waitFor(By.id("not-a-form")).click();
            assertThat(b.waitFor(By.cssSelector("#ask-dialog[open]")).getText()).contains("帳票ではない");
            assertThat(reviews.find(id).orElseThrow().state()).isEqualTo(CaseState.AWAITING_REVIEW);
            b.driver().findElement(By.id("ask-ok")).click();
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("帳票ではない");
        }
        assertThat(reviews.find(id).orElseThrow().state()).isEqualTo(CaseState.REJECTED);

        try (Browser b = browser().signIn("admin", ADMIN_PASSWORD)) {
            b.open("/admin/rejected");
            WebElement row = b.waitFor(By.cssSelector("tr[data-case='" + id + "']"));
            assertThat(row.findElement(By.cssSelector(".reason")).getText()).isEqualTo("帳票ではない");
            assertThat(row.getText()).contains("clerk-rej").contains("除外 戻子");
            row.findElement(By.cssSelector("button.restore")).click();
            assertThat(b.waitFor(By.cssSelector(".banner.info")).getText()).contains("確認待ちに戻しました");
            assertThat(b.driver().findElements(By.cssSelector("tr[data-case='" + id + "']"))).isEmpty();
        }
        assertThat(reviews.find(id).orElseThrow()).satisfies(c -> {
            assertThat(c.state()).isEqualTo(CaseState.AWAITING_REVIEW);
            assertThat(c.claimedBy()).isNull();
        });

        // The case's history, as a clerk opens it, shows the rejection and the restore.
        try (Browser b = browser().signIn("clerk-late", PASSWORD)) {
            b.open("/cases/" + id + "/history");
            String history = b.waitFor(By.cssSelector("table.history")).getText();
            // Who by name, what in Japanese.
            assertThat(history).contains("却下 担当", "管理者", "帳票ではない", "却下を取消").doesNotContain("RESTORE", "REJECT");
        }
        assertThat(reviews.history(id)).extracting(h -> h.actor() + ":" + h.action())
                .containsSubsequence("clerk-rej:REJECT", "admin:RESTORE");
    }

    @Test
    void onlyTheRejectingClerkCanUndoAndOnlyWithinTheWindow() throws Exception {
        UUID id = cases.seed(doubtfulName("期限 切子"), List.of());
        reviews.reject(id, "帳票ではない", "clerk-rej", reviews.claim(id, "clerk-rej").version());

        mvc.perform(post("/review/" + id + "/undo-reject").with(user(accounts.loadUserByUsername("clerk-late"))).with(csrf()))
                .andExpect(redirectedUrl("/queue"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("管理者に復元")));
        assertThat(reviews.find(id).orElseThrow().state()).isEqualTo(CaseState.REJECTED);

        // The rejection happened longer ago than the window (5 minutes by default).
        jdbc.sql("update audit_log set at = at - interval '10' minute where case_id = :id and action = 'REJECT'")
                .param("id", id).update();
        mvc.perform(post("/review/" + id + "/undo-reject").with(user(accounts.loadUserByUsername("clerk-rej"))).with(csrf()))
                .andExpect(redirectedUrl("/queue"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("5分以内")));
        assertThat(reviews.find(id).orElseThrow().state()).isEqualTo(CaseState.REJECTED);

        // Staff and clerks cannot use the administrator's restore.
        mvc.perform(post("/admin/rejected/" + id + "/restore").with(user(accounts.loadUserByUsername("clerk-rej"))).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        assertThat(reviews.find(id).orElseThrow().state()).isEqualTo(CaseState.REJECTED);
    }

    private static Map<String, TestCases.Read> doubtfulName(String name) {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low(name, name));
        return reads;
    }
}
