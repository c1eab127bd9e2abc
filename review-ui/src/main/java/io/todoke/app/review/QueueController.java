package io.todoke.app.review;

import io.todoke.app.Fmt;
import io.todoke.app.TodokeProperties;
import io.todoke.app.security.TodokeUser;
import io.todoke.app.security.UserAccounts;
import io.todoke.store.backlog.BacklogQueries;
import io.todoke.store.review.ReviewService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.stream.Collectors;

/**
 * The review queue: what waits, why, what is still being read, and the one key that opens the next record.
 * {@code /queue/live} is the part of the page the page itself fetches again every {@code todoke.review.refresh}.
 */
@Controller
public class QueueController {

    static final int SHOWN = 200;

    private final ReviewService reviews;
    private final UserAccounts accounts;
    private final BacklogQueries backlog;
    private final TodokeProperties properties;
    private final DoubleCheckGuard doubleCheckGuard;

    public QueueController(ReviewService reviews, UserAccounts accounts, BacklogQueries backlog,
                           TodokeProperties properties, DoubleCheckGuard doubleCheckGuard) {
        this.doubleCheckGuard = doubleCheckGuard;
        this.reviews = reviews;
        this.accounts = accounts;
        this.backlog = backlog;
        this.properties = properties;
    }

    @GetMapping("/queue")
    String queue(Model model) {
        live(model);
        model.addAttribute("refreshSeconds", properties.review().refresh().toSeconds());
        return "queue";
    }

    @GetMapping("/queue/live")
    String live(Model model) {
        model.addAttribute("tasks", doubleCheckGuard.rows(reviews.queue(SHOWN)));
        model.addAttribute("byReason", QueueReasons.specific(reviews.queueCountsByReason()));
        model.addAttribute("byInbox", reviews.queueCountsByInbox());
        model.addAttribute("backlog", backlog.now(Fmt.JAPAN));
        // 確認中 by name, as the 409 page says it.
        model.addAttribute("names", accounts.list().stream()
                .collect(Collectors.toMap(UserAccounts.Account::username, UserAccounts.Account::displayName)));
        return "queue :: live";
    }

    @PostMapping("/queue/next")
    String next(@AuthenticationPrincipal TodokeUser user, RedirectAttributes redirect) {
        return reviews.claimNext(user.getUsername())
                .map(c -> "redirect:/review/" + c.id())
                .orElseGet(() -> {
                    redirect.addFlashAttribute("message", "確認待ちの帳票はありません");
                    return "redirect:/queue";
                });
    }

    /** A queue line with only the reasons worth reading, and the name it shows (none for a case in double check). */
    record QueueRow(io.todoke.store.review.ReviewTask task, java.util.List<String> reasons, String name) {
    }
}
