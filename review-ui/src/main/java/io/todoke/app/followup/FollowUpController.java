package io.todoke.app.followup;

import io.todoke.app.export.CsvExport;
import io.todoke.app.security.TodokeUser;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.review.CaseNotFoundException;
import io.todoke.store.review.ReviewService;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.todoke.store.followup.EntryKind;
import io.todoke.store.followup.FollowUp;
import io.todoke.store.followup.FollowUpAudit;
import io.todoke.store.followup.FollowUpConflictException;
import io.todoke.store.followup.FollowUpForms;
import io.todoke.store.followup.FollowUpLists;
import io.todoke.store.followup.FollowUpService;
import io.todoke.store.followup.WorkList;
import io.todoke.store.jurisdiction.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The ward's follow-up pages: the work lists (対応一覧) and a case's follow-up (status, assignee, transfer, the
 * first interview, observations and notes). Every view and change is audited.
 */
@Controller
public class FollowUpController {

    static final String FIELD_PREFIX = "f_";
    static final int CLOSED_DAYS = 14;
    private static final Logger log = LoggerFactory.getLogger(FollowUpController.class);

    private final FollowUpService followUps;
    private final FollowUpLists lists;
    private final FollowUpAccess access;
    private final FollowUpAudit audit;
    private final FollowUpView view;
    private final FollowUpForms forms;
    private final Jurisdiction jurisdiction;
    private final HandoffExport handoff;
    private final ReviewService reviews;

    public FollowUpController(FollowUpService followUps, FollowUpLists lists, FollowUpAccess access, FollowUpAudit audit,
                              FollowUpView view, FollowUpForms forms, Jurisdiction jurisdiction, HandoffExport handoff,
                              ReviewService reviews) {
        this.handoff = handoff;
        this.reviews = reviews;
        this.followUps = followUps;
        this.lists = lists;
        this.access = access;
        this.audit = audit;
        this.view = view;
        this.forms = forms;
        this.jurisdiction = jurisdiction;
    }

    @GetMapping("/followup")
    String workLists(@RequestParam(defaultValue = "MINE") WorkList list, @RequestParam(required = false) String status,
                     @RequestParam(required = false) String ward, @AuthenticationPrincipal TodokeUser user, Model model) {
        String scope = access.wardScope(user, ward);
        List<FollowUp> rows = lists.list(list, scope, user.getUsername(), status);
        audit.record(null, user.getUsername(), "FOLLOWUP_VIEW", null, null, null,
                "worklist " + list + (scope == null ? "" : " " + scope));
        model.addAttribute("list", list);
        model.addAttribute("lists", WorkList.values());
        model.addAttribute("status", status);
        model.addAttribute("ward", scope);
        model.addAttribute("wards", jurisdiction.wards());
        model.addAttribute("cityWide", user.cityWide());
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", forms.of(FollowUpForms.DEFAULT).statuses());
        model.addAttribute("counts", lists.counts(user.cityWide() ? null : scope));
        model.addAttribute("closedPerDay", lists.closedPerDay(user.cityWide() ? null : scope, CLOSED_DAYS));
        model.addAttribute("hours", lists.firstContactWithin().toHours());
        return "followup/worklist";
    }

    @GetMapping("/followup/cases/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user, Model model) {
        FollowUp f = access.require(id, user);
        if (!f.caseId().equals(id)) {
            return "redirect:/followup/cases/" + f.caseId();
        }
        audit.record(id, user.getUsername(), "FOLLOWUP_VIEW", null, null, null, null);
        model.addAttribute("f", f);
        model.addAttribute("form", followUps.form(f));
        model.addAttribute("statusLabel", view.statusLabel(f));
        model.addAttribute("stayLabel", view.stayLabel(f));
        List<FollowUpView.Record> records = view.records(f, followUps.entries(id));
        model.addAttribute("records", records);
        // The interview is one per case: once made, it is corrected, not made again.
        model.addAttribute("newKinds", java.util.Arrays.stream(EntryKind.values())
                .filter(k -> k != EntryKind.INTERVIEW || records.stream().noneMatch(r -> r.kind() == k)).toList());
        model.addAttribute("assignable", followUps.assignable(f.ward()));
        model.addAttribute("wards", jurisdiction.wards());
        return "followup/case";
    }

    @PostMapping("/followup/cases/{id}/status")
    String status(@PathVariable UUID id, @RequestParam(required = false) String status,
                  @RequestParam(required = false) Long version,
                  @AuthenticationPrincipal TodokeUser user, RedirectAttributes flash) {
        access.require(id, user);
        return act(id, flash, "状態を更新しました",
                () -> followUps.changeStatus(id, String.valueOf(status), user.getUsername(), loaded(version)));
    }

    @PostMapping("/followup/cases/{id}/assignee")
    String assignee(@PathVariable UUID id, @RequestParam(required = false) String assignee,
                    @RequestParam(required = false) Long version,
                    @AuthenticationPrincipal TodokeUser user, RedirectAttributes flash) {
        access.require(id, user);
        return act(id, flash, "担当者を更新しました", () -> followUps.assign(id, assignee, user.getUsername(), loaded(version)));
    }

    @PostMapping("/followup/cases/{id}/transfer")
    String transfer(@PathVariable UUID id, @RequestParam(required = false) String ward,
                    @RequestParam(required = false) Long version,
                    @AuthenticationPrincipal TodokeUser user, RedirectAttributes flash) {
        access.require(id, user);
        String to = act(id, flash, ward + "へ移管しました", () -> followUps.transfer(id, String.valueOf(ward), user.getUsername(), loaded(version)));
        // Once handed over, ward-bound staff of the old ward no longer see the case.
        return flash.getFlashAttributes().containsKey("error") || user.maySee(ward) ? to : "redirect:/followup";
    }

    @PostMapping("/followup/cases/{id}/records")
    String add(@PathVariable UUID id, @RequestParam(required = false) EntryKind kind,
               @RequestParam MultiValueMap<String, String> params,
               @AuthenticationPrincipal TodokeUser user, RedirectAttributes flash) {
        access.require(id, user);
        if (kind == null) {
            return act(id, flash, "", () -> {
                throw new IllegalArgumentException("記録の種類を選んでください");
            });
        }
        return act(id, flash, kind.label() + "を記録しました",
                () -> followUps.add(id, kind, fields(params), user.getUsername()));
    }

    @PostMapping("/followup/cases/{id}/records/{entryId}")
    String correct(@PathVariable UUID id, @PathVariable UUID entryId,
                   @RequestParam(required = false) Long revision,
                   @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal TodokeUser user,
                   RedirectAttributes flash) {
        access.require(id, user);
        return act(id, flash, "訂正しました（以前の内容は履歴に残ります）", () -> {
            followUps.correct(id, entryId, fields(params), user.getUsername(), Math.toIntExact(loaded(revision)));
            return null;
        });
    }

    /** The hand-off to another municipality: the case and its follow-up as a PDF or as one CSV row. */
    @GetMapping("/followup/cases/{id}/handoff.{format}")
    ResponseEntity<byte[]> handoff(@PathVariable UUID id, @PathVariable String format,
                                   @AuthenticationPrincipal TodokeUser user) {
        FollowUp f = access.require(id, user);
        if (!format.equals("pdf") && !format.equals("csv")) {
            return ResponseEntity.notFound().build();
        }
        NotificationCase c = reviews.find(f.caseId()).orElseThrow(() -> new CaseNotFoundException(id));
        byte[] body = format.equals("pdf") ? handoff.pdf(c, f) : handoff.csv(c, f);
        audit.record(f.caseId(), user.getUsername(), "FOLLOWUP_EXPORT", null, null, null, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.equals("pdf") ? "application/pdf" : CsvExport.MEDIA_TYPE))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("handoff-" + f.caseId() + "." + format).build().toString())
                .body(body);
    }

    /** The version the page was loaded with; a form without one cannot say what it changes. */
    private static long loaded(Long version) {
        if (version == null) {
            throw new IllegalArgumentException("画面を読み込み直してから操作してください");
        }
        return version;
    }

    /** Runs a change; bad input and a conflict come back to the page as a Japanese reason. */
    private String act(UUID id, RedirectAttributes flash, String done, Supplier<?> change) {
        try {
            change.get();
            flash.addFlashAttribute("message", done);
        } catch (IllegalArgumentException e) {
            log.info("Follow-up change on case {} refused: invalid input", id);
            flash.addFlashAttribute("error", e.getMessage());
        } catch (FollowUpConflictException e) {
            log.info("Follow-up change on case {} refused: {}", id, e.getMessage());
            flash.addFlashAttribute("error", "他の職員が先に更新しました。最新の内容を確認してから、もう一度操作してください");
        }
        return "redirect:/followup/cases/" + id;
    }

    /** The record's fields from the form: parameters named f_<key>, each with its (possibly several) values. */
    static Map<String, List<String>> fields(MultiValueMap<String, String> params) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(FIELD_PREFIX)) {
                out.put(name.substring(FIELD_PREFIX.length()), values);
            }
        });
        return out;
    }
}
