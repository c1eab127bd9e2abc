package io.todoke.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Roles: CLERK reviews, STAFF searches (bounded by ward), ADMIN manages users and the error folder.
 * CSRF stays on for every form and for fetch calls (the pages send the token header).
 */
@Configuration
@ConditionalOnWebApplication // not for --reindex, which runs without a web server
public class SecurityConfig {

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/queue/**", "/review/**", "/api/normalise").hasRole("CLERK")
                        .requestMatchers("/search/**").hasRole("STAFF")
                        .requestMatchers("/statistics", "/statistics/**").hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers("/api/search", "/api/search/**").hasRole("STAFF")
                        .requestMatchers("/api/statistics/**").hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers("/api/cases/**").hasAnyRole("CLERK", "STAFF")
                        .requestMatchers("/cases/**").hasAnyRole("CLERK", "STAFF")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e
                        // A program calling the API gets 401 JSON, not the sign-in page a person is sent to.
                        .defaultAuthenticationEntryPointFor(SecurityConfig::unauthorisedJson,
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedPage("/error/403"))
                .headers(h -> h
                        // Case ids in URLs are nobody else's business.
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    private static void unauthorisedJson(HttpServletRequest request, HttpServletResponse response,
                                         AuthenticationException e) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"sign in first\"}");
    }
}
