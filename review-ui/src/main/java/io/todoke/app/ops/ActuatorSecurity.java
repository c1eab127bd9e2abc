package io.todoke.app.ops;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * {@code /actuator/**}: health for anyone (details only for administrators, see application.yml), metrics for
 * administrators and the configured scrape addresses, everything else for administrators. An administrator's
 * browser session counts; a caller without one gets 401, not the sign-in page.
 */
@Configuration
@ConditionalOnWebApplication
public class ActuatorSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http, OperationsProperties properties) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager.hasRole("ADMIN");
        List<IpAddressMatcher> scrapers = properties.metricsScrapeAddresses().stream()
                .map(IpAddressMatcher::new).toList();
        AuthorizationManager<RequestAuthorizationContext> scraper = (authentication, context) ->
                new AuthorizationDecision(scrapers.stream().anyMatch(m -> m.matches(context.getRequest())));
        AuthorizationManager<RequestAuthorizationContext> adminOrScraper = AuthorizationManagers.anyOf(scraper, admin);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                        .access(adminOrScraper)
                        .anyRequest().hasRole("ADMIN"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }
}
