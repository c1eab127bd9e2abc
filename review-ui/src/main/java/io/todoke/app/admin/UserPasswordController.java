package io.todoke.app.admin;

import io.todoke.app.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator sets a new password for a user who forgot theirs (the user then changes it themselves). */
@Controller
public class UserPasswordController {

    private static final Logger LOG = LoggerFactory.getLogger(UserPasswordController.class);

    private final UserAccounts accounts;

    public UserPasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/admin/users/password")
    String reset(@RequestParam String username, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String repeated, Authentication who, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(username, password, repeated);
            LOG.info("{} reset the password of {}", who.getName(), username);
            redirect.addFlashAttribute("message", username + " のパスワードを再設定しました");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }
}
