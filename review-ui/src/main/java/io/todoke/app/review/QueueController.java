package io.todoke.app.review;

import io.todoke.app.security.TodokeUser;
import io.todoke.app.security.UserAccounts;
import io.todoke.store.review.ReviewService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review queue: what waits, why, and the one key that opens the next record. */
@Controller
public class QueueController {

    static final int SHOWN = 200;

    private final ReviewService reviews;
    private final UserAccounts accounts;

    public QueueController(ReviewService reviews, UserAccounts accounts) {
        this.reviews = reviews;
        this.accounts = accounts;
    }

    @GetMapping("/queue")
    String queue(Model model) {
        model.addAttribute("tasks", reviews.queue(SHOWN));
        model.addAttribute("byReason", reviews.queueCountsByReason());
        model.addAttribute("byInbox", reviews.queueCountsByInbox());
        // 確認中 by name, as the 409 page says it.
        model.addAttribute("names", accounts.list().stream()
                .collect(java.util.stream.Collectors.toMap(UserAccounts.Account::username, UserAccounts.Account::displayName)));
        return "queue";
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
}
