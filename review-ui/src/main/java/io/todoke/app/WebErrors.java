package io.todoke.app;

import io.todoke.app.security.UserAccounts;
import io.todoke.store.review.CaseNotFoundException;
import io.todoke.store.review.CaseTakenException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Turns the store's domain exceptions into pages a clerk understands. */
@ControllerAdvice
public class WebErrors {

    private final UserAccounts accounts;

    public WebErrors(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @ExceptionHandler(CaseTakenException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String taken(CaseTakenException e, Model model) {
        String holder = e.holder();
        String name = holder == null ? null
                : accounts.find(holder).map(UserAccounts.Account::displayName).orElse(holder);
        model.addAttribute("message", name == null
                ? "この帳票は他の人が更新しました。開き直してください"
                : "この帳票は" + name + "さんが確認中です");
        return "taken";
    }

    @ExceptionHandler(CaseNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("message", "この帳票は見つかりません");
        return "taken";
    }

    @ExceptionHandler(IllegalStateException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(IllegalStateException e, Model model) {
        org.slf4j.LoggerFactory.getLogger(WebErrors.class).warn("Refused: {}", e.getMessage());
        model.addAttribute("message", "この操作はできません（帳票の状態が変わっています）");
        return "taken";
    }
}
