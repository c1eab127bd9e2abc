package io.todoke.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Roles: CLERK reviews, STAFF searches (bounded by ward), ADMIN manages users and the error folder.
 * CSRF stays on for every form and for fetch calls (the pages send the token header). A user disabled while
 * signed in loses the session at the next request.
 */
@Configuration
@ConditionalOnWebApplication // not for --reindex, which runs without a web server
public class SecurityConfig {

    @Bean
    SecurityFilterChain web(HttpSecurity http, UserAccounts accounts) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/queue/**", "/review/**", "/api/normalise").hasRole("CLERK")
                        .requestMatchers("/search/**").hasRole("STAFF")
                        // Ward-bound staff see their ward's follow-up only (FollowUpAccess).
                        .requestMatchers("/followup", "/followup/**", "/api/followup/**").hasRole("STAFF")
                        .requestMatchers("/statistics", "/statistics/**").hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers("/api/search", "/api/search/**").hasRole("STAFF")
                        .requestMatchers("/api/statistics/**").hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers("/api/cases/**").hasAnyRole("CLERK", "STAFF")
                        .requestMatchers("/cases/**").hasAnyRole("CLERK", "STAFF")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // Ward-bound staff are refused by the page itself (BacklogController).
                        .requestMatchers("/backlog", "/backlog/**").hasAnyRole("CLERK", "STAFF", "ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(new DisabledAccountFilter(accounts), AuthorizationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // The JSON API answers 401 to a request without a session; pages send to the sign-in page.
                .exceptionHandling(e -> e.accessDeniedPage("/error/403").authenticationEntryPoint(signInFirst()))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    private static AuthenticationEntryPoint signInFirst() {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) -> {
            if (api.matches(request)) {
                unauthorisedJson(request, response, e);
            } else {
                login.commence(request, response, e);
            }
        };
    }

    private static void unauthorisedJson(HttpServletRequest request, HttpServletResponse response,
                                         AuthenticationException e) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.getOutputStream().write("{\"error\":\"ログインしてください\"}".getBytes(StandardCharsets.UTF_8));
    }
}
