package io.todoke.app.security;

import io.todoke.app.Browser;
import io.todoke.app.BrowserAppTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Accounts cannot lock everyone out, disabled users stop at once, passwords can be changed, wards come from a list. */
class AccountsTest extends BrowserAppTest {

    @Autowired
    InitialUsers initialUsers;
    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    void users() {
        accounts.create("admin-acc", PASSWORD, "第二 管理者", List.of("ADMIN"), null);
        accounts.create("clerk-acc", PASSWORD, "無効 予定", List.of("CLERK"), null);
        accounts.create("clerk-pw", PASSWORD, "変更 花子", List.of("CLERK"), null);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledAndNobodyDisablesThemselves() throws Exception {
        // administrators other tests of this context made are put aside, so that admin and admin-acc are the only ones
        List<String> others = jdbc.sql("select username from app_user where enabled = true and roles like '%ADMIN%'"
                + " and username not in ('admin', 'admin-acc')").query(String.class).list();
        others.forEach(u -> jdbc.sql("update app_user set enabled = false where username = ?").param(u).update());
        try {
            mvc.perform(as("admin-acc", post("/admin/users/enabled").param("username", "admin-acc").param("enabled", "false")))
                    .andExpect(flash().attribute("error", "自分のアカウントは無効にできません"));
            assertThat(accounts.find("admin-acc").orElseThrow().enabled()).isTrue();

            // Another enabled administrator remains: allowed.
            mvc.perform(as("admin-acc", post("/admin/users/enabled").param("username", "admin").param("enabled", "false")))
                    .andExpect(flash().attribute("message", "admin を無効にしました"));
            assertThat(accounts.find("admin").orElseThrow().enabled()).isFalse();

            // admin-acc is now the last enabled administrator: nobody may disable it.
            assertThatThrownBy(() -> accounts.setEnabled("admin-acc", false, "someone-else"))
                    .hasMessageContaining("最後の有効な管理者");
            assertThat(accounts.find("admin-acc").orElseThrow().enabled()).isTrue();
        } finally {
            accounts.setEnabled("admin", true, "admin-acc");
            others.forEach(u -> jdbc.sql("update app_user set enabled = true where username = ?").param(u).update());
        }
    }

    @Test
    void withEveryAdministratorDisabledTheConfiguredOneIsEnabledAgainAtStartUp() throws Exception {
        try {
            jdbc.sql("update app_user set enabled = false where roles like '%ADMIN%'").update();
            initialUsers.run(null);
            assertThat(accounts.find("admin").orElseThrow().enabled()).isTrue();
            assertThat(encoder.matches(ADMIN_PASSWORD, accounts.loadUserByUsername("admin").getPassword())).isTrue();
        } finally {
            jdbc.sql("update app_user set enabled = true where roles like '%ADMIN%'").update();
        }
    }

    @Test
    void aDisabledUsersOpenSessionStopsAtItsNextRequestAndWorksAgainOnceEnabled() {
        try (Browser b = browser().signIn("clerk-acc", PASSWORD)) {
            b.open("/queue");
            b.waitFor(By.id("next-form"));

            accounts.setEnabled("clerk-acc", false, "admin");
            b.open("/queue");
            assertThat(b.waitFor(By.id("disabled")).getText()).contains("このアカウントは無効になりました");
            assertThat(b.driver().getCurrentUrl()).contains("/login");
            // The old session is gone: the queue sends to the sign-in page again.
            b.open("/queue");
            b.waitFor(By.id("username"));
            assertThat(b.driver().findElements(By.id("next-form"))).isEmpty();
            // A disabled account cannot sign in.
            b.open("/login");
            b.driver().findElement(By.id("username")).sendKeys("clerk-acc");
            b.driver().findElement(By.id("password")).sendKeys(PASSWORD);
            b.driver().findElement(By.id("login")).click();
            assertThat(b.waitFor(By.cssSelector(".banner.error")).getText()).isNotBlank();
            assertThat(b.driver().findElements(By.cssSelector("header.top .who"))).isEmpty();

            accounts.setEnabled("clerk-acc", true, "admin");
            b.signIn("clerk-acc", PASSWORD).open("/queue");
            b.waitFor(By.id("next-form"));
        }
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOneAndTheNewOneTwice() throws Exception {
        String changed = "changed-password-2";
        mvc.perform(as("clerk-pw", post("/account/password").param("current", "wrong-password")
                        .param("password", changed).param("repeated", changed)))
                .andExpect(flash().attribute("error", "現在のパスワードが違います"));
        mvc.perform(as("clerk-pw", post("/account/password").param("current", PASSWORD)
                        .param("password", changed).param("repeated", changed + "x")))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("一致しません")));
        mvc.perform(as("clerk-pw", post("/account/password").param("current", PASSWORD)
                        .param("password", "short").param("repeated", "short")))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("8文字以上")));
        assertThat(encoder.matches(PASSWORD, accounts.loadUserByUsername("clerk-pw").getPassword())).isTrue();

        mvc.perform(as("clerk-pw", post("/account/password").param("current", PASSWORD)
                        .param("password", changed).param("repeated", changed)))
                .andExpect(flash().attribute("message", "パスワードを変更しました"));
        assertThat(encoder.matches(changed, accounts.loadUserByUsername("clerk-pw").getPassword())).isTrue();
        mvc.perform(as("clerk-pw", get("/account/password"))).andExpect(status().isOk());
    }

    @Test
    void anAdministratorResetsAnotherUsersPasswordAndOthersCannot() throws Exception {
        accounts.create("clerk-forgot", PASSWORD, "忘却 太郎", List.of("CLERK"), null);
        mvc.perform(as("clerk-acc", post("/admin/users/password").param("username", "clerk-forgot")
                        .param("password", "by-a-clerk-1").param("repeated", "by-a-clerk-1")))
                .andExpect(status().isForbidden());
        mvc.perform(as("admin-acc", post("/admin/users/password").param("username", "clerk-forgot")
                        .param("password", "reset-by-admin").param("repeated", "reset-by-admin")))
                .andExpect(flash().attribute("message", "clerk-forgot のパスワードを再設定しました"));
        assertThat(encoder.matches("reset-by-admin", accounts.loadUserByUsername("clerk-forgot").getPassword())).isTrue();
    }

    @Test
    void aStaffMembersWardIsChosenFromTheCitysWardsAndCheckedOnTheServer() throws Exception {
        String page = mvc.perform(as("admin-acc", get("/admin/users"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (String ward : accounts.wards()) {
            assertThat(page).contains("<option value=\"" + ward + "\">" + ward + "</option>");
        }
        assertThat(page).doesNotContain("<input name=\"ward\"");

        mvc.perform(as("admin-acc", post("/admin/users").param("username", "staff-suma").param("password", PASSWORD)
                        .param("roles", "STAFF").param("ward", "須磨 区")))
                .andExpect(flash().attribute("error", "区は一覧から選んでください"));
        assertThat(accounts.find("staff-suma")).isEmpty();
        mvc.perform(as("admin-acc", post("/admin/users").param("username", "staff-suma").param("password", PASSWORD)
                        .param("roles", "STAFF").param("ward", "須磨区")))
                .andExpect(flash().attribute("message", "ユーザー staff-suma を作成しました"));
        assertThat(accounts.find("staff-suma").orElseThrow().ward()).isEqualTo("須磨区");
    }

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(accounts.loadUserByUsername(username))).with(csrf());
    }
}
