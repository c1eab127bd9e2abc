package io.todoke.app.security;

import io.todoke.app.BrowserAppTest;
import io.todoke.app.TestCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the server says about itself to browsers and API clients: no referrer out, no cached page images, 401 for the API. */
class WebHeadersTest extends BrowserAppTest {

    @BeforeAll
    void users() {
        accounts.create("clerk-hdr", PASSWORD, "見出 確子", List.of("CLERK"), null);
    }

    @Test
    void anAnonymousApiCallGets401JsonAndAPageGetsTheSignIn() throws Exception {
        mvc.perform(get("/api/search").param("q", "山田"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error").value("ログインしてください"));
        mvc.perform(get("/queue")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void pagesSendNoReferrerElsewhereAndPageImagesAreNeverCached() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Referrer-Policy", "same-origin"));
        UUID id = cases.seed(TestCases.typicalForm(), List.of());
        mvc.perform(get("/cases/" + id + "/pages/0.png").with(user(accounts.loadUserByUsername("clerk-hdr"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"));
    }
}
