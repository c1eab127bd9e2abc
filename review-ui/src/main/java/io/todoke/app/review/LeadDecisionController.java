package io.todoke.app.review;

import io.todoke.app.security.UserAccounts;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.doublecheck.DoubleCheck;
import io.todoke.store.doublecheck.DoubleCheckException;
import io.todoke.store.doublecheck.DoubleChecks;
import io.todoke.store.review.CaseNotFoundException;
import io.todoke.store.review.FaxOriginals;
import io.todoke.store.review.ReviewService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The lead's side of the double check (an administrator: there is no separate lead role): the disagreements, each
 * with both entries, the reading and the field's crop; the lead picks an entry or types the value, and confirms.
 */
@Controller
public class LeadDecisionController {

    private static final Logger log = LoggerFactory.getLogger(LeadDecisionController.class);

    /** A disputed field as the lead sees it. */
    public record Dispute(ReviewView.FieldRow row, String first, String second, boolean differ) {
    }

    private final DoubleChecks checks;
    private final ReviewService reviews;
    private final ReviewView views;
    private final FaxOriginals originals;
    private final UserAccounts accounts;

    public LeadDecisionController(DoubleChecks checks, ReviewService reviews, ReviewView views, FaxOriginals originals,
                                  UserAccounts accounts) {
        this.checks = checks;
        this.reviews = reviews;
        this.views = views;
        this.originals = originals;
        this.accounts = accounts;
    }

    @GetMapping("/admin/double-checks")
    String list(Model model) {
        model.addAttribute("checks", checks.awaitingLead());
        model.addAttribute("names", names());
        return "admin-double-checks";
    }

    @GetMapping("/admin/double-checks/{id}")
    String show(@PathVariable UUID id, Authentication lead, Model model, RedirectAttributes redirect) {
        Optional<DoubleCheck> check = checks.find(id).filter(c -> c.stage() == DoubleCheck.Stage.LEAD);
        if (check.isEmpty()) {
            redirect.addFlashAttribute("error", "この帳票は責任者の判断待ちではありません");
            return "redirect:/admin/double-checks";
        }
        NotificationCase c = reviews.view(id, lead.getName()).orElseThrow(() -> new CaseNotFoundException(id));
        return page(check.get(), c, null, model);
    }

    @PostMapping("/admin/double-checks/{id}")
    String decide(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Authentication lead,
                  Model model, RedirectAttributes redirect) {
        Optional<DoubleCheck> check = checks.find(id).filter(c -> c.stage() == DoubleCheck.Stage.LEAD);
        if (check.isEmpty()) {
            redirect.addFlashAttribute("error", "この帳票は責任者の判断待ちではありません");
            return "redirect:/admin/double-checks";
        }
        NotificationCase c = reviews.find(id).orElseThrow(() -> new CaseNotFoundException(id));
        Map<String, Object> decided = new LinkedHashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Dispute d : disputes(check.get(), c)) {
            String key = d.row().key();
            String choice = params.getFirst("choice_" + key);
            if (!d.differ() || "first".equals(choice)) {
                decided.put(key, check.get().firstValues().get(key));
            } else if ("second".equals(choice)) {
                decided.put(key, check.get().secondValues().get(key));
            } else if ("typed".equals(choice) && !d.row().marks()) {
                List<String> problems = new ArrayList<>();
                Object value = ReviewController.value(d.row(), List.of(params.getOrDefault("typed_" + key, List.of("")).get(0)), problems);
                if (problems.isEmpty() && value == null && d.row().required()) {
                    problems.add("必須項目です");
                }
                if (problems.isEmpty()) {
                    decided.put(key, value);
                } else {
                    errors.put(key, problems);
                }
            } else {
                errors.put(key, List.of("どちらかを選ぶか、値を入力してください"));
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("error", "判断していない項目があります");
            return page(check.get(), c, errors, model);
        }
        try {
            checks.decide(id, decided, lead.getName());
        } catch (DoubleCheckException e) {
            log.warn("Double check decision refused: {}", e.getMessage());
            redirect.addFlashAttribute("error", "この帳票は責任者の判断待ちではありません");
            return "redirect:/admin/double-checks";
        }
        redirect.addFlashAttribute("message", "判断を保存し、確定しました");
        return "redirect:/admin/double-checks";
    }

    /** The page image for the lead, who has no access to the clerks' case pages. */
    @GetMapping("/admin/double-checks/{id}/pages/{page}.png")
    ResponseEntity<byte[]> pageImage(@PathVariable UUID id, @PathVariable int page) {
        NotificationCase c = reviews.find(id).orElseThrow(() -> new CaseNotFoundException(id));
        return originals.page(c.faxId(), page)
                .map(p -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                        .body(p.png()))
                .orElse(ResponseEntity.notFound().build());
    }

    private String page(DoubleCheck check, NotificationCase c, Map<String, List<String>> errors, Model model) {
        model.addAttribute("check", check);
        model.addAttribute("disputes", disputes(check, c));
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("names", names());
        return "admin-double-check";
    }

    private List<Dispute> disputes(DoubleCheck check, NotificationCase c) {
        List<String> differ = check.disagreements();
        List<Dispute> disputes = new ArrayList<>();
        for (ReviewView.FieldRow row : views.build(c, null, null).rows()) {
            if (!check.fields().contains(row.key())) {
                continue;
            }
            // The crop from the lead's own image address.
            String crop = row.cropStyle() == null ? null
                    : row.cropStyle().replace("/cases/" + c.id() + "/pages/", "/admin/double-checks/" + c.id() + "/pages/");
            ReviewView.FieldRow shown = new ReviewView.FieldRow(row.key(), row.label(), row.type(), row.required(),
                    row.marks(), row.multi(), row.options(), "", row.raw(), row.statusClass(), row.statusLabel(),
                    List.of(), differ.contains(row.key()), 0, row.page(), crop, row.zoneStyle(), row.confidence());
            disputes.add(new Dispute(shown, text(row, check.firstValues().get(row.key())),
                    text(row, check.secondValues().get(row.key())), differ.contains(row.key())));
        }
        return disputes;
    }

    /** A value as written, options by their labels. */
    private static String text(ReviewView.FieldRow row, Object value) {
        if (value == null || (value instanceof Collection<?> l && l.isEmpty())) {
            return "（空欄）";
        }
        Collection<?> values = value instanceof Collection<?> l ? l : List.of(value);
        List<String> shown = new ArrayList<>();
        for (Object v : values) {
            shown.add(row.options().stream().filter(o -> o.value().equals(String.valueOf(v)))
                    .map(ReviewView.OptionView::label).findFirst().orElse(String.valueOf(v)));
        }
        return String.join("、", shown);
    }

    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        accounts.list().forEach(a -> names.put(a.username(), a.displayName()));
        return names;
    }
}
