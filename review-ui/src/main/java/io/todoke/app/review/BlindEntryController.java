package io.todoke.app.review;

import io.todoke.app.security.TodokeUser;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.doublecheck.DoubleCheck;
import io.todoke.store.doublecheck.DoubleCheckException;
import io.todoke.store.doublecheck.DoubleChecks;
import io.todoke.store.review.ReviewService;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The second clerk's blind entry of a case in double check ({@code /review/{id}/second}). */
@Controller
public class BlindEntryController {

    private static final Logger log = LoggerFactory.getLogger(BlindEntryController.class);

    private final ReviewService reviews;
    private final DoubleChecks checks;
    private final BlindEntryView views;

    public BlindEntryController(ReviewService reviews, DoubleChecks checks, BlindEntryView views) {
        this.reviews = reviews;
        this.checks = checks;
        this.views = views;
    }

    @GetMapping("/review/{id}/second")
    String entry(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user, Model model, RedirectAttributes redirect) {
        Optional<DoubleCheck> check = waiting(id, user.getUsername(), redirect);
        if (check.isEmpty()) {
            return "redirect:/queue";
        }
        NotificationCase c = reviews.claim(id, user.getUsername());
        reviews.record(id, user.getUsername(), "VIEW", "double-check");
        model.addAttribute("view", views.build(c, check.get().fields(), null, null));
        return "double-check-entry";
    }

    @PostMapping("/review/{id}/second")
    String submit(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
                  @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal TodokeUser user,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String clerk = user.getUsername();
        Optional<DoubleCheck> check = waiting(id, clerk, redirect);
        if (check.isEmpty()) {
            return "redirect:/queue";
        }
        NotificationCase c = reviews.claim(id, clerk);
        ReviewView.CaseView blank = views.build(c, check.get().fields(), null, null);
        Map<String, List<String>> typed = new LinkedHashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ReviewView.FieldRow row : blank.rows()) {
            List<String> submitted = params.getOrDefault("f_" + row.key(), List.of());
            typed.put(row.key(), submitted);
            List<String> problems = new ArrayList<>();
            Object value = ReviewController.value(row, submitted, problems);
            if (problems.isEmpty() && value == null && row.required()) {
                problems.add("必須項目です");
            }
            if (problems.isEmpty()) {
                values.put(row.key(), value);
            } else {
                errors.put(row.key(), problems);
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("error", "入力に誤りがあります。赤い項目を直してください");
            model.addAttribute("view", views.build(c, check.get().fields(), typed, errors));
            return "double-check-entry";
        }
        DoubleCheck after;
        try {
            after = checks.second(id, values, clerk, version);
        } catch (DoubleCheckException e) {
            log.warn("Double check refused: {}", e.getMessage());
            redirect.addFlashAttribute("error", "この帳票の二重入力はできません（最初に入力した方か、すでに入力済みです）");
            return "redirect:/queue";
        }
        redirect.addFlashAttribute("message", after.stage() == DoubleCheck.Stage.DONE
                ? "二重入力が一致し、確定しました"
                : "入力が一致しない項目がありました（" + after.disagreements().size() + "項目）。責任者の判断に回しました");
        return "redirect:/queue";
    }

    /** The check waiting for this clerk's second entry; else a flash saying why not. */
    private Optional<DoubleCheck> waiting(UUID id, String clerk, RedirectAttributes redirect) {
        Optional<DoubleCheck> check = checks.find(id).filter(c -> c.stage() == DoubleCheck.Stage.SECOND);
        if (check.isEmpty()) {
            redirect.addFlashAttribute("error", "この帳票は二重入力待ちではありません");
            return Optional.empty();
        }
        if (check.get().firstClerk().equals(clerk)) {
            redirect.addFlashAttribute("error", "この帳票の二重入力は、最初に入力した方とは別の担当者が行います");
            return Optional.empty();
        }
        return check;
    }
}
