package io.todoke.app.admin;

import io.todoke.store.review.ReviewService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * Rejected cases (却下, 帳票ではない) for an administrator, who can put any of them back in the review queue after
 * the clerk's own undo window has passed. Restoring is audited like the rejection.
 */
@Controller
public class RejectedCasesController {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedCasesController.class);
    static final int SHOWN = 500;

    private final ReviewService reviews;

    public RejectedCasesController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/admin/rejected")
    String list(Model model) {
        model.addAttribute("rejected", reviews.rejected(SHOWN));
        return "admin-rejected";
    }

    @PostMapping("/admin/rejected/{id}/restore")
    String restore(@PathVariable UUID id, Authentication who, RedirectAttributes redirect) {
        try {
            reviews.restore(id, who.getName(), null);
            LOG.info("{} restored rejected case {} to the review queue", who.getName(), id);
            redirect.addFlashAttribute("message", "確認待ちに戻しました");
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("error", "この帳票は却下されていません（既に戻されています）");
        }
        return "redirect:/admin/rejected";
    }
}
