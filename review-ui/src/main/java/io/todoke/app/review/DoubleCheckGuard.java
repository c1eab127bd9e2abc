package io.todoke.app.review;

import io.todoke.app.security.TodokeUser;
import io.todoke.store.doublecheck.DoubleCheck;
import io.todoke.store.doublecheck.DoubleChecks;
import io.todoke.store.review.ReviewTask;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps a case in double check blind: while it waits for its second entry, its values (the reading and the
 * first entry) reach no clerk who could type that entry, on any page or API; and the review page sends a case in
 * double check to its own step.
 */
@Component
public class DoubleCheckGuard {

    static final String WAITING_SECOND = "二重入力待ち";
    static final String WAITING_LEAD = "入力不一致・責任者の判断待ち";

    private final DoubleChecks checks;

    public DoubleCheckGuard(DoubleChecks checks) {
        this.checks = checks;
    }

    /** Where the review page sends this clerk instead, if the case is in double check. */
    public Optional<String> route(UUID caseId, String clerk, RedirectAttributes redirect) {
        Optional<DoubleCheck> check = checks.find(caseId).filter(c -> c.stage() != DoubleCheck.Stage.DONE);
        if (check.isEmpty()) {
            return Optional.empty();
        }
        if (check.get().stage() == DoubleCheck.Stage.LEAD) {
            redirect.addFlashAttribute("error", "この帳票は二人の入力が一致せず、責任者の判断待ちです");
            return Optional.of("redirect:/queue");
        }
        if (check.get().firstClerk().equals(clerk)) {
            redirect.addFlashAttribute("error", "この帳票の二重入力は、最初に入力した方とは別の担当者が行います");
            return Optional.of("redirect:/queue");
        }
        return Optional.of("redirect:/review/" + caseId + "/second");
    }

    /** Refuses a view of the case's values to anyone who could still type its second entry. */
    public void refuseIfBlind(UUID caseId, TodokeUser user) {
        Optional<DoubleCheck> check = checks.find(caseId).filter(c -> c.stage() == DoubleCheck.Stage.SECOND);
        boolean admin = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (check.isPresent() && !admin && !check.get().firstClerk().equals(user.getUsername())) {
            throw new AccessDeniedException("case " + caseId + " waits for a blind second entry");
        }
    }

    /** The queue's lines: a case in double check without its name, its step as the reason. */
    List<QueueController.QueueRow> rows(List<ReviewTask> tasks) {
        Map<UUID, DoubleCheck.Stage> open = checks.open();
        return tasks.stream().map(t -> {
            DoubleCheck.Stage stage = open.get(t.caseId());
            if (stage == null) {
                return new QueueController.QueueRow(t, QueueReasons.specific(t.reasons()), t.patientName());
            }
            return new QueueController.QueueRow(t,
                    List.of(stage == DoubleCheck.Stage.SECOND ? WAITING_SECOND : WAITING_LEAD), "（非表示）");
        }).toList();
    }
}
