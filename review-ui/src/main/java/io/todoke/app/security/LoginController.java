package io.todoke.app.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page and the landing page each role starts from. */
@Controller
public class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Authentication auth) {
        if (has(auth, "ROLE_CLERK")) {
            return "redirect:/queue";
        }
        if (has(auth, "ROLE_STAFF")) {
            return "redirect:/search";
        }
        if (has(auth, "ROLE_ADMIN")) {
            return "redirect:/admin/users";
        }
        return "redirect:/error/403";
    }

    @GetMapping("/error/403")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "forbidden";
    }

    private static boolean has(Authentication auth, String authority) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
