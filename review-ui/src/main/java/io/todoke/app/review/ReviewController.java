package io.todoke.app.review;

import io.todoke.ocr.FieldValues;
import io.todoke.app.security.TodokeUser;
import io.todoke.app.TodokeProperties;
import io.todoke.ocr.FieldReading;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.doublecheck.DoubleChecks;
import io.todoke.store.review.CaseNotFoundException;
import io.todoke.store.review.RejectedCase;
import io.todoke.store.review.ReviewService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The review page. Opening a case claims it; confirming applies the clerk's values (each normalised and
 * validated again on the server), then confirms. Corrections of a confirmed case go through the same form.
 * A clerk can take back their own rejection for {@code todoke.review.undo-window}; later only an administrator.
 */
@Controller
public class ReviewController {

    static final String NOT_A_FORM = "帳票ではない";

    private final ReviewService reviews;
    private final ReviewView views;
    private final TodokeProperties properties;
    private final DoubleCheckPolicy doubleCheck;
    private final DoubleCheckGuard doubleCheckGuard;
    private final DoubleChecks doubleChecks;

    public ReviewController(ReviewService reviews, ReviewView views, TodokeProperties properties,
                            DoubleCheckPolicy doubleCheck, DoubleCheckGuard doubleCheckGuard, DoubleChecks doubleChecks) {
        this.reviews = reviews;
        this.views = views;
        this.properties = properties;
        this.doubleCheck = doubleCheck;
        this.doubleCheckGuard = doubleCheckGuard;
        this.doubleChecks = doubleChecks;
    }

    @GetMapping("/review/{id}")
    String review(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user, Model model,
                  RedirectAttributes redirect) {
        Optional<String> doubleCheckStep = doubleCheckGuard.route(id, user.getUsername(), redirect);
        if (doubleCheckStep.isPresent()) {
            return doubleCheckStep.get();
        }
        reviews.claim(id, user.getUsername());
        NotificationCase c = reviews.view(id, user.getUsername()).orElseThrow(() -> new CaseNotFoundException(id));
        return show(c, null, null, model);
    }

    @PostMapping("/review/{id}/confirm")
    String confirm(@PathVariable UUID id, @RequestParam long version, @RequestParam MultiValueMap<String, String> params,
                   @AuthenticationPrincipal TodokeUser user, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        String clerk = user.getUsername();
        Optional<String> doubleCheckStep = doubleCheckGuard.route(id, clerk, redirect);
        if (doubleCheckStep.isPresent()) {
            return doubleCheckStep.get();
        }
        NotificationCase c = reviews.claim(id, clerk);
        List<String> checked = doubleCheck.fieldsFor(c);
        Map<String, Object> checkedValues = new LinkedHashMap<>();
        Map<String, List<String>> typed = new LinkedHashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Map<String, Object> changes = new LinkedHashMap<>();
        for (ReviewView.FieldRow row : views.build(c, null, null).rows()) {
            List<String> submitted = params.getOrDefault("f_" + row.key(), List.of());
            typed.put(row.key(), submitted);
            List<String> problems = new ArrayList<>();
            FieldReading shown = c.fields().get(row.key());
            // Text left as shown keeps its stored value: re-normalising it could change what the clerk saw.
            boolean untouched = !row.marks() && shown != null && shown.value() != null
                    && submitted.size() == 1 && submitted.get(0).equals(row.input());
            Object value = untouched ? shown.value() : value(row, submitted, problems);
            if (problems.isEmpty() && value == null && row.required()) {
                problems.add("必須項目です");
            }
            if (!problems.isEmpty()) {
                errors.put(row.key(), problems);
                continue;
            }
            FieldReading before = c.fields().get(row.key());
            if (checked.contains(row.key())) {
                checkedValues.put(row.key(), value);
                continue;
            }
            if (before == null) {
                continue;
            }
            boolean same = Objects.equals(before.value(), value)
                    || (before.value() == null && value instanceof List<?> l && l.isEmpty());
            if (!same || row.doubtful()) {
                changes.put(row.key(), value);
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("error", "入力に誤りがあります。赤い項目を直してください");
            return show(c, typed, errors, model);
        }
        if (!checkedValues.isEmpty()) {
            doubleChecks.first(id, changes, checkedValues, clerk, version);
            redirect.addFlashAttribute("message", "入力を保存しました。" + checkedValues.size()
                    + "項目は別の担当者が入力して照合してから確定します");
            return "redirect:/queue";
        }
        NotificationCase after = changes.isEmpty() ? c : reviews.correct(id, changes, clerk, version);
        if (after.state() == CaseState.AWAITING_REVIEW) {
            reviews.confirm(id, clerk, changes.isEmpty() ? version : after.version());
            redirect.addFlashAttribute("message", "確定しました：" + name(after));
            return "redirect:/queue";
        }
        redirect.addFlashAttribute("message", changes.isEmpty() ? "変更はありません" : "修正を保存しました（検索に反映されます）");
        return "redirect:/cases/" + id;
    }

    @PostMapping("/review/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "") String reason,
                  @AuthenticationPrincipal TodokeUser user, RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("message", "却下の理由を入力してください");
            return "redirect:/review/" + id;
        }
        reviews.reject(id, reason.strip(), user.getUsername(), version);
        rejected(id, "却下しました（" + reason.strip() + "）", redirect);
        return "redirect:/queue";
    }

    @PostMapping("/review/{id}/not-a-form")
    String notAForm(@PathVariable UUID id, @RequestParam long version, @AuthenticationPrincipal TodokeUser user,
                    RedirectAttributes redirect) {
        reviews.reject(id, NOT_A_FORM, user.getUsername(), version);
        rejected(id, "帳票ではないとして除外しました", redirect);
        return "redirect:/queue";
    }

    @PostMapping("/review/{id}/undo-reject")
    String undoReject(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user, RedirectAttributes redirect) {
        String clerk = user.getUsername();
        Optional<RejectedCase> rejection = reviews.rejection(id);
        Duration window = properties.review().undoWindow();
        if (rejection.isEmpty()) {
            redirect.addFlashAttribute("error", "この帳票は却下されていません");
            return "redirect:/queue";
        }
        RejectedCase r = rejection.get();
        if (!clerk.equals(r.rejectedBy()) || r.rejectedAt().plus(window).isBefore(Instant.now())) {
            redirect.addFlashAttribute("error", "元に戻せるのは却下した本人が" + minutes(window)
                    + "以内の場合だけです。管理者に復元を依頼してください");
            return "redirect:/queue";
        }
        reviews.restore(id, clerk, clerk);
        redirect.addFlashAttribute("message", "元に戻しました（確認を続けてください）");
        return "redirect:/review/" + id;
    }

    /** The flash a rejection leaves on the queue: what happened and the one button that takes it back. */
    private void rejected(UUID id, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("undoCase", id);
        redirect.addFlashAttribute("undoMinutes", minutes(properties.review().undoWindow()));
    }

    private static String minutes(Duration window) {
        return window.toMinutes() >= 1 ? window.toMinutes() + "分" : window.toSeconds() + "秒";
    }

    @PostMapping("/review/{id}/release")
    String release(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user) {
        reviews.release(id, user.getUsername());
        return "redirect:/queue";
    }

    @PostMapping("/review/{id}/link")
    String link(@PathVariable UUID id, @RequestParam UUID other, @RequestParam long version,
                @AuthenticationPrincipal TodokeUser user, RedirectAttributes redirect) {
        reviews.link(id, other, user.getUsername(), version);
        redirect.addFlashAttribute("message", "重複の可能性がある帳票と関連付けました");
        return "redirect:/review/" + id;
    }

    private String show(NotificationCase c, Map<String, List<String>> typed, Map<String, List<String>> errors, Model model) {
        model.addAttribute("view", views.build(c, typed, errors));
        model.addAttribute("duplicates", reviews.possibleDuplicates(c.id()));
        return "review";
    }

    /** A submitted field as it would be stored; the double check's entries go through the same. */
    static Object value(ReviewView.FieldRow row, List<String> submitted, List<String> problems) {
        if (row.marks()) {
            List<String> known = row.options().stream().map(ReviewView.OptionView::value).toList();
            List<String> chosen = submitted.stream().filter(known::contains).distinct().sorted().toList();
            if (row.multi()) {
                return chosen;
            }
            if (chosen.size() > 1) {
                problems.add("一つだけ選んでください");
                return null;
            }
            return chosen.isEmpty() ? null : chosen.get(0);
        }
        FieldValues.Normalised n = FieldValues.normalise(row.type(), submitted.isEmpty() ? "" : submitted.get(0));
        problems.addAll(n.problems());
        return n.value();
    }

    private static String name(NotificationCase c) {
        FieldReading f = c.fields().get("patient_name");
        return f == null || f.value() == null ? c.id().toString() : f.value().toString();
    }
}
