package io.todoke.app.followup;

import io.todoke.store.followup.EntryKind;
import io.todoke.store.followup.FieldDefinition;
import io.todoke.store.followup.FollowUp;
import io.todoke.store.followup.FollowUpEntry;
import io.todoke.store.followup.FollowUpForm;
import io.todoke.store.followup.FollowUpService;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the follow-up pages show: records as label/value rows in the disease's field order, each with its earlier
 * revisions; and the short summary the case page carries ({@code @followUpView} in templates).
 */
@Component("followUpView")
public class FollowUpView {

    /** One field of a record as shown. */
    public record Row(String key, String label, String value) {
    }

    /** One revision as shown. */
    public record Version(int revision, List<Row> rows, String author, Instant at) {
    }

    /** One record with its history, latest revision first. */
    public record Record(UUID entryId, EntryKind kind, String kindLabel, Version current, List<Version> earlier,
                         Map<String, Object> values) {
    }

    /** The case page's box. */
    public record Summary(UUID caseId, String ward, String healthCentre, String statusLabel, String assignee,
                          String stayLabel) {
    }

    /** The follow-up figures of the statistics page: counts by ward and cases closed per day. */
    public record Figures(List<io.todoke.store.followup.WardCounts> wards, Map<java.time.LocalDate, Long> closedPerDay) {
        public long hospitalised() {
            return wards.stream().mapToLong(io.todoke.store.followup.WardCounts::hospitalised).sum();
        }
    }

    private final FollowUpService followUps;
    private final io.todoke.store.followup.FollowUpLists lists;

    public FollowUpView(FollowUpService followUps, io.todoke.store.followup.FollowUpLists lists) {
        this.followUps = followUps;
        this.lists = lists;
    }

    /** The figures a user may see: their ward's when bound to one, every ward's otherwise. */
    public Figures figures(io.todoke.app.security.TodokeUser user) {
        String ward = user.cityWide() ? null : user.getWard();
        return new Figures(lists.counts(ward), lists.closedPerDay(ward, FollowUpController.CLOSED_DAYS));
    }

    public List<Record> records(FollowUp f, List<FollowUpEntry> entries) {
        FollowUpForm form = followUps.form(f);
        List<Record> out = new ArrayList<>();
        for (FollowUpEntry e : entries) {
            List<Version> versions = e.revisions().stream()
                    .map(r -> new Version(r.revision(), rows(form.fields(e.kind()), r.values()), r.author(), r.at()))
                    .toList();
            out.add(new Record(e.entryId(), e.kind(), e.kind().label(), versions.get(0),
                    versions.subList(1, versions.size()), e.values()));
        }
        return out;
    }

    public String statusLabel(FollowUp f) {
        return followUps.form(f).statusLabel(f.status());
    }

    public String stayLabel(FollowUp f) {
        FollowUpForm form = followUps.form(f);
        if (f.stay() == null || form.stayField() == null) {
            return "";
        }
        return form.interview().stream().filter(d -> d.key().equals(form.stayField())).findFirst()
                .map(d -> d.optionLabel(f.stay())).orElse(f.stay());
    }

    /** For the case page: the follow-up holding this case, if it has one. */
    public Optional<Summary> summary(UUID caseId) {
        return followUps.holding(caseId).map(f -> new Summary(f.caseId(), f.ward(), f.healthCentre(), statusLabel(f),
                f.assignee(), stayLabel(f)));
    }

    private static List<Row> rows(List<FieldDefinition> fields, Map<String, Object> values) {
        return fields.stream().map(d -> new Row(d.key(), d.label(), d.display(values.get(d.key())))).toList();
    }
}
