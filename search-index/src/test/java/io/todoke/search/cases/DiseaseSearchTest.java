package io.todoke.search.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch._types.Refresh;
import io.todoke.search.CaseDocument;
import io.todoke.search.CaseIndex.CaseQuery;
import io.todoke.search.CaseIndex.Hit;
import io.todoke.search.CaseStatistics.CountDate;
import io.todoke.search.CaseStatistics.DailyCounts;
import io.todoke.search.CaseStatistics.PressTable;
import io.todoke.search.TestElasticsearch;

/** Cases of two diseases in one index: searched, filtered, faceted and counted per disease. */
class DiseaseSearchTest {

    private static ElasticsearchCaseIndex index;
    private static String alias;
    private static final LocalDate JAN8 = LocalDate.parse("2021-01-08");
    private static final LocalDate JAN9 = LocalDate.parse("2021-01-09");

    @BeforeAll
    static void indexCases() {
        alias = "test-disease-" + UUID.randomUUID().toString().substring(0, 8);
        index = new ElasticsearchCaseIndex(TestElasticsearch.client(), alias, Refresh.WaitFor);
        List.of(doc("d1", "covid19", "西区", "2021-01-08", "female"),
                doc("d2", "covid19", "北区", "2021-01-09", "male"),
                doc("d3", "testfever", "西区", "2021-01-08", "male"),
                doc("d4", "testfever", "西区", "2021-01-09", "female"),
                doc("d5", "testfever", "北区", "2021-01-09", "male"))
                .forEach(index::index);
    }

    @AfterAll
    static void dropIndices() throws Exception {
        TestElasticsearch.dropAlias(alias);
    }

    @Test
    void aSearchKeepsToTheChosenDiseaseAndTheFacetCountsEachDisease() {
        var all = index.search(query(null));
        assertThat(all.facets().get("disease")).containsEntry("covid19", 2L).containsEntry("testfever", 3L);
        var fever = index.search(query("testfever"));
        assertThat(fever.hits()).extracting(Hit::caseId).containsExactlyInAnyOrder("d3", "d4", "d5");
        assertThat(fever.hits()).extracting(h -> h.document().disease()).containsOnly("testfever");
        assertThat(fever.facets().get("disease")).containsOnlyKeys("testfever");
    }

    @Test
    void newCasesPerDayAreCountedByDiseaseAndWard() {
        Map<String, DailyCounts> counts = index.dailyByDiseaseAndWard(JAN8, JAN9, CountDate.REPORT_DATE, List.of());
        assertThat(counts).containsOnlyKeys("covid19", "testfever");
        assertThat(counts.get("testfever").counts().get("西区")).containsExactly(1L, 1L);
        assertThat(counts.get("testfever").counts().get("北区")).containsExactly(0L, 1L);
        assertThat(counts.get("covid19").counts().get("西区")).containsExactly(1L, 0L);
        assertThat(index.dailyByWard(JAN8, JAN9, CountDate.REPORT_DATE, List.of("西区"), "covid19").total())
                .isEqualTo(1);
    }

    @Test
    void thePressTableCountsOneDiseaseOnly() {
        PressTable fever = index.pressTable(JAN9, CountDate.REPORT_DATE, List.of(), "testfever");
        assertThat(fever.total()).isEqualTo(2);
        assertThat(fever.byWard()).containsEntry("西区", 1L).containsEntry("北区", 1L);
        assertThat(index.pressTable(JAN9, CountDate.REPORT_DATE, List.of(), null).total()).isEqualTo(3);
    }

    private static CaseQuery query(String disease) {
        return new CaseQuery(null, List.of(), null, null, null, null, disease, 0, 50);
    }

    private static CaseDocument doc(String id, String disease, String ward, String reportDate, String sex) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("report_date", reportDate);
        fields.put("sex", sex);
        return new CaseDocument(id, "fax-" + id, ward, disease, fields, reportDate + "T09:00:00Z");
    }
}
