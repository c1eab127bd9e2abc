package io.todoke.store.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.store.Db;
import io.todoke.store.jurisdiction.Jurisdiction;
import io.todoke.store.outbox.IndexOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The ward's follow-up of confirmed cases: assignment to the ward's centre at 確定, status, assignee, transfer, and
 * the records (interview, observations, notes). Each method is one transaction with its audit entries and webhook
 * events; changes present the version they were made on, so two nurses never overwrite each other silently.
 * Bad input is refused with a Japanese reason ({@link IllegalArgumentException}).
 */
@Service
public class FollowUpService {

    public static final String SYSTEM = "system";
    static final String COLUMNS = """
            f.case_id, f.disease, f.ward, f.health_centre, f.status, f.assignee, f.stay, f.observation_until,
            f.assigned_at, f.first_contact_at, f.closed_at, f.version, c.patient_name""";

    private static final Logger log = LoggerFactory.getLogger(FollowUpService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final FollowUpForms forms;
    private final Jurisdiction jurisdiction;
    private final FollowUpAudit audit;
    private final FollowUpEvents events;
    private final IndexOutbox index;
    private final Clock clock;

    @Autowired
    public FollowUpService(JdbcClient jdbc, FollowUpForms forms, Jurisdiction jurisdiction, FollowUpAudit audit,
                           FollowUpEvents events, IndexOutbox index) {
        this(jdbc, forms, jurisdiction, audit, events, index, Clock.systemUTC());
    }

    /** @param index the search index's outbox: the case's document carries the follow-up's status and assignee */
    public FollowUpService(JdbcClient jdbc, FollowUpForms forms, Jurisdiction jurisdiction, FollowUpAudit audit,
                           FollowUpEvents events, IndexOutbox index, Clock clock) {
        this.index = index;
        this.jdbc = jdbc;
        this.forms = forms;
        this.jurisdiction = jurisdiction;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public FollowUpForm form(FollowUp f) {
        return forms.of(f.disease());
    }

    /**
     * Assigns a newly confirmed case to the centre of its ward, in the first status. A case linked to an earlier
     * one (a re-sent or corrected 発生届) that is followed up already gets no follow-up of its own: it is the same
     * patient's record. Does nothing for a case followed up already.
     */
    @Transactional
    public Optional<FollowUp> open(UUID caseId, String actor) {
        Optional<FollowUp> existing = find(caseId);
        if (existing.isPresent()) {
            return existing;
        }
        var c = jdbc.sql("select disease, ward, linked_case_id from notification_case where id = ?").param(caseId)
                .query((rs, n) -> new Object[] {rs.getString("disease"), rs.getString("ward"), Db.uuid(rs, "linked_case_id")})
                .optional().orElseThrow(() -> new FollowUpNotFoundException(caseId));
        UUID linked = (UUID) c[2];
        if (linked != null && find(linked).isPresent()) {
            audit.record(caseId, actor, "FOLLOWUP_LINK", null, null, linked.toString(), "followed up as the linked case");
            return Optional.empty();
        }
        String disease = c[0] == null ? FollowUpForms.DEFAULT : (String) c[0];
        String ward = (String) c[1];
        var now = Db.at(clock.instant());
        jdbc.sql("""
                        insert into follow_up (case_id, disease, ward, health_centre, status, assigned_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, disease, ward, centreOf(ward), forms.of(disease).initial().code(), now, now).update();
        audit.record(caseId, actor, "FOLLOWUP_ASSIGN", "ward", null, ward, centreOf(ward));
        FollowUp f = require(caseId);
        events.enqueue(FollowUpEvents.ASSIGNED, f, null, clock.instant());
        return Optional.of(f);
    }

    /** Opens the follow-up of every confirmed case that has none (cases confirmed before follow-up existed). */
    @Transactional
    public int openMissing() {
        List<UUID> missing = jdbc.sql("""
                        select c.id from notification_case c
                        where c.state in ('CONFIRMED', 'AUTO_CONFIRMED', 'INDEXED')
                          and not exists (select 1 from follow_up f where f.case_id = c.id)
                        order by c.confirmed_at, c.id""").query(UUID.class).list();
        int opened = 0;
        for (UUID id : missing) {
            if (open(id, SYSTEM).isPresent()) {
                opened++;
            }
        }
        if (opened > 0) {
            log.info("Opened the follow-up of {} confirmed case(s) that had none", opened);
        }
        return opened;
    }

    @Transactional(readOnly = true)
    public Optional<FollowUp> find(UUID caseId) {
        return jdbc.sql("select " + COLUMNS + " from follow_up f join notification_case c on c.id = f.case_id where f.case_id = ?")
                .param(caseId).query(FollowUpService::row).optional();
    }

    /** The follow-up holding this case's record: its own, or that of the case it was linked to. */
    @Transactional(readOnly = true)
    public Optional<FollowUp> holding(UUID caseId) {
        Optional<FollowUp> own = find(caseId);
        if (own.isPresent()) {
            return own;
        }
        return jdbc.sql("select linked_case_id from notification_case where id = ?").param(caseId)
                .query((rs, n) -> Optional.ofNullable(Db.uuid(rs, "linked_case_id"))).optional()
                .flatMap(o -> o).flatMap(this::find);
    }

    @Transactional
    public FollowUp changeStatus(UUID caseId, String status, String actor, long expectedVersion) {
        FollowUp f = current(caseId, expectedVersion);
        FollowUpForm form = forms.of(f.disease());
        form.status(status).orElseThrow(() -> new IllegalArgumentException("状態は一覧から選んでください"));
        if (status.equals(f.status())) {
            return f;
        }
        var now = Db.at(clock.instant());
        boolean leavesFirst = f.firstContactAt() == null && !status.equals(form.initial().code());
        boolean closes = status.equals(form.closing().code());
        update(f, "status = :status, first_contact_at = :contact, closed_at = :closed",
                Map.of("status", status), Map.of("contact", Optional.ofNullable(leavesFirst ? now : Db.at(f.firstContactAt())),
                        "closed", Optional.ofNullable(closes ? now : null)));
        audit.record(caseId, actor, "FOLLOWUP_STATUS", "status", f.status(), status, null);
        index.enqueue(caseId);
        FollowUp changed = require(caseId);
        events.enqueue(FollowUpEvents.STATUS_CHANGED, changed, f.status(), clock.instant());
        return changed;
    }

    /** Puts a nurse of the case's ward in charge (null: nobody). */
    @Transactional
    public FollowUp assign(UUID caseId, String assignee, String actor, long expectedVersion) {
        FollowUp f = current(caseId, expectedVersion);
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (who != null && !assignable(f.ward()).contains(who)) {
            throw new IllegalArgumentException("担当者は" + (f.ward() == null ? "" : f.ward() + "の") + "職員から選んでください");
        }
        if (Objects.equals(who, f.assignee())) {
            return f;
        }
        update(f, "assignee = :assignee", Map.of(), Map.of("assignee", Optional.ofNullable(who)));
        audit.record(caseId, actor, "FOLLOWUP_ASSIGNEE", "assignee", f.assignee(), who, null);
        index.enqueue(caseId);
        FollowUp changed = require(caseId);
        events.enqueue(FollowUpEvents.ASSIGNED, changed, f.status(), clock.instant());
        return changed;
    }

    /** Hands the case to another ward's centre (the patient moved); the history stays with the case. */
    @Transactional
    public FollowUp transfer(UUID caseId, String ward, String actor, long expectedVersion) {
        FollowUp f = current(caseId, expectedVersion);
        if (!jurisdiction.isWard(ward)) {
            throw new IllegalArgumentException("移管先の区は一覧から選んでください");
        }
        if (ward.equals(f.ward())) {
            return f;
        }
        update(f, "ward = :ward, health_centre = :centre, assignee = null, assigned_at = :now",
                Map.of("ward", ward), Map.of("centre", Optional.ofNullable(centreOf(ward)),
                        "now", Optional.of(Db.at(clock.instant()))));
        audit.record(caseId, actor, "FOLLOWUP_TRANSFER", "ward", f.ward(), ward, f.assignee());
        index.enqueue(caseId);
        FollowUp changed = require(caseId);
        events.enqueue(FollowUpEvents.TRANSFERRED, changed, f.status(), clock.instant());
        return changed;
    }

    /** Enabled staff accounts bound to this ward: who may be put in charge of its cases. */
    @Transactional(readOnly = true)
    public List<String> assignable(String ward) {
        if (ward == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select username from app_user where enabled = true and ward = ?
                          and (',' || roles || ',') like '%,STAFF,%' order by username""")
                .param(ward).query(String.class).list();
    }

    /**
     * Adds a record. The interview is one per case: a second one is refused (it is corrected instead).
     *
     * @return the new record's id
     */
    @Transactional
    public UUID add(UUID caseId, EntryKind kind, Map<String, List<String>> entered, String actor) {
        FollowUp f = find(caseId).orElseThrow(() -> new FollowUpNotFoundException(caseId));
        Map<String, Object> values = forms.of(f.disease()).parse(kind, entered);
        if (kind == EntryKind.INTERVIEW && entries(caseId).stream().anyMatch(e -> e.kind() == EntryKind.INTERVIEW)) {
            throw new IllegalArgumentException("疫学調査は記録済みです。訂正してください");
        }
        UUID entryId = UUID.randomUUID();
        insertRevision(caseId, entryId, kind, 1, values, actor);
        audit.record(caseId, actor, "FOLLOWUP_RECORD", kind.name(), null, json(values), entryId.toString());
        copyInterview(f, kind, values);
        return entryId;
    }

    /** A new revision of a record; the earlier ones stay. {@code expectedRevision} is the one corrected. */
    @Transactional
    public void correct(UUID caseId, UUID entryId, Map<String, List<String>> entered, String actor, int expectedRevision) {
        FollowUp f = find(caseId).orElseThrow(() -> new FollowUpNotFoundException(caseId));
        FollowUpEntry entry = entries(caseId).stream().filter(e -> e.entryId().equals(entryId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("訂正する記録が見つかりません"));
        if (entry.current().revision() != expectedRevision) {
            throw new FollowUpConflictException("record " + entryId + " is at revision " + entry.current().revision()
                    + ", not " + expectedRevision);
        }
        Map<String, Object> values = forms.of(f.disease()).parse(entry.kind(), entered);
        try {
            insertRevision(caseId, entryId, entry.kind(), expectedRevision + 1, values, actor);
        } catch (DuplicateKeyException e) {
            throw new FollowUpConflictException("record " + entryId + " was corrected by someone else meanwhile");
        }
        audit.record(caseId, actor, "FOLLOWUP_CORRECT", entry.kind().name(), json(entry.values()), json(values),
                entryId.toString());
        copyInterview(f, entry.kind(), values);
    }

    /** The case's records, the interview first, then the others in the order they were made; revisions kept. */
    @Transactional(readOnly = true)
    public List<FollowUpEntry> entries(UUID caseId) {
        Map<UUID, List<FollowUpEntry.Revision>> revisions = new LinkedHashMap<>();
        Map<UUID, EntryKind> kinds = new LinkedHashMap<>();
        jdbc.sql("select entry_id, kind, revision, record_values, author, at from follow_up_record "
                        + "where case_id = ? order by id")
                .param(caseId).query(rs -> {
                    UUID id = Db.uuid(rs, "entry_id");
                    kinds.put(id, EntryKind.valueOf(rs.getString("kind")));
                    revisions.computeIfAbsent(id, k -> new ArrayList<>()).add(0, new FollowUpEntry.Revision(
                            rs.getInt("revision"), values(rs.getString("record_values")), rs.getString("author"),
                            Db.instant(rs, "at")));
                });
        List<FollowUpEntry> out = new ArrayList<>();
        kinds.forEach((id, kind) -> out.add(new FollowUpEntry(id, kind, List.copyOf(revisions.get(id)))));
        out.sort(java.util.Comparator.comparing((FollowUpEntry e) -> e.kind() != EntryKind.INTERVIEW));
        return out;
    }

    // --- internals ---

    private String centreOf(String ward) {
        return ward == null ? null : jurisdiction.healthCentreOf(ward).map(Jurisdiction.HealthCentre::name).orElse(null);
    }

    /** The stay and the end of observation, copied from the interview for the lists and statistics. */
    private void copyInterview(FollowUp f, EntryKind kind, Map<String, Object> values) {
        if (kind != EntryKind.INTERVIEW) {
            return;
        }
        FollowUpForm form = forms.of(f.disease());
        Object stay = form.stayField() == null ? null : values.get(form.stayField());
        Object until = form.observationEndField() == null ? null : values.get(form.observationEndField());
        jdbc.sql("update follow_up set stay = ?, observation_until = ?, updated_at = ?, version = version + 1 where case_id = ?")
                .params(stay == null ? null : stay.toString(), until == null ? null : LocalDate.parse(until.toString()),
                        Db.at(clock.instant()), f.caseId())
                .update();
        index.enqueue(f.caseId());
    }

    private void insertRevision(UUID caseId, UUID entryId, EntryKind kind, int revision, Map<String, Object> values,
                                String actor) {
        jdbc.sql("""
                        insert into follow_up_record (case_id, entry_id, kind, revision, record_values, author, at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, entryId, kind.name(), revision, json(values), actor, Db.at(clock.instant())).update();
    }

    private FollowUp current(UUID caseId, long expectedVersion) {
        FollowUp f = find(caseId).orElseThrow(() -> new FollowUpNotFoundException(caseId));
        if (f.version() != expectedVersion) {
            throw new FollowUpConflictException("follow-up of " + caseId + " is at version " + f.version()
                    + ", not " + expectedVersion);
        }
        return f;
    }

    /** One guarded update: set clauses with their non-null and nullable parameters; 0 rows is a conflict. */
    private void update(FollowUp f, String set, Map<String, Object> values, Map<String, Optional<?>> nullable) {
        var statement = jdbc.sql("update follow_up set " + set + ", updated_at = :updated, version = version + 1 "
                        + "where case_id = :id and version = :version")
                .param("updated", Db.at(clock.instant())).param("id", f.caseId()).param("version", f.version());
        for (var e : values.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        for (var e : nullable.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue().orElse(null));
        }
        if (statement.update() == 0) {
            throw new FollowUpConflictException("follow-up of " + f.caseId() + " was changed meanwhile");
        }
    }

    private FollowUp require(UUID caseId) {
        return find(caseId).orElseThrow(() -> new FollowUpNotFoundException(caseId));
    }

    static FollowUp row(ResultSet rs, int n) throws SQLException {
        java.sql.Date until = rs.getDate("observation_until");
        return new FollowUp(Db.uuid(rs, "case_id"), rs.getString("disease"), rs.getString("ward"),
                rs.getString("health_centre"), rs.getString("status"), rs.getString("assignee"), rs.getString("stay"),
                until == null ? null : until.toLocalDate(), Db.instant(rs, "assigned_at"),
                Db.instant(rs, "first_contact_at"), Db.instant(rs, "closed_at"), rs.getString("patient_name"),
                rs.getLong("version"));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON", e);
        }
    }

    private static Map<String, Object> values(String json) {
        try {
            return JSON.readValue(json, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored follow-up record is unreadable", e);
        }
    }
}
