package io.todoke.app.followup;

import io.todoke.app.security.TodokeUser;
import io.todoke.store.followup.FollowUp;
import io.todoke.store.followup.FollowUpAudit;
import io.todoke.store.followup.FollowUpEntry;
import io.todoke.store.followup.FollowUpLists;
import io.todoke.store.followup.FollowUpService;
import io.todoke.store.followup.WardCounts;
import io.todoke.store.followup.WorkList;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The follow-up as JSON, with the pages' authorisation and audit; times ISO with offset. */
@RestController
@RequestMapping("/api/followup")
public class FollowUpApiController {

    /** A follow-up as the API returns it. */
    public record FollowUpJson(UUID caseId, String disease, String ward, String healthCentre, String status,
                               String assignee, String stay, LocalDate observationUntil, OffsetDateTime assignedAt,
                               OffsetDateTime firstContactAt, OffsetDateTime closedAt, long version,
                               List<FollowUpEntry> records) {
        static FollowUpJson of(FollowUp f, List<FollowUpEntry> records) {
            return new FollowUpJson(f.caseId(), f.disease(), f.ward(), f.healthCentre(), f.status(), f.assignee(),
                    f.stay(), f.observationUntil(), iso(f.assignedAt()), iso(f.firstContactAt()), iso(f.closedAt()),
                    f.version(), records);
        }
    }

    private final FollowUpService followUps;
    private final FollowUpLists lists;
    private final FollowUpAccess access;
    private final FollowUpAudit audit;

    public FollowUpApiController(FollowUpService followUps, FollowUpLists lists, FollowUpAccess access,
                                 FollowUpAudit audit) {
        this.followUps = followUps;
        this.lists = lists;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/cases/{id}")
    FollowUpJson followUp(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user) {
        FollowUp f = access.require(id, user);
        audit.record(f.caseId(), user.getUsername(), "FOLLOWUP_VIEW", null, null, null, "api");
        return FollowUpJson.of(f, followUps.entries(f.caseId()));
    }

    @GetMapping("/worklist")
    List<FollowUpJson> workList(@RequestParam(defaultValue = "MINE") WorkList list,
                                @RequestParam(required = false) String status, @RequestParam(required = false) String ward,
                                @AuthenticationPrincipal TodokeUser user) {
        String scope = access.wardScope(user, ward);
        audit.record(null, user.getUsername(), "FOLLOWUP_VIEW", null, null, null,
                "api worklist " + list + (scope == null ? "" : " " + scope));
        return lists.list(list, scope, user.getUsername(), status).stream().map(f -> FollowUpJson.of(f, List.of())).toList();
    }

    @GetMapping("/counts")
    Map<String, Object> counts(@AuthenticationPrincipal TodokeUser user) {
        String scope = access.wardScope(user, null);
        audit.record(null, user.getUsername(), "FOLLOWUP_VIEW", null, null, null, "api counts" + (scope == null ? "" : " " + scope));
        List<WardCounts> counts = lists.counts(scope);
        return Map.of("wards", counts, "closedPerDay", lists.closedPerDay(scope, 14));
    }

    private static OffsetDateTime iso(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
