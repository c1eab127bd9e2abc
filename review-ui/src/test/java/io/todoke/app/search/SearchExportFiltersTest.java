package io.todoke.app.search;

import io.todoke.app.SearchAppTest;
import io.todoke.app.export.CsvExport;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseDocument;
import io.todoke.search.CaseIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The export of a search holds exactly the cases the search page shows, filter by filter. */
class SearchExportFiltersTest extends SearchAppTest {

    static final TodokeUser CITY = staff("staff-filters", null);
    static final TodokeUser HIGASHINADA = staff("staff-higashinada", "東灘区");

    @BeforeAll
    void indexCases() {
        index.index(doc("xf1", "東灘区", "2019-06-01", "confirmed", "female"));
        index.index(doc("xf2", "東灘区", "2019-06-03", "deceased", "male"));
        index.index(doc("xf3", "須磨区", "2019-06-01", "confirmed", "male"));
        index.index(doc("xf4", "須磨区", "2019-06-05", "asymptomatic", "female"));
        index.index(doc("xf5", "垂水区", "2019-06-02", "confirmed", "female"));
        index.index(doc("xf6", "垂水区", "2019-06-07", "deceased", "female"));
    }

    static Stream<Object[]> filters() {
        return Stream.of(
                new Object[]{Map.of("q", "絞込"), Set.of("xf1", "xf2", "xf3", "xf4", "xf5", "xf6")},
                new Object[]{Map.of("q", "絞込", "w", "東灘区"), Set.of("xf1", "xf2")},
                new Object[]{Map.of("w", "須磨区"), Set.of("xf3", "xf4")},
                new Object[]{Map.of("q", "絞込", "from", "2019-06-02", "to", "2019-06-05"), Set.of("xf2", "xf4", "xf5")},
                new Object[]{Map.of("q", "絞込", "type", "deceased"), Set.of("xf2", "xf6")},
                new Object[]{Map.of("q", "絞込", "sex", "female"), Set.of("xf1", "xf4", "xf5", "xf6")},
                new Object[]{Map.of("q", "絞込", "w", "垂水区", "sex", "female", "type", "confirmed"), Set.of("xf5")});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void theExportHoldsExactlyWhatThePageShows(Map<String, String> params, Set<String> expected) throws Exception {
        assertThat(pageIds(params, CITY)).isEqualTo(expected);
        assertThat(exportIds(params, CITY, "csv")).isEqualTo(expected);
    }

    @Test
    void wardBoundStaffExportTheirOwnWardWhateverTheWardParameterSays() throws Exception {
        Map<String, String> params = Map.of("q", "絞込", "w", "須磨区");
        assertThat(pageIds(params, HIGASHINADA)).containsExactlyInAnyOrder("xf1", "xf2");
        assertThat(exportIds(params, HIGASHINADA, "csv")).containsExactlyInAnyOrder("xf1", "xf2");
    }

    @Test
    void anEmptySearchExportsNothingAndSaysWhyInJapanese() throws Exception {
        long before = jdbc.sql("select count(*) from audit_log where action = 'EXPORT'").query(Long.class).single();
        for (String format : List.of("csv", "xlsx")) {
            String body = mvc.perform(get("/search/export." + format).param("q", " ").with(user(CITY)))
                    .andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).contains("検索条件を入力してから出力してください");
        }
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'EXPORT'").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void theSearchPagesExportLinksCarryEveryFilter() throws Exception {
        String html = mvc.perform(get("/search").param("q", "絞込").param("w", "東灘区").param("from", "2019-06-01")
                        .param("to", "2019-06-28").param("type", "deceased").param("sex", "male").with(user(CITY)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String link = html.substring(html.indexOf("id=\"export-csv\""));
        link = link.substring(link.indexOf("href=\"") + 6, link.indexOf("\"", link.indexOf("href=\"") + 6));
        assertThat(java.net.URLDecoder.decode(link.replace("&amp;", "&"), StandardCharsets.UTF_8))
                .contains("q=絞込", "w=東灘区", "from=2019-06-01", "to=2019-06-28", "type=deceased", "sex=male");
    }

    @Test
    void exportsAndThePageSpeakJapaneseWithThePressTablesLabelsAndJapanTime() throws Exception {
        byte[] csv = mvc.perform(get("/search/export.csv").param("q", "絞込").param("w", "東灘区").with(user(CITY)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = CsvExport.read(csv);
        List<String> header = rows.get(0);
        List<String> xf2 = rows.stream().filter(r -> r.get(0).equals("xf2")).findFirst().orElseThrow();
        assertThat(xf2.get(header.indexOf("性別"))).isEqualTo("男性");
        assertThat(xf2.get(header.indexOf("類型"))).isEqualTo("感染症死亡者の死体");
        // Indexed as 2019-06-03T09:00:00Z: 18:00 in Japan.
        assertThat(xf2.get(header.indexOf("確定日時"))).isEqualTo("2019/06/03 18:00");

        String html = mvc.perform(get("/search").param("q", "絞込").param("w", "東灘区").with(user(CITY)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("2019/06/03 18:00").doesNotContain("2019-06-03T09:00:00Z");
        String facets = html.substring(html.indexOf("class=\"facets\""), html.indexOf("class=\"exports\""));
        assertThat(facets).contains("類型", "性別", "患者（確定例） 1件", "男性 1件", "女性 1件")
                .doesNotContain("case_type", ">sex<", "female", "confirmed");
    }

    private Set<String> pageIds(Map<String, String> params, TodokeUser who) throws Exception {
        Object result = mvc.perform(with(get("/search"), params).with(user(who)))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("result");
        CaseIndex.SearchResult r = (CaseIndex.SearchResult) result;
        assertThat(r.total()).as("fits on one page").isLessThanOrEqualTo(SearchController.PAGE_SIZE);
        return r.hits().stream().map(CaseIndex.Hit::caseId).collect(Collectors.toSet());
    }

    private Set<String> exportIds(Map<String, String> params, TodokeUser who, String format) throws Exception {
        byte[] csv = mvc.perform(with(get("/search/export." + format), params).with(user(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = CsvExport.read(csv);
        return rows.subList(1, rows.size()).stream().map(r -> r.get(0)).collect(Collectors.toSet());
    }

    private static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> params) {
        params.forEach(request::param);
        return request;
    }

    private static TodokeUser staff(String name, String ward) {
        return new TodokeUser(name, "x", true, List.of(new SimpleGrantedAuthority("ROLE_STAFF")), name, ward);
    }

    private static CaseDocument doc(String id, String ward, String reportDate, String type, String sex) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("patient_name", "絞込 " + id);
        fields.put("patient_address", "神戸市" + ward + "1-1");
        fields.put("report_date", reportDate);
        fields.put("diagnosis_date", reportDate);
        fields.put("age", 40);
        fields.put("sex", sex);
        fields.put("case_type", type);
        return new CaseDocument(id, null, ward, fields, reportDate + "T09:00:00Z");
    }
}
