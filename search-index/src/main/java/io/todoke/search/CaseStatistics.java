package io.todoke.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily numbers over the confirmed cases in the index. Every query is bounded by the caller's wards; an empty list
 * means city-wide. Throws {@link SearchUnavailableException} if the cluster is down.
 */
public interface CaseStatistics {

    /** Age bands of a press release, youngest first; a case without an age counts as {@link #AGE_UNKNOWN}. */
    List<String> AGE_BANDS = List.of("10歳未満", "10代", "20代", "30代", "40代", "50代", "60代", "70代", "80代",
            "90歳以上");
    String AGE_UNKNOWN = "不明";

    /** Which date a case is counted on. */
    enum CountDate {
        REPORT_DATE("report_date"), DIAGNOSIS_DATE("diagnosis_date");

        private final String field;

        CountDate(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** New cases per day and ward, every day of {@code from..to} (inclusive) present even with no cases. */
    default DailyCounts dailyByWard(LocalDate from, LocalDate to, CountDate countDate, List<String> wards) {
        return dailyByWard(from, to, countDate, wards, null);
    }

    /** As {@link #dailyByWard(LocalDate, LocalDate, CountDate, List)}, of one disease (its code; null: all). */
    DailyCounts dailyByWard(LocalDate from, LocalDate to, CountDate countDate, List<String> wards, String disease);

    /**
     * New cases per day by disease and ward: disease code → its {@link DailyCounts}, diseases in code order, each
     * with every day of {@code from..to}; a disease without cases in the range is absent.
     */
    Map<String, DailyCounts> dailyByDiseaseAndWard(LocalDate from, LocalDate to, CountDate countDate, List<String> wards);

    /** The press-release table for one day. */
    default PressTable pressTable(LocalDate day, CountDate countDate, List<String> wards) {
        return pressTable(day, countDate, wards, null);
    }

    /** The press-release table for one day, of one disease (its code; null: all). */
    PressTable pressTable(LocalDate day, CountDate countDate, List<String> wards, String disease);

    /**
     * @param days   every day of the range, in order
     * @param counts ward → counts per day, parallel to {@code days}; wards in name order
     */
    record DailyCounts(List<LocalDate> days, Map<String, List<Long>> counts) {
        public long count(String ward, LocalDate day) {
            List<Long> perDay = counts.get(ward);
            int i = days.indexOf(day);
            return perDay == null || i < 0 ? 0 : perDay.get(i);
        }

        /** All wards together per day, parallel to {@code days}. */
        public List<Long> totals() {
            long[] sum = new long[days.size()];
            counts.values().forEach(perDay -> {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += perDay.get(i);
                }
            });
            return java.util.Arrays.stream(sum).boxed().toList();
        }

        public long total() {
            return totals().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Counts for one day; each map holds only values that occur, except {@code byAgeBand}, which lists every band
     * of {@link #AGE_BANDS} in order (zeros included) and {@link #AGE_UNKNOWN} when some case has no age.
     */
    record PressTable(LocalDate day, long total, Map<String, Long> byWard, Map<String, Long> byAgeBand,
                      Map<String, Long> bySex, Map<String, Long> byCaseType) {
        public PressTable {
            byWard = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byWard));
            byAgeBand = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byAgeBand));
            bySex = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bySex));
            byCaseType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCaseType));
        }
    }
}
