package io.todoke.search.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.todoke.search.CaseStatistics.CountDate;
import io.todoke.search.CaseStatistics.DailyCounts;
import io.todoke.search.CaseStatistics.PressTable;
import io.todoke.search.TestElasticsearch;

/** Daily numbers against the real local node, over a handful of cases with known counts. */
class CaseStatisticsTest {

    private static ElasticsearchCaseIndex index;
    private static String alias;

    private static final LocalDate JAN8 = LocalDate.parse("2021-01-08");
    private static final LocalDate JAN9 = LocalDate.parse("2021-01-09");
    private static final LocalDate JAN10 = LocalDate.parse("2021-01-10");

    @BeforeAll
    static void indexCases() {
        alias = "test-stats-" + UUID.randomUUID().toString().substring(0, 8);
        index = new ElasticsearchCaseIndex(TestElasticsearch.client(), alias, Refresh.WaitFor);
        List.of(
                doc("s1", "西区", "2021-01-08", "2021-01-07", 5, "male", "confirmed"),
                doc("s2", "西区", "2021-01-08", "2021-01-08", 10, "female", "confirmed"),
                doc("s3", "北区", "2021-01-08", "2021-01-08", 19, "male", "asymptomatic"),
                doc("s4", "西区", "2021-01-10", "2021-01-08", 45, "female", "confirmed"),
                doc("s5", "中央区", "2021-01-10", "2021-01-09", 90, "male", "deceased"),
                doc("s6", "中央区", "2021-01-10", "2021-01-10", 103, "female", "confirmed"),
                doc("s7", "北区", "2021-01-10", "2021-01-10", null, "male", "confirmed"),
                // Outside every range asked below.
                doc("s8", "西区", "2021-01-12", "2021-01-12", 30, "male", "confirmed"))
                .forEach(index::index);
    }

    @AfterAll
    static void dropIndices() throws Exception {
        TestElasticsearch.dropAlias(alias);
    }

    @Test
    void dailyCountsGiveEveryDayOfTheRangeByWardIncludingDaysWithoutCases() {
        DailyCounts counts = index.dailyByWard(JAN8, JAN10, CountDate.REPORT_DATE, List.of());
        assertThat(counts.days()).containsExactly(JAN8, JAN9, JAN10);
        assertThat(counts.counts()).containsOnlyKeys("中央区", "北区", "西区");
        assertThat(counts.counts().get("西区")).containsExactly(2L, 0L, 1L);
        assertThat(counts.counts().get("北区")).containsExactly(1L, 0L, 1L);
        assertThat(counts.counts().get("中央区")).containsExactly(0L, 0L, 2L);
        assertThat(counts.totals()).containsExactly(3L, 0L, 4L);
        assertThat(counts.total()).isEqualTo(7);
    }

    @Test
    void dailyCountsCanCountByDiagnosisDate() {
        DailyCounts counts = index.dailyByWard(JAN8, JAN10, CountDate.DIAGNOSIS_DATE, List.of());
        assertThat(counts.totals()).containsExactly(3L, 1L, 2L);
        assertThat(counts.count("西区", JAN8)).isEqualTo(2);
    }

    @Test
    void dailyCountsOfAWardBoundUserHoldOnlyTheirWard() {
        DailyCounts counts = index.dailyByWard(JAN8, JAN10, CountDate.REPORT_DATE, List.of("北区"));
        assertThat(counts.counts()).containsOnlyKeys("北区");
        assertThat(counts.totals()).containsExactly(1L, 0L, 1L);
    }

    @Test
    void anInvertedRangeIsRefused() {
        assertThatThrownBy(() -> index.dailyByWard(JAN10, JAN8, CountDate.REPORT_DATE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePressTableCountsOneDayByWardAgeBandSexAndCaseType() {
        PressTable table = index.pressTable(JAN10, CountDate.REPORT_DATE, List.of());
        assertThat(table.total()).isEqualTo(4);
        assertThat(table.byWard()).containsExactly(Map.entry("中央区", 2L), Map.entry("北区", 1L),
                Map.entry("西区", 1L));
        assertThat(table.bySex()).containsOnly(Map.entry("female", 2L), Map.entry("male", 2L));
        assertThat(table.byCaseType()).containsOnly(Map.entry("confirmed", 3L), Map.entry("deceased", 1L));
        assertThat(table.byAgeBand()).containsExactly(Map.entry("10歳未満", 0L), Map.entry("10代", 0L),
                Map.entry("20代", 0L), Map.entry("30代", 0L), Map.entry("40代", 1L), Map.entry("50代", 0L),
                Map.entry("60代", 0L), Map.entry("70代", 0L), Map.entry("80代", 0L), Map.entry("90歳以上", 2L),
                Map.entry("不明", 1L));
    }

    @Test
    void ageBandsSplitAtTheTens() {
        PressTable table = index.pressTable(JAN8, CountDate.REPORT_DATE, List.of());
        assertThat(table.byAgeBand()).containsEntry("10歳未満", 1L).containsEntry("10代", 2L)
                .doesNotContainKey("不明");
    }

    @Test
    void thePressTableOfAWardBoundUserCountsOnlyTheirWard() {
        PressTable table = index.pressTable(JAN8, CountDate.REPORT_DATE, List.of("西区"));
        assertThat(table.total()).isEqualTo(2);
        assertThat(table.byWard()).containsExactly(Map.entry("西区", 2L));
        assertThat(table.bySex()).containsOnly(Map.entry("male", 1L), Map.entry("female", 1L));
    }

    @Test
    void aDayWithoutCasesGivesZeros() {
        PressTable table = index.pressTable(JAN9, CountDate.REPORT_DATE, List.of());
        assertThat(table.total()).isZero();
        assertThat(table.byWard()).isEmpty();
        assertThat(table.byAgeBand().values()).containsOnly(0L);
    }

    private static CaseDocument doc(String id, String ward, String reportDate, String diagnosisDate, Integer age,
                                    String sex, String caseType) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("report_date", reportDate);
        fields.put("diagnosis_date", diagnosisDate);
        fields.put("age", age);
        fields.put("sex", sex);
        fields.put("case_type", caseType);
        fields.put("patient_name", "統計 " + id);
        return new CaseDocument(id, "fax-" + id, ward, fields, reportDate + "T09:00:00Z");
    }
}
