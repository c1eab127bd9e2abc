package io.todoke.app.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import io.todoke.app.review.DoubleCheckGuard;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.todoke.app.security.TodokeUser;
import io.todoke.app.search.WardFacet;
import io.todoke.app.statistics.StatisticsService;
import io.todoke.ocr.FieldReading;
import io.todoke.search.CaseIndex;
import io.todoke.search.CaseStatistics;
import io.todoke.search.CaseStatistics.CountDate;
import io.todoke.search.SearchUnavailableException;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.jurisdiction.Jurisdiction;
import io.todoke.store.review.CaseNotFoundException;
import io.todoke.store.review.ReviewService;

/**
 * JSON API over search, cases and statistics, with the pages' authorisation: the session's user, ward-bound staff
 * see their ward only, every case view is audited.
 */
@RestController
@RequestMapping("/api")
public class CaseApiController {

    private final ObjectProvider<CaseIndex> index;
    private final ReviewService reviews;
    private final StatisticsService statistics;
    private final Jurisdiction jurisdiction;
    private final DoubleCheckGuard doubleCheckGuard;

    public CaseApiController(ObjectProvider<CaseIndex> index, ReviewService reviews, StatisticsService statistics,
                             Jurisdiction jurisdiction, DoubleCheckGuard doubleCheckGuard) {
        this.doubleCheckGuard = doubleCheckGuard;
        this.index = index;
        this.reviews = reviews;
        this.statistics = statistics;
        this.jurisdiction = jurisdiction;
    }

    /** A case as the API returns it: field values by key, plus the review state. */
    public record CaseJson(UUID id, UUID faxId, String state, String disease, String templateId,
                           String templateVersion, String ward, Instant confirmedAt, String confirmedBy,
                           Map<String, Object> fields) {
        static CaseJson of(NotificationCase c) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, FieldReading> e : c.fields().entrySet()) {
                fields.put(e.getKey(), e.getValue() == null ? null : e.getValue().value());
            }
            return new CaseJson(c.id(), c.faxId(), c.state().name(), c.disease(), c.templateId(), c.templateVersion(),
                    c.ward(), c.confirmedAt(), c.confirmedBy(), fields);
        }
    }

    @Operation(summary = "Search confirmed cases", description = "One box over name (kanji or reading), address, "
            + "facility and phone; ward-bound staff get their ward's cases only.")
    @GetMapping("/search")
    public CaseIndex.SearchResult search(@RequestParam(defaultValue = "") String q,
                                         @Parameter(description = "report date from, YYYY-MM-DD")
                                         @RequestParam(required = false) String from,
                                         @Parameter(description = "report date to, YYYY-MM-DD")
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String caseType,
                                         @RequestParam(required = false) String sex,
                                         @RequestParam(required = false) String disease,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size,
                                         @AuthenticationPrincipal TodokeUser user) {
        CaseIndex caseIndex = index.getIfAvailable();
        if (caseIndex == null) {
            throw new SearchUnavailableException("no search index configured", null);
        }
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page must be >= 0 and size 1..200");
        }
        return WardFacet.inWardOrder(caseIndex.search(new CaseIndex.CaseQuery(q.strip(),
                StatisticsService.wardsOf(user), optionalDate(from), optionalDate(to), caseType, sex, disease, page,
                size)),
                jurisdiction);
    }

    @Operation(summary = "One case (audited as VIEW)")
    @GetMapping("/cases/{id}")
    public CaseJson findCase(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user) {
        NotificationCase c = reviews.find(id).orElseThrow(() -> new CaseNotFoundException(id));
        boolean clerk = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_CLERK"));
        if (!clerk && !user.maySee(c.ward())) {
            throw new AccessDeniedException("case " + id + " belongs to another ward");
        }
        doubleCheckGuard.refuseIfBlind(id, user);
        reviews.view(id, user.getUsername());
        return CaseJson.of(c);
    }

    @Operation(summary = "New cases per day by ward", description = "Every day of from..to (at most 366 days), "
            + "counted by report date or, with by=diagnosis, by diagnosis date.")
    @GetMapping("/statistics/daily")
    public CaseStatistics.DailyCounts daily(@RequestParam String from, @RequestParam String to,
                                            @RequestParam(defaultValue = "report") String by,
                                            @RequestParam(required = false) String disease,
                                            @AuthenticationPrincipal TodokeUser user) {
        return statistics.daily(date(from), date(to), countDate(by), user, disease);
    }

    @Operation(summary = "The press-release table of one day", description = "Counts by ward, age band, sex and "
            + "case type.")
    @GetMapping("/statistics/press")
    public CaseStatistics.PressTable press(@RequestParam String day, @RequestParam(defaultValue = "report") String by,
                                           @RequestParam(required = false) String disease,
                                           @AuthenticationPrincipal TodokeUser user) {
        return statistics.press(date(day), countDate(by), user, disease);
    }

    private static CountDate countDate(String by) {
        return switch (by) {
            case "report" -> CountDate.REPORT_DATE;
            case "diagnosis" -> CountDate.DIAGNOSIS_DATE;
            default -> throw new IllegalArgumentException("by must be report or diagnosis: " + by);
        };
    }

    private static String optionalDate(String text) {
        return text == null || text.isBlank() ? null : date(text).toString();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a date is required");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dates are YYYY-MM-DD: " + text);
        }
    }
}
