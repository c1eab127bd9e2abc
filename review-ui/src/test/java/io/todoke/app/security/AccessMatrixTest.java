package io.todoke.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.todoke.app.SearchAppTest;
import io.todoke.app.TestCases;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.review.ReviewService;

/**
 * Walks every endpoint of the application (found from Spring MVC's own mapping, so a new endpoint without an entry
 * here fails the test) as each kind of user, and asserts who gets through: anonymous pages redirect to the sign-in,
 * anonymous API calls get 401 JSON, the wrong role or ward gets 403, and no state change passes without a CSRF token.
 */
class AccessMatrixTest extends SearchAppTest {

    enum Who { ANONYMOUS, CLERK, STAFF_WEST, STAFF_NORTH, STAFF_CITY, ADMIN }

    private static final Set<Who> CLERK = EnumSet.of(Who.CLERK);
    private static final Set<Who> STAFF = EnumSet.of(Who.STAFF_WEST, Who.STAFF_NORTH, Who.STAFF_CITY);
    private static final Set<Who> STAFF_ADMIN = EnumSet.of(Who.STAFF_WEST, Who.STAFF_NORTH, Who.STAFF_CITY, Who.ADMIN);
    /** A case of 西区: its clerks, its ward's staff and city-wide staff, never another ward's staff. */
    private static final Set<Who> WEST_CASE = EnumSet.of(Who.CLERK, Who.STAFF_WEST, Who.STAFF_CITY);
    /** The follow-up of a 西区 case: its ward's staff and city-wide staff (the leads); clerks do not follow up. */
    private static final Set<Who> WEST_FOLLOW_UP = EnumSet.of(Who.STAFF_WEST, Who.STAFF_CITY);
    private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);
    private static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);

    /** Who may pass each endpoint, by "METHOD pattern" as Spring MVC maps it. */
    private static final Map<String, Set<Who>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("GET /login", EVERYONE);
        ALLOWED.put("GET /", SIGNED_IN);
        ALLOWED.put("GET /error/403", SIGNED_IN);
        ALLOWED.put("GET /queue", CLERK);
        ALLOWED.put("GET /queue/live", CLERK);
        ALLOWED.put("POST /queue/next", CLERK);
        // City-wide: waiting cases have no ward yet (BacklogController).
        ALLOWED.put("GET /backlog", EnumSet.of(Who.CLERK, Who.STAFF_CITY, Who.ADMIN));
        ALLOWED.put("GET /review/{id}", CLERK);
        ALLOWED.put("POST /review/{id}/confirm", CLERK);
        ALLOWED.put("POST /review/{id}/reject", CLERK);
        ALLOWED.put("POST /review/{id}/not-a-form", CLERK);
        ALLOWED.put("POST /review/{id}/release", CLERK);
        ALLOWED.put("POST /review/{id}/link", CLERK);
        ALLOWED.put("POST /api/normalise", CLERK);
        ALLOWED.put("GET /cases/{id}", WEST_CASE);
        ALLOWED.put("GET /cases/{id}/history", WEST_CASE);
        ALLOWED.put("GET /cases/{id}/pages/{page}.png", WEST_CASE);
        ALLOWED.put("GET /cases/{id}/original", WEST_CASE);
        ALLOWED.put("GET /api/cases/{id}", WEST_CASE);
        ALLOWED.put("GET /search", STAFF);
        ALLOWED.put("GET /search/export.{format}", STAFF);
        ALLOWED.put("GET /api/search", STAFF);
        ALLOWED.put("GET /statistics", STAFF_ADMIN);
        ALLOWED.put("GET /statistics/daily.{format}", STAFF_ADMIN);
        ALLOWED.put("GET /statistics/press.{format}", STAFF_ADMIN);
        ALLOWED.put("GET /api/statistics/daily", STAFF_ADMIN);
        ALLOWED.put("GET /api/statistics/press", STAFF_ADMIN);
        ALLOWED.put("GET /admin/users", ADMIN);
        ALLOWED.put("POST /admin/users", ADMIN);
        ALLOWED.put("POST /admin/users/enabled", ADMIN);
        ALLOWED.put("GET /admin/errors", ADMIN);
        ALLOWED.put("POST /admin/errors/{faxId}/retry", ADMIN);
        ALLOWED.put("POST /admin/users/password", ADMIN);
        ALLOWED.put("GET /admin/rejected", ADMIN);
        ALLOWED.put("POST /admin/rejected/{id}/restore", ADMIN);
        ALLOWED.put("GET /admin/forms", ADMIN);
        ALLOWED.put("GET /admin/forms/{formId}/{version}", ADMIN);
        ALLOWED.put("GET /admin/forms/{formId}/{version}/blank.png", ADMIN);
        ALLOWED.put("GET /admin/forms/{formId}/{version}/layout.json", ADMIN);
        ALLOWED.put("GET /admin/operations", ADMIN);
        ALLOWED.put("POST /admin/operations/reindex", ADMIN);
        ALLOWED.put("POST /review/{id}/undo-reject", CLERK);
        ALLOWED.put("GET /review/{id}/second", CLERK);
        ALLOWED.put("POST /review/{id}/second", CLERK);
        ALLOWED.put("GET /admin/double-checks", ADMIN);
        ALLOWED.put("GET /admin/double-checks/{id}", ADMIN);
        ALLOWED.put("POST /admin/double-checks/{id}", ADMIN);
        ALLOWED.put("GET /admin/double-checks/{id}/pages/{page}.png", ADMIN);
        ALLOWED.put("GET /account/password", SIGNED_IN);
        ALLOWED.put("GET /followup", STAFF);
        ALLOWED.put("GET /followup/cases/{id}", WEST_FOLLOW_UP);
        ALLOWED.put("GET /followup/cases/{id}/handoff.{format}", WEST_FOLLOW_UP);
        ALLOWED.put("POST /followup/cases/{id}/status", WEST_FOLLOW_UP);
        ALLOWED.put("POST /followup/cases/{id}/assignee", WEST_FOLLOW_UP);
        ALLOWED.put("POST /followup/cases/{id}/transfer", WEST_FOLLOW_UP);
        ALLOWED.put("POST /followup/cases/{id}/records", WEST_FOLLOW_UP);
        ALLOWED.put("POST /followup/cases/{id}/records/{entryId}", WEST_FOLLOW_UP);
        ALLOWED.put("GET /api/followup/cases/{id}", WEST_FOLLOW_UP);
        ALLOWED.put("GET /api/followup/worklist", STAFF);
        ALLOWED.put("GET /api/followup/counts", STAFF);
        ALLOWED.put("POST /account/password", SIGNED_IN);
    }

    /**
     * State changes that need no parameter and would act even when called with none: only those refused are called
     * (a reindex in the background would empty the index other test classes share).
     */
    private static final Set<String> ACT_WITHOUT_PARAMETERS = Set.of("POST /admin/operations/reindex");

    @Autowired
    FaxStore faxes;
    @Autowired
    ReviewService reviews;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private UUID westCase;

    @BeforeAll
    void seed() {
        TestCases cases = new TestCases(faxes, java.nio.file.Path.of("../config/forms/covid19-notification/layout.json"),
                TMP.resolve("archive"));
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.ok("権限 確認"));
        reads.put("patient_address", TestCases.Read.ok("神戸市西区玉津町3-4"));
        westCase = cases.seed(reads, List.of());
        var held = reviews.claim(westCase, "matrix-seed");
        reviews.confirm(westCase, "matrix-seed", held.version());
    }

    @Test
    void everyEndpointOfTheAppIsInTheMatrix() {
        assertThat(endpoints()).as("endpoints without an entry in ALLOWED").isSubsetOf(ALLOWED.keySet());
    }

    @Test
    void eachKindOfUserGetsThroughExactlyTheEndpointsTheMatrixAllows() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            Set<Who> allowed = ALLOWED.getOrDefault(endpoint, Set.of());
            for (Who who : Who.values()) {
                if (ACT_WITHOUT_PARAMETERS.contains(endpoint) && allowed.contains(who)) {
                    continue;
                }
                MockHttpServletResponse r = call(endpoint, who, true);
                // The refusal page answers 403 by design: reaching it is passing.
                boolean passed = endpoint.equals("GET /error/403") ? !toSignIn(r) : passed(r);
                if (passed != allowed.contains(who)) {
                    wrong.add(endpoint + " as " + who + ": " + r.getStatus() + " " + r.getRedirectedUrl());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anonymousApiCallsGet401JsonAndAnonymousPagesTheSignIn() throws Exception {
        for (String endpoint : endpoints()) {
            if (ALLOWED.getOrDefault(endpoint, Set.of()).contains(Who.ANONYMOUS)) {
                continue;
            }
            MockHttpServletResponse r = call(endpoint, Who.ANONYMOUS, true);
            if (endpoint.split(" ")[1].startsWith("/api/")) {
                assertThat(r.getStatus()).as(endpoint).isEqualTo(401);
                assertThat(r.getContentType()).as(endpoint).contains("json");
            } else {
                assertThat(r.getStatus()).as(endpoint).isEqualTo(302);
                assertThat(r.getRedirectedUrl()).as(endpoint).endsWith("/login");
            }
        }
    }

    @Test
    void noStateChangePassesWithoutACsrfToken() throws Exception {
        for (String endpoint : endpoints()) {
            if (!endpoint.startsWith("POST ")) {
                continue;
            }
            Who allowed = ALLOWED.get(endpoint).stream().filter(w -> w != Who.ANONYMOUS).findFirst().orElseThrow();
            assertThat(call(endpoint, allowed, false).getStatus()).as(endpoint).isEqualTo(403);
        }
    }

    @Test
    void pagesTellTheBrowserToKeepCaseUrlsToThisSite() throws Exception {
        MockHttpServletResponse r = call("GET /cases/{id}", Who.CLERK, true);
        assertThat(r.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    /** Through security and into the application: neither refused, nor sent to the sign-in. */
    private static boolean passed(MockHttpServletResponse r) {
        return r.getStatus() != 401 && r.getStatus() != 403 && !toSignIn(r);
    }

    private static boolean toSignIn(MockHttpServletResponse r) {
        String to = r.getRedirectedUrl();
        return r.getStatus() == 302 && to != null && to.endsWith("/login");
    }

    private MockHttpServletResponse call(String endpoint, Who who, boolean withCsrf) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        String url = parts[1]
                .replace("{id}", westCase.toString())
                .replace("{faxId}", UUID.randomUUID().toString())
                .replace("{entryId}", UUID.randomUUID().toString())
                .replace("{page}", "0")
                .replace("{formId}", "covid19-notification")
                .replace("{version}", "2021-04")
                .replace("{format}", "csv");
        // No parameters: a state change reaches its controller and stops at validation, changing nothing.
        MockHttpServletRequestBuilder req = request(HttpMethod.valueOf(parts[0]), url);
        if (withCsrf) {
            req.with(csrf());
        }
        if (who != Who.ANONYMOUS) {
            req.with(user(account(who)));
        }
        return mvc.perform(req).andReturn().getResponse();
    }

    private static TodokeUser account(Who who) {
        String role = switch (who) {
            case CLERK -> "ROLE_CLERK";
            case ADMIN -> "ROLE_ADMIN";
            default -> "ROLE_STAFF";
        };
        String ward = switch (who) {
            case STAFF_WEST -> "西区";
            case STAFF_NORTH -> "北区";
            default -> null;
        };
        String name = "matrix-" + who.name().toLowerCase();
        return new TodokeUser(name, "x", true, List.of(new SimpleGrantedAuthority(role)), name, ward);
    }

    private Set<String> endpoints() {
        Set<String> found = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("io.todoke.app")) {
                continue;
            }
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    found.add(m + " " + pattern);
                }
            }
        }
        return found;
    }
}
