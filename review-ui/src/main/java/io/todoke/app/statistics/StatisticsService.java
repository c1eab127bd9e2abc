package io.todoke.app.statistics;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseStatistics;
import io.todoke.search.CaseStatistics.CountDate;
import io.todoke.search.CaseStatistics.DailyCounts;
import io.todoke.search.CaseStatistics.PressTable;
import io.todoke.search.SearchUnavailableException;

/** The statistics a signed-in user may see: ward-bound staff get their ward only. Shared by the page and the API. */
@Service
public class StatisticsService {

    /** The longest range one request may ask for. */
    static final int MAX_DAYS = 366;

    private final ObjectProvider<CaseStatistics> statistics;

    public StatisticsService(ObjectProvider<CaseStatistics> statistics) {
        this.statistics = statistics;
    }

    public static List<String> wardsOf(TodokeUser user) {
        return user.cityWide() ? List.of() : List.of(user.getWard());
    }

    public DailyCounts daily(LocalDate from, LocalDate to, CountDate by, TodokeUser user) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("開始日が終了日より後です");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("期間は" + MAX_DAYS + "日以内にしてください");
        }
        return source().dailyByWard(from, to, by, wardsOf(user));
    }

    public PressTable press(LocalDate day, CountDate by, TodokeUser user) {
        return source().pressTable(day, by, wardsOf(user));
    }

    private CaseStatistics source() {
        CaseStatistics s = statistics.getIfAvailable();
        if (s == null) {
            throw new SearchUnavailableException("no search index configured", null);
        }
        return s;
    }
}
