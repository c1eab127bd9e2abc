package io.todoke.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.todoke.app.SearchAppTest;
import io.todoke.app.TestCases;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseDocument;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.review.ReviewService;

/** The JSON API with the pages' authorisation, against the real app, H2 and Elasticsearch. */
class CaseApiTest extends SearchAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    FaxStore faxes;
    @Autowired
    ReviewService reviews;

    final TodokeUser westStaff = account("api-west", "ROLE_STAFF", "西区");
    final TodokeUser northStaff = account("api-north", "ROLE_STAFF", "北区");
    final TodokeUser cityStaff = account("api-city", "ROLE_STAFF", null);
    UUID westCase;

    @BeforeAll
    void seed() {
        index.index(doc("a1", "西区", "青空 一郎", "2022-02-01", 25));
        index.index(doc("a2", "西区", "青空 二郎", "2022-02-02", 35));
        index.index(doc("a3", "北区", "青空 三郎", "2022-02-02", 65));
        TestCases cases = new TestCases(faxes, java.nio.file.Path.of("../config/forms/covid19-notification/layout.json"),
                TMP.resolve("archive"));
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.ok("確認 太郎"));
        reads.put("patient_address", TestCases.Read.ok("神戸市西区玉津町1-2"));
        westCase = cases.seed(reads, List.of());
        NotificationCase held = reviews.claim(westCase, "clerk-seed");
        reviews.confirm(westCase, "clerk-seed", held.version());
    }

    @Test
    void searchReturnsOnlyTheStaffMembersWardWithFacets() throws Exception {
        JsonNode west = json("/api/search?q=青空", westStaff);
        assertThat(west.path("total").asLong()).isEqualTo(2);
        assertThat(java.util.stream.StreamSupport.stream(west.path("hits").spliterator(), false)
                .map(h -> h.path("caseId").asText()).toList()).containsExactlyInAnyOrder("a1", "a2");
        assertThat(west.path("facets").path("ward").path("西区").asLong()).isEqualTo(2);
        assertThat(json("/api/search?q=青空", cityStaff).path("total").asLong()).isEqualTo(3);
    }

    @Test
    void aCaseIsReturnedToItsWardAndRefusedToAnotherAndTheViewIsAudited() throws Exception {
        long views = jdbc.sql("select count(*) from audit_log where action = 'VIEW' and case_id = :id")
                .param("id", westCase).query(Long.class).single();
        JsonNode c = json("/api/cases/" + westCase, westStaff);
        assertThat(c.path("ward").asText()).isEqualTo("西区");
        assertThat(c.path("fields").path("patient_name").asText()).isEqualTo("確認 太郎");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'VIEW' and case_id = :id")
                .param("id", westCase).query(Long.class).single()).isEqualTo(views + 1);
        mvc.perform(get("/api/cases/" + westCase).with(user(northStaff))).andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/" + UUID.randomUUID()).with(user(westStaff))).andExpect(status().isNotFound());
    }

    @Test
    void statisticsAreBoundByWard() throws Exception {
        JsonNode daily = json("/api/statistics/daily?from=2022-02-01&to=2022-02-02", westStaff);
        assertThat(daily.path("days").toString()).isEqualTo("[\"2022-02-01\",\"2022-02-02\"]");
        assertThat(daily.path("counts").path("西区").toString()).isEqualTo("[1,1]");
        assertThat(daily.path("counts").has("北区")).isFalse();
        JsonNode press = json("/api/statistics/press?day=2022-02-02", cityStaff);
        assertThat(press.path("total").asLong()).isEqualTo(2);
        assertThat(press.path("byAgeBand").path("60代").asLong()).isEqualTo(1);
        assertThat(press.path("byWard").path("北区").asLong()).isEqualTo(1);
    }

    @Test
    void badInputIsABadRequestAndClerksCannotSearch() throws Exception {
        mvc.perform(get("/api/statistics/daily?from=2022-02-05&to=2022-02-01").with(user(westStaff)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/statistics/press?day=yesterday").with(user(westStaff)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/search?q=青空").with(user(account("api-clerk", "ROLE_CLERK", null))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiIsDescribedWithOpenApi() throws Exception {
        JsonNode docs = json("/v3/api-docs", cityStaff);
        assertThat(docs.path("paths").has("/api/search")).isTrue();
        assertThat(docs.path("paths").has("/api/cases/{id}")).isTrue();
        assertThat(docs.path("paths").has("/api/statistics/daily")).isTrue();
        assertThat(docs.path("paths").has("/api/statistics/press")).isTrue();
    }

    private JsonNode json(String url, TodokeUser as) throws Exception {
        String body = mvc.perform(get(url).with(user(as))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    private static TodokeUser account(String name, String role, String ward) {
        return new TodokeUser(name, "x", true, List.of(new SimpleGrantedAuthority(role)), name, ward);
    }

    private static CaseDocument doc(String id, String ward, String name, String reportDate, int age) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("patient_name", name);
        fields.put("report_date", reportDate);
        fields.put("age", age);
        fields.put("sex", "male");
        fields.put("case_type", "confirmed");
        return new CaseDocument(id, null, ward, fields, reportDate + "T09:00:00Z");
    }
}
