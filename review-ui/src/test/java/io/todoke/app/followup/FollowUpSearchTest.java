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

/**
 * The follow-up's status, assignee and stay reach the search index, the search page's facets and the CSV export;
 * the hand-off to another municipality is a PDF in a Japanese font and one CSV row.
 */
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

    @Test
    void theHandoffIsAPdfInJapaneseWithTheNotificationAndEveryRecordAndOneCsvRow() throws Exception {
        TestCases cases = new TestCases(faxes, Path.of("../config/forms/covid19-notification/layout.json"), TMP.resolve("archive"));
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.ok("転出 花子"));
        reads.put("patient_address", TestCases.Read.ok("神戸市西区玉津町今津1-1"));
        UUID id = cases.seed(reads, List.of());
        reviews.confirm(id, "handoff-seed", reviews.claim(id, "handoff-seed").version());
        UUID interview = followUps.add(id, EntryKind.INTERVIEW, Map.of("stay", List.of("home"),
                "contacts", List.of("同居の母")), "nurse");
        followUps.correct(id, interview, Map.of("stay", List.of("hospital"), "hospital", List.of("西市民病院"),
                "contacts", List.of("同居の母")), "nurse", 1);
        followUps.add(id, EntryKind.NOTE, Map.of("text", List.of("大阪市へ転出予定")), "nurse");
        TodokeUser west = new TodokeUser("fu-west", "x", true, List.of(new SimpleGrantedAuthority("ROLE_STAFF")),
                "fu-west", "西区");

        byte[] pdf = mvc.perform(get("/followup/cases/" + id + "/handoff.pdf").with(user(west)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text;
        List<String> fonts = new java.util.ArrayList<>();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            // IPAex draws some kanji and their radical forms (用 ⽤, 西 ⻄) with one glyph; extraction may give
            // either, so the text is compared after NFKC and on words without such kanji.
            text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(doc),
                    java.text.Normalizer.Form.NFKC);
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name).getName());
            }
        }
        assertThat(fonts).anyMatch(n -> n.endsWith("IPAexGothic"));
        assertThat(text).contains("転出 花子", "発生届", "疫学調査", "入院先:", "訂正1回", "大阪市へ転出予定",
                "状態:未対応");

        byte[] csv = mvc.perform(get("/followup/cases/" + id + "/handoff.csv").with(user(west)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = io.todoke.app.export.CsvExport.read(csv);
        assertThat(rows.get(0)).isEqualTo(HandoffExport.CSV_HEADERS);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains(id.toString(), "転出 花子", "西区", "未対応", "入院", "2");
        assertThat(jdbc.sql("select count(*) from audit_log where case_id = ? and action = 'FOLLOWUP_EXPORT'")
                .param(id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCaseTransferredToAnotherWardIsThatWardsToFollowUpAndRead() throws Exception {
        TestCases cases = new TestCases(faxes, Path.of("../config/forms/covid19-notification/layout.json"), TMP.resolve("archive"));
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.ok("転居 一朗"));
        reads.put("patient_address", TestCases.Read.ok("神戸市西区北山台1-1"));
        UUID id = cases.seed(reads, List.of());
        reviews.confirm(id, "transfer-seed", reviews.claim(id, "transfer-seed").version());
        TodokeUser west = staff("fu-t-west", "西区");
        TodokeUser north = staff("fu-t-north", "北区");
        mvc.perform(get("/cases/" + id).with(user(north))).andExpect(status().isForbidden());

        followUps.transfer(id, "北区", "fu-t-west", followUps.find(id).orElseThrow().version());

        mvc.perform(get("/followup/cases/" + id).with(user(north))).andExpect(status().isOk());
        mvc.perform(get("/cases/" + id).with(user(north))).andExpect(status().isOk());
        mvc.perform(get("/followup/cases/" + id).with(user(west))).andExpect(status().isForbidden());
    }

    @Test
    void theStatisticsPageCountsHospitalisedCasesByWardWithinTheUsersWard() throws Exception {
        TestCases cases = new TestCases(faxes, Path.of("../config/forms/covid19-notification/layout.json"), TMP.resolve("archive"));
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.ok("統計 入院"));
        reads.put("patient_address", TestCases.Read.ok("神戸市垂水区東垂水町1-1"));
        UUID id = cases.seed(reads, List.of());
        reviews.confirm(id, "stats-seed", reviews.claim(id, "stats-seed").version());
        followUps.add(id, EntryKind.INTERVIEW, Map.of("stay", List.of("hospital")), "nurse");

        String city = mvc.perform(get("/statistics").with(user(staff("fu-stats-city", null))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var hospitalised = java.util.regex.Pattern.compile("data-ward=\"垂水区\">.*?class=\"num hospitalised\">(\\d+)<",
                java.util.regex.Pattern.DOTALL).matcher(table(city, "followup-by-ward"));
        assertThat(hospitalised.find()).as("垂水区's row").isTrue();
        assertThat(Long.parseLong(hospitalised.group(1))).isPositive();
        assertThat(table(city, "followup-closed-per-day").split("data-day=").length - 1).isEqualTo(14);

        String north = mvc.perform(get("/statistics").with(user(staff("fu-stats-north", "北区"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(table(north, "followup-by-ward")).doesNotContain("垂水区");
    }

    private static String table(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        assertThat(from).as(id).isNotNegative();
        return page.substring(from, page.indexOf("</table>", from));
    }

    private static TodokeUser staff(String name, String ward) {
        return new TodokeUser(name, "x", true, List.of(new SimpleGrantedAuthority("ROLE_STAFF")), name, ward);
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
