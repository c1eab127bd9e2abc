package io.todoke.app.cases;

import io.todoke.app.BrowserAppTest;
import io.todoke.app.TestCases;
import io.todoke.store.cases.NotificationCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A case's history reads in Japanese: actions, field labels, values as written, who by name. */
class HistoryInJapaneseTest extends BrowserAppTest {

    @BeforeAll
    void users() {
        accounts.create("clerk-hist", PASSWORD, "履歴 確子", List.of("CLERK"), null);
    }

    @Test
    void historyShowsActionsFieldsValuesAndPeopleAsAClerkReadsThem() throws Exception {
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.low("山田 太朗", "山田 太朗"));
        UUID id = cases.seed(reads, List.of());
        NotificationCase held = reviews.claim(id, "clerk-hist");
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("patient_name", "山田 太郎");
        changes.put("symptoms", List.of("cough", "fever"));
        changes.put("sex", "female");
        NotificationCase corrected = reviews.correct(id, changes, "clerk-hist", held.version());
        reviews.confirm(id, "clerk-hist", corrected.version());

        for (String path : List.of("/cases/" + id + "/history", "/cases/" + id)) {
            String html = mvc.perform(get(path).with(user(accounts.loadUserByUsername("clerk-hist"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String table = html.substring(html.indexOf("<table class=\"history\""));
            assertThat(table).contains("履歴 確子", "担当", "閲覧", "修正", "確定", "当該者氏名", "症状", "性別",
                    "<td>山田 太郎</td>", "<td>咳、発熱</td>", "<td>発熱</td>", "<td>女</td>");
            assertThat(table).doesNotContain("CLAIM", "VIEW", "CORRECT", "CONFIRM", "patient_name", "symptoms",
                    "&quot;", "clerk-hist");
        }
    }
}
