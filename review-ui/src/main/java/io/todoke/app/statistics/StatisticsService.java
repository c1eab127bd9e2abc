package io.todoke.app.statistics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseStatistics;
import io.todoke.search.CaseStatistics.CountDate;
import io.todoke.search.CaseStatistics.DailyCounts;
import io.todoke.search.CaseStatistics.PressTable;
import io.todoke.search.SearchUnavailableException;
import io.todoke.store.jurisdiction.Jurisdiction;

/**
 * The statistics a signed-in user may see: ward-bound staff get their ward only. Shared by the page and the API.
 * Every ward of the jurisdiction the user sees has its row, with zeros on a day without cases, in the configured
 * order; places outside the jurisdiction follow by name.
 */
@Service
public class StatisticsService {

    /** The longest range one request may ask for. */
    static final int MAX_DAYS = 366;

    private final ObjectProvider<CaseStatistics> statistics;
    private final Jurisdiction jurisdiction;

    public StatisticsService(ObjectProvider<CaseStatistics> statistics, Jurisdiction jurisdiction) {
        this.statistics = statistics;
        this.jurisdiction = jurisdiction;
    }

    public static List<String> wardsOf(TodokeUser user) {
        return user.cityWide() ? List.of() : List.of(user.getWard());
    }

    public DailyCounts daily(LocalDate from, LocalDate to, CountDate by, TodokeUser user) {
        return daily(from, to, by, user, null);
    }

    /** New cases per day and ward of one disease (its code; null or blank: every disease). */
    public DailyCounts daily(LocalDate from, LocalDate to, CountDate by, TodokeUser user, String disease) {
        checkRange(from, to);
        List<String> wards = wardsOf(user);
        DailyCounts counts = source().dailyByWard(from, to, by, wards, blankToNull(disease));
        return inWardOrder(counts, wards);
    }

    /** New cases per day and ward of each disease with cases in the range, diseases in code order. */
    public Map<String, DailyCounts> dailyByDisease(LocalDate from, LocalDate to, CountDate by, TodokeUser user) {
        checkRange(from, to);
        List<String> wards = wardsOf(user);
        Map<String, DailyCounts> out = new LinkedHashMap<>();
        source().dailyByDiseaseAndWard(from, to, by, wards).forEach((d, counts) -> out.put(d, inWardOrder(counts, wards)));
        return out;
    }

    private DailyCounts inWardOrder(DailyCounts counts, List<String> wards) {
        List<Long> none = Collections.nCopies(counts.days().size(), 0L);
        return new DailyCounts(counts.days(), inWardOrder(counts.counts(), visible(wards), none));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("開始日が終了日より後です");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("期間は" + MAX_DAYS + "日以内にしてください");
        }
    }

    public PressTable press(LocalDate day, CountDate by, TodokeUser user) {
        return press(day, by, user, null);
    }

    /** The press table of one day and one disease (its code; null or blank: every disease). */
    public PressTable press(LocalDate day, CountDate by, TodokeUser user, String disease) {
        List<String> wards = wardsOf(user);
        PressTable table = source().pressTable(day, by, wards, blankToNull(disease));
        return new PressTable(table.day(), table.total(), inWardOrder(table.byWard(), visible(wards), 0L),
                table.byAgeBand(), table.bySex(), table.byCaseType());
    }

    /** The jurisdiction's wards a query bounded by {@code wards} (empty: all) can count. */
    private List<String> visible(List<String> wards) {
        return wards.isEmpty() ? jurisdiction.wards() : wards.stream().filter(jurisdiction::isWard).toList();
    }

    private <V> Map<String, V> inWardOrder(Map<String, V> byWard, List<String> always, V zero) {
        Map<String, V> ordered = new LinkedHashMap<>();
        always.forEach(w -> ordered.put(w, byWard.getOrDefault(w, zero)));
        byWard.keySet().stream().sorted(jurisdiction.wardOrder()).forEach(w -> ordered.putIfAbsent(w, byWard.get(w)));
        return ordered;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private CaseStatistics source() {
        CaseStatistics s = statistics.getIfAvailable();
        if (s == null) {
            throw new SearchUnavailableException("no search index configured", null);
        }
        return s;
    }
}
