package io.todoke.app;

import io.todoke.app.export.CsvExport;
import io.todoke.app.security.TodokeUser;
import io.todoke.app.security.UserAccounts;
import io.todoke.search.CaseStatistics;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.review.ReviewService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The app configured for a made-up city, 架空市 with three wards, by properties alone: the wards cases are counted
 * under, the staff ward list, the search filter and the statistics by ward are its own, with no code change.
 */
@SpringBootTest(classes = {TodokeApplication.class, AnotherCityTest.Statistics.class})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnotherCityTest {

    static final Path TMP = TestWorkspace.create("todoke-another-city-test-");
    static final List<String> KAKU_WARDS = List.of("南区", "山手区", "南区東");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorkspace.register(registry, TMP);
        registry.add("search.elasticsearch.enabled", () -> "false");
        registry.add("todoke.intake.auto-confirm", () -> "false");
        registry.add("todoke.security.demo-users", () -> "true");
        registry.add("todoke.jurisdiction.name", () -> "架空市");
        for (int i = 0; i < KAKU_WARDS.size(); i++) {
            String ward = KAKU_WARDS.get(i);
            registry.add("todoke.jurisdiction.wards[" + i + "]", () -> ward);
        }
        registry.add("todoke.jurisdiction.health-centres[0].name", () -> "架空市保健所");
        registry.add("todoke.jurisdiction.health-centres[0].wards", () -> String.join(",", KAKU_WARDS));
    }

    /** Counts as the index would give them, by name order: a ward of 架空市 and a municipality outside it. */
    @TestConfiguration
    static class Statistics {
        @Bean
        CaseStatistics caseStatistics() {
            return new CaseStatistics() {
                @Override
                public DailyCounts dailyByWard(LocalDate from, LocalDate to, CountDate countDate, List<String> wards,
                                               String disease) {
                    Map<String, List<Long>> counts = new LinkedHashMap<>();
                    counts.put("山手区", List.of(2L));
                    counts.put("明石市", List.of(1L));
                    return new DailyCounts(List.of(from), counts);
                }

                @Override
                public Map<String, DailyCounts> dailyByDiseaseAndWard(LocalDate from, LocalDate to,
                                                                      CountDate countDate, List<String> wards) {
                    return Map.of("covid19", dailyByWard(from, to, countDate, wards, "covid19"));
                }

                @Override
                public PressTable pressTable(LocalDate day, CountDate countDate, List<String> wards, String disease) {
                    return new PressTable(day, 3, Map.of("山手区", 2L, "明石市", 1L), Map.of(), Map.of(), Map.of());
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    FaxStore faxes;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserAccounts accounts;

    private final TodokeUser admin = account("kaku-admin", "ROLE_ADMIN", null);
    private final TodokeUser cityStaff = account("kaku-staff", "ROLE_STAFF", null);

    private static TodokeUser account(String name, String role, String ward) {
        return new TodokeUser(name, "unused", true, List.of(new SimpleGrantedAuthority(role)), name, ward);
    }

    @Test
    void aConfirmedCaseIsCountedUnderTheWardOfTheConfiguredCityAndKobeIsJustAnotherMunicipality() {
        assertThat(confirmedWard("架空県架空市南区東3-1")).isEqualTo("南区東");
        assertThat(confirmedWard("架空市山手区1-2-3")).isEqualTo("山手区");
        assertThat(confirmedWard("兵庫県神戸市西区玉津町1-2")).isEqualTo("神戸市");
    }

    private String confirmedWard(String address) {
        TestCases cases = new TestCases(faxes, Path.of("../config/forms/covid19-notification/layout.json"),
                TMP.resolve("archive"));
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_address", TestCases.Read.ok(address));
        UUID id = cases.seed(reads, List.of());
        NotificationCase held = reviews.claim(id, "clerk-kaku");
        return reviews.confirm(id, "clerk-kaku", held.version()).ward();
    }

    @Test
    void staffAreBoundToTheConfiguredWardsOnly() throws Exception {
        assertThat(accounts.wards()).isEqualTo(KAKU_WARDS);
        String page = mvc.perform(get("/admin/users").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (String ward : KAKU_WARDS) {
            assertThat(page).contains("<option value=\"" + ward + "\">" + ward + "</option>");
        }
        assertThat(page).doesNotContain("西区");
        assertThatThrownBy(() -> accounts.create("kaku-west", "test-password-1", "", List.of("STAFF"), "西区"))
                .hasMessage("区は一覧から選んでください");
        accounts.create("kaku-yamate", "test-password-1", "", List.of("STAFF"), "山手区");
        assertThat(accounts.find("kaku-yamate").orElseThrow().ward()).isEqualTo("山手区");
    }

    @Test
    void theDemoWardStaffMemberIsBoundToAWardOfTheConfiguredCity() {
        assertThat(accounts.find("staff-ward").orElseThrow().ward()).isEqualTo("南区東");
    }

    @Test
    void theSearchPageFiltersByTheConfiguredWards() throws Exception {
        String page = mvc.perform(get("/search").with(user(cityStaff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (String ward : KAKU_WARDS) {
            assertThat(page).contains("<option value=\"" + ward + "\">" + ward + "</option>");
        }
        assertThat(page).doesNotContain("東灘区");
    }

    @Test
    void statisticsByWardListEveryConfiguredWardInItsOrderThenPlacesOutside() throws Exception {
        byte[] csv = mvc.perform(get("/statistics/daily.csv").param("from", "2026-01-05").param("to", "2026-01-05")
                        .with(user(cityStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(CsvExport.read(csv)).containsExactly(List.of("日付", "南区", "山手区", "南区東", "明石市", "合計"),
                List.of("2026-01-05", "0", "2", "0", "1", "3"));
        byte[] press = mvc.perform(get("/statistics/press.csv").param("day", "2026-01-05").with(user(cityStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(CsvExport.read(press).stream().filter(r -> r.get(0).equals("居住区")).toList()).containsExactly(
                List.of("居住区", "南区", "0"), List.of("居住区", "山手区", "2"), List.of("居住区", "南区東", "0"),
                List.of("居住区", "明石市", "1"));
    }
}
