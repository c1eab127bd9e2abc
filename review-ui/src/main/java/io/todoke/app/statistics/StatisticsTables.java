package io.todoke.app.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.todoke.app.export.ExportTable;
import io.todoke.search.CaseStatistics.DailyCounts;
import io.todoke.search.CaseStatistics.PressTable;

/** The statistics as the tables the page shows and the exports write (headings in Japanese). */
public final class StatisticsTables {

    static final Map<String, String> SEX = io.todoke.app.Labels.SEX;
    static final Map<String, String> CASE_TYPE = io.todoke.app.Labels.CASE_TYPE;

    private StatisticsTables() {
    }

    /** One row per day: date, a column per ward, total. */
    public static ExportTable daily(DailyCounts counts) {
        List<String> headers = new ArrayList<>();
        headers.add("日付");
        headers.addAll(counts.counts().keySet());
        headers.add("合計");
        List<List<Object>> rows = new ArrayList<>();
        List<Long> totals = counts.totals();
        for (int i = 0; i < counts.days().size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(counts.days().get(i).toString());
            for (List<Long> perDay : counts.counts().values()) {
                row.add(perDay.get(i));
            }
            row.add(totals.get(i));
            rows.add(row);
        }
        return new ExportTable("daily-by-ward", headers, rows);
    }

    /** The press table as one long table: 区分 (ward, age band, sex, case type), 項目, 人数; the total first. */
    public static ExportTable press(PressTable table) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("合計", table.day().toString(), table.total()));
        table.byWard().forEach((k, v) -> rows.add(List.of("居住区", k, v)));
        table.byAgeBand().forEach((k, v) -> rows.add(List.of("年代", k, v)));
        table.bySex().forEach((k, v) -> rows.add(List.of("性別", SEX.getOrDefault(k, k), v)));
        table.byCaseType().forEach((k, v) -> rows.add(List.of("類型", CASE_TYPE.getOrDefault(k, k), v)));
        return new ExportTable("press-" + table.day(), List.of("区分", "項目", "人数"), rows);
    }

    static String label(Map<String, String> labels, String value) {
        return labels.getOrDefault(value, value);
    }

    static LocalDate clampStart(LocalDate from, LocalDate to) {
        // A year of days is plenty for a chart and keeps the histogram small.
        return from.isBefore(to.minusDays(366)) ? to.minusDays(366) : from;
    }
}
