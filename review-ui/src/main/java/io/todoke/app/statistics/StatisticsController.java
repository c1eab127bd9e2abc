package io.todoke.app.statistics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.todoke.app.export.Exports;
import io.todoke.app.forms.FormLayouts;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseStatistics;
import io.todoke.search.CaseStatistics.CountDate;
import io.todoke.search.CaseStatistics.DailyCounts;
import io.todoke.search.CaseStatistics.PressTable;
import io.todoke.search.SearchUnavailableException;

/**
 * The statistics page: new cases per day by ward (chart and table) of one disease or all, the same by disease and ward,
 * and the press table of one day and disease; exports.
 */
@Controller
public class StatisticsController {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final int DEFAULT_DAYS = 28;

    private final StatisticsService statistics;
    private final Exports exports;
    private final FormLayouts forms;

    public StatisticsController(StatisticsService statistics, Exports exports, FormLayouts forms) {
        this.statistics = statistics;
        this.exports = exports;
        this.forms = forms;
    }

    /** The query of the page, with defaults: the last four weeks up to today, the press table of the last day. */
    record Params(LocalDate from, LocalDate to, LocalDate day, CountDate by) {
        static Params of(String from, String to, String day, String by) {
            LocalDate end = date(to, LocalDate.now(JAPAN));
            LocalDate start = date(from, end.minusDays(DEFAULT_DAYS - 1));
            CountDate countDate = "diagnosis".equals(by) ? CountDate.DIAGNOSIS_DATE : CountDate.REPORT_DATE;
            return new Params(start, end, date(day, end), countDate);
        }

        String byParam() {
            return by == CountDate.DIAGNOSIS_DATE ? "diagnosis" : "report";
        }

        private static LocalDate date(String text, LocalDate fallback) {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("日付は YYYY-MM-DD で入力してください: " + text);
            }
        }
    }

    @GetMapping("/statistics")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String day, @RequestParam(required = false) String by,
                @RequestParam(defaultValue = "") String d, @AuthenticationPrincipal TodokeUser user, Model model) {
        String disease = d.strip();
        model.addAttribute("ward", user.getWard());
        model.addAttribute("d", disease);
        model.addAttribute("diseases", forms.diseases());
        model.addAttribute("ageBands", CaseStatistics.AGE_BANDS);
        model.addAttribute("sexLabels", StatisticsTables.SEX);
        model.addAttribute("caseTypeLabels", StatisticsTables.CASE_TYPE);
        Params p;
        try {
            p = Params.of(from, to, day, by);
            model.addAttribute("p", p);
            model.addAttribute("by", p.byParam());
            DailyCounts daily = statistics.daily(p.from(), p.to(), p.by(), user, disease);
            model.addAttribute("daily", daily);
            model.addAttribute("dailyTotals", daily.totals());
            model.addAttribute("chart", DailyChart.svg(daily));
            model.addAttribute("press", statistics.press(p.day(), p.by(), user, disease));
            model.addAttribute("byDisease", statistics.dailyByDisease(p.from(), p.to(), p.by(), user));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        } catch (SearchUnavailableException e) {
            model.addAttribute("error", "検索サーバーに接続できません。しばらくしてからもう一度お試しください");
        }
        return "statistics";
    }

    @GetMapping("/statistics/daily.{format}")
    ResponseEntity<byte[]> exportDaily(@PathVariable String format, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String by,
                                       @RequestParam(defaultValue = "") String d,
                                       @AuthenticationPrincipal TodokeUser user) {
        Params p = params(from, to, null, by);
        DailyCounts daily = available(() -> statistics.daily(p.from(), p.to(), p.by(), user, d));
        return exports.download(StatisticsTables.daily(daily), format(format), user.getUsername(),
                "from=" + p.from() + " to=" + p.to() + " by=" + p.byParam() + " d=" + d.strip()
                        + " wards=" + StatisticsService.wardsOf(user));
    }

    @GetMapping("/statistics/press.{format}")
    ResponseEntity<byte[]> exportPress(@PathVariable String format, @RequestParam(required = false) String day,
                                       @RequestParam(required = false) String by,
                                       @RequestParam(defaultValue = "") String d,
                                       @AuthenticationPrincipal TodokeUser user) {
        Params p = params(null, day, day, by);
        PressTable press = available(() -> statistics.press(p.day(), p.by(), user, d));
        return exports.download(StatisticsTables.press(press), format(format), user.getUsername(),
                "day=" + p.day() + " by=" + p.byParam() + " d=" + d.strip()
                        + " wards=" + StatisticsService.wardsOf(user));
    }

    static Exports.Format format(String format) {
        try {
            return Exports.Format.of(format);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static Params params(String from, String to, String day, String by) {
        try {
            return Params.of(from, to, day, by);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    static <T> T available(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (SearchUnavailableException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "search unavailable", e);
        }
    }
}
