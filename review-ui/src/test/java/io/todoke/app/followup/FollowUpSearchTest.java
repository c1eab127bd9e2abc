package io.todoke.app.followup;

import io.todoke.app.SearchAppTest;
import io.todoke.app.TestCases;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseIndex;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.followup.EntryKind;
import io.todoke.store.followup.FollowUp;
import io.todoke.store.followup.FollowUpService;
import io.todoke.store.review.ReviewService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The follow-up's status, assignee and stay reach the search index, the search page's facets and the CSV export. */
class FollowUpSearchTest extends SearchAppTest {

    @Autowired
    FaxStore faxes;
    @Autowired
    ReviewService reviews;
    @Autowired
    FollowUpService followUps;

    @Test
    void aStatusChangeIsSearchableCountedAsAFacetAndExported() throws Exception {
        TestCases cases = new TestCases(faxes, Path.of("../config/forms/covid19-notification/layout.json"), TMP.resolve("archive"));
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.ok("索引 対応子"));
        reads.put("patient_address", TestCases.Read.ok("神戸市西区伊川谷町有瀬1-1"));
        UUID id = cases.seed(reads, List.of());
        reviews.confirm(id, "search-seed", reviews.claim(id, "search-seed").version());
        FollowUp f = followUps.find(id).orElseThrow();
        followUps.changeStatus(id, "observing", "nurse", f.version());
        followUps.add(id, EntryKind.INTERVIEW, Map.of("stay", List.of("hotel")), "nurse");

        CaseIndex.SearchResult found = awaitIndexed("索引", "観察中");
        assertThat(found.hits().get(0).document().fields()).containsEntry("followup_stay_label", "宿泊療養");
        assertThat(found.facets().get("followup_status_label")).containsEntry("観察中", 1L);

        TodokeUser staff = new TodokeUser("fu-search", "x", true, List.of(new SimpleGrantedAuthority("ROLE_STAFF")),
                "fu-search", null);
        String csv = mvc.perform(get("/search/export.csv").param("q", "索引").with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("対応状況", "対応区", "担当者", "療養場所");
        assertThat(csv).contains("観察中", "宿泊療養");
    }

    private CaseIndex.SearchResult awaitIndexed(String text, String statusLabel) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            CaseIndex.SearchResult r = index.search(CaseIndex.CaseQuery.text(text));
            if (!r.hits().isEmpty() && statusLabel.equals(r.hits().get(0).document().fields().get("followup_status_label"))
                    && r.hits().get(0).document().fields().containsKey("followup_stay_label")) {
                return r;
            }
            assertThat(Instant.now()).as("indexed with the follow-up in time").isBefore(until);
            Thread.sleep(200);
        }
    }
}
