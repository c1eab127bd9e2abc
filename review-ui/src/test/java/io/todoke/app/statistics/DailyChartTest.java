package io.todoke.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.todoke.search.CaseStatistics.DailyCounts;

class DailyChartTest {

    @Test
    void drawsOneBarSegmentPerNonZeroWardDayWithItsCountAndAnEscapedLegend() {
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        counts.put("西区", List.of(2L, 0L));
        counts.put("<北区>", List.of(1L, 3L));
        String svg = DailyChart.svg(new DailyCounts(List.of(LocalDate.parse("2021-01-08"),
                LocalDate.parse("2021-01-09")), counts));
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg.split("<title>", -1)).hasSize(4);
        assertThat(svg).contains("<title>2021-01-08 西区: 2</title>", "<title>2021-01-09 &lt;北区&gt;: 3</title>")
                .doesNotContain("<北区>");
    }

    @Test
    void axisStepsAreOneTwoFiveTimesAPowerOfTen() {
        assertThat(DailyChart.niceStep(5)).isEqualTo(1);
        assertThat(DailyChart.niceStep(17)).isEqualTo(2);
        assertThat(DailyChart.niceStep(50)).isEqualTo(10);
        assertThat(DailyChart.niceStep(120)).isEqualTo(20);
        assertThat(DailyChart.niceStep(1000)).isEqualTo(200);
    }
}
