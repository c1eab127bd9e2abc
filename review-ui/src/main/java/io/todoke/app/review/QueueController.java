package io.todoke.app.review;

import io.todoke.app.security.TodokeUser;
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

    public QueueController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/queue")
    String queue(Model model) {
        model.addAttribute("tasks", reviews.queue(SHOWN));
        model.addAttribute("byReason", reviews.queueCountsByReason());
        model.addAttribute("byInbox", reviews.queueCountsByInbox());
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
