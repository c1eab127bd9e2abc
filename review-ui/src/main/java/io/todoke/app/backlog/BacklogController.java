package io.todoke.app.backlog;

import io.todoke.app.Fmt;
import io.todoke.app.TodokeProperties;
import io.todoke.app.security.TodokeUser;
import io.todoke.app.security.UserAccounts;
import io.todoke.store.backlog.Backlog;
import io.todoke.store.backlog.BacklogQueries;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 滞留状況, the surge view: what waits by priority, what is still being read, how fast clerks confirm today and
 * when the queue would be empty at that pace. For clerks, administrators and city-wide staff: waiting cases have
 * no ward yet and the per-clerk counts are about the center's own people, so ward-bound staff are refused.
 */
@Controller
class BacklogController {

    private final BacklogQueries queries;
    private final UserAccounts accounts;
    private final TodokeProperties properties;

    BacklogController(BacklogQueries queries, UserAccounts accounts, TodokeProperties properties) {
        this.queries = queries;
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping("/backlog")
    String backlog(@AuthenticationPrincipal TodokeUser user, Model model) {
        if (!mayRead(user)) {
            throw new AccessDeniedException("the backlog is for clerks, administrators and city-wide staff");
        }
        Backlog b = queries.now(Fmt.JAPAN);
        Map<String, String> names = accounts.list().stream()
                .collect(Collectors.toMap(UserAccounts.Account::username, UserAccounts.Account::displayName));
        Map<String, Long> byClerk = new LinkedHashMap<>();
        b.confirmedByClerk().forEach((clerk, n) -> byClerk.merge(names.getOrDefault(clerk, clerk), n, Long::sum));
        model.addAttribute("backlog", b);
        model.addAttribute("byHour", hours(b));
        model.addAttribute("byClerk", byClerk);
        model.addAttribute("pace", pace(b));
        model.addAttribute("paceWindow", BacklogQueries.PACE_WINDOW.toMinutes() + "分");
        model.addAttribute("refreshSeconds", properties.review().refresh().toSeconds());
        return "backlog";
    }

    static boolean mayRead(TodokeUser user) {
        boolean clerkOrAdmin = user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_CLERK") || a.getAuthority().equals("ROLE_ADMIN"));
        return clerkOrAdmin || user.cityWide();
    }

    /** Every hour from the first confirmation today to now, so a quiet hour shows as 0, not as a gap. */
    private static Map<String, Long> hours(Backlog b) {
        Map<String, Long> rows = new LinkedHashMap<>();
        if (b.confirmedByHour().isEmpty()) {
            return rows;
        }
        int first = b.confirmedByHour().keySet().iterator().next();
        int now = b.at().atZone(Fmt.JAPAN).getHour();
        for (int h = first; h <= now; h++) {
            rows.put(String.format("%02d:00–%02d:59", h, h), b.confirmedByHour().getOrDefault(h, 0L));
        }
        return rows;
    }

    private static String pace(Backlog b) {
        double perHour = b.pacePerHour();
        return perHour == 0 ? "—" : (perHour == Math.rint(perHour) ? String.valueOf((long) perHour)
                : String.format("%.1f", perHour)) + "件/時";
    }

}
