package io.todoke.store.review;

import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.store.audit.AuditEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.store.cases.CaseJson;
import io.todoke.store.cases.CaseState;
import io.todoke.store.followup.FollowUpService;
import io.todoke.store.jurisdiction.Jurisdiction;
import io.todoke.store.outbox.IndexOutbox;
import io.todoke.store.cases.NotificationCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The review service over the V1 schema. Each method is one transaction: the case row, its audit entries
 * and its index outbox row commit together, so the index never misses a confirmed change.
 */
@Service
public class JdbcReviewService implements ReviewService {

    /** A claim older than this is treated as abandoned (the clerk closed the tab or went home). */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(30);
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(28);

    private static final String CASE_COLUMNS = """
            c.id, c.fax_id, c.pages, c.template_id, c.template_version, c.disease, c.state, c.fields, c.review_reasons,
            c.ward, c.priority, c.claimed_by, c.claimed_at, c.created_at, c.confirmed_at, c.confirmed_by, c.version""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final IndexOutbox outbox;
    private final Clock clock;
    private final Jurisdiction jurisdiction;
    private FollowUpService followUps;

    @Autowired
    public JdbcReviewService(JdbcClient jdbc, IndexOutbox outbox, Jurisdiction jurisdiction) {
        this(jdbc, outbox, jurisdiction, Clock.systemUTC());
    }

    JdbcReviewService(JdbcClient jdbc, IndexOutbox outbox, Jurisdiction jurisdiction, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    /** With the follow-up present, a confirmed case is assigned to its ward's centre in the same transaction. */
    @Autowired(required = false)
    public void setFollowUps(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReviewTask> queue(int limit) {
        return jdbc.sql("""
                        select c.id, c.fax_id, f.inbox, c.patient_name, c.disease, c.priority, c.review_reasons, c.fields,
                               c.claimed_by, c.claimed_at, c.created_at
                        from notification_case c join fax_document f on f.id = c.fax_id
                        where c.state = 'AWAITING_REVIEW'
                        order by c.priority, c.created_at, c.id""")
                .query((rs, n) -> {
                    Map<String, FieldReading> fields = CaseJson.readFields(rs.getString("fields"));
                    int doubtful = (int) fields.values().stream().filter(f -> f.status().needsReview()).count();
                    return new ReviewTask(rs.getObject("id", UUID.class), rs.getObject("fax_id", UUID.class),
                            rs.getString("inbox"), rs.getString("patient_name"), rs.getString("disease"),
                            rs.getInt("priority"),
                            CaseJson.readStrings(rs.getString("review_reasons")), doubtful,
                            activeClaim(rs.getString("claimed_by"), instant(rs, "claimed_at")),
                            instant(rs, "created_at"));
                })
                .list().stream().limit(limit).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> queueCountsByReason() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select review_reasons from notification_case where state = 'AWAITING_REVIEW'")
                .query(String.class).list()
                .forEach(json -> {
                    List<String> reasons = CaseJson.readStrings(json);
                    if (reasons.isEmpty()) {
                        counts.merge("その他", 1L, Long::sum);
                    }
                    reasons.stream().distinct().forEach(r -> counts.merge(r, 1L, Long::sum));
                });
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> queueCountsByInbox() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                        select f.inbox, count(*) as n from notification_case c join fax_document f on f.id = c.fax_id
                        where c.state = 'AWAITING_REVIEW' group by f.inbox""")
                .query((rs, n) -> Map.entry(rs.getString("inbox"), rs.getLong("n")))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Override
    @Transactional
    public Optional<NotificationCase> claimNext(String clerk) {
        Optional<NotificationCase> held = jdbc.sql("select " + CASE_COLUMNS + """
                         from notification_case c
                        where c.state = 'AWAITING_REVIEW' and c.claimed_by = :clerk
                        order by c.priority, c.created_at, c.id""")
                .param("clerk", clerk).query(this::mapCase).list().stream().findFirst();
        if (held.isPresent()) {
            return held;
        }
        OffsetDateTime stale = ts(now().minus(CLAIM_TIMEOUT));
        List<UUID> candidates = jdbc.sql("""
                        select id from notification_case
                        where state = 'AWAITING_REVIEW' and (claimed_by is null or claimed_at < :stale)
                          and not exists (select 1 from double_check d where d.case_id = notification_case.id
                                          and (d.state = 'LEAD' or (d.state = 'SECOND' and d.first_clerk = :clerk)))
                        order by priority, created_at, id""")
                .param("stale", stale).param("clerk", clerk).query(UUID.class).list();
        for (UUID id : candidates) {
            // Another clerk may take the same row between our select and update; then try the next one.
            int updated = jdbc.sql("""
                            update notification_case set claimed_by = :clerk, claimed_at = :now, version = version + 1
                            where id = :id and state = 'AWAITING_REVIEW' and (claimed_by is null or claimed_at < :stale)""")
                    .param("clerk", clerk).param("now", ts(now())).param("id", id).param("stale", stale).update();
            if (updated == 1) {
                audit(id, clerk, "CLAIM", null, null, null, null, null);
                return load(id);
            }
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public NotificationCase claim(UUID caseId, String clerk) {
        NotificationCase c = require(caseId);
        if (c.state() != CaseState.AWAITING_REVIEW || clerk.equals(c.claimedBy())) {
            return c;
        }
        int updated = jdbc.sql("""
                        update notification_case set claimed_by = :clerk, claimed_at = :now, version = version + 1
                        where id = :id and (claimed_by is null or claimed_by = :clerk or claimed_at < :stale)""")
                .param("clerk", clerk).param("now", ts(now())).param("id", caseId)
                .param("stale", ts(now().minus(CLAIM_TIMEOUT))).update();
        if (updated == 0) {
            String holder = require(caseId).claimedBy();
            throw new CaseTakenException("case " + caseId + " is held by " + holder, holder);
        }
        audit(caseId, clerk, "CLAIM", null, null, null, null, null);
        return require(caseId);
    }

    @Override
    @Transactional
    public void release(UUID caseId, String clerk) {
        int updated = jdbc.sql("""
                        update notification_case set claimed_by = null, claimed_at = null, version = version + 1
                        where id = :id and claimed_by = :clerk""")
                .param("id", caseId).param("clerk", clerk).update();
        if (updated == 1) {
            audit(caseId, clerk, "RELEASE", null, null, null, null, null);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<NotificationCase> find(UUID caseId) {
        return load(caseId);
    }

    @Override
    @Transactional
    public Optional<NotificationCase> view(UUID caseId, String actor) {
        Optional<NotificationCase> c = load(caseId);
        c.ifPresent(x -> audit(caseId, actor, "VIEW", null, null, null, null, null));
        return c;
    }

    @Override
    @Transactional
    public NotificationCase correct(UUID caseId, Map<String, Object> values, String clerk, long expectedVersion) {
        NotificationCase c = lockFor(caseId, clerk, expectedVersion);
        if (c.state() == CaseState.REJECTED) {
            throw new IllegalStateException("case " + caseId + " was rejected; it cannot be corrected");
        }
        Map<String, FieldReading> fields = new LinkedHashMap<>(c.fields());
        boolean changed = false;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            FieldReading old = fields.get(e.getKey());
            if (old == null) {
                throw new IllegalArgumentException("case " + caseId + " has no field " + e.getKey());
            }
            Object value = e.getValue();
            if (Objects.equals(old.value(), value) && !old.status().needsReview()) {
                continue;
            }
            // The clerk's value is authoritative: status ok, confidence 1, the engine's raw text kept.
            fields.put(e.getKey(), new FieldReading(old.key(), value, old.raw(), 1.0,
                    value == null ? FieldStatus.EMPTY : FieldStatus.OK, old.page(), old.box(), List.of()));
            changed = true;
            if (!Objects.equals(old.value(), value)) {
                audit(caseId, clerk, "CORRECT", e.getKey(), old.raw(), json(old.value()), json(value), null);
            } else {
                audit(caseId, clerk, "ACCEPT", e.getKey(), old.raw(), json(old.value()), json(value), null);
            }
        }
        if (!changed) {
            return c;
        }
        boolean confirmed = c.state() == CaseState.CONFIRMED || c.state() == CaseState.INDEXED
                || c.state() == CaseState.AUTO_CONFIRMED;
        CaseState next = c.state() == CaseState.INDEXED ? CaseState.CONFIRMED : c.state();
        jdbc.sql("""
                        update notification_case set fields = :fields, patient_name = :name, patient_kana = :kana,
                               birth_date = :birth, ward = :ward, state = :state, version = version + 1
                        where id = :id and version = :version""")
                .param("fields", CaseJson.writeFields(fields))
                .param("name", text(fields, "patient_name"))
                .param("kana", text(fields, "patient_name_kana"))
                .param("birth", text(fields, "birth_date"))
                .param("ward", confirmed ? jurisdiction.wardOf(text(fields, "patient_address")) : c.ward())
                .param("state", next.name())
                .param("id", caseId).param("version", c.version()).update();
        if (confirmed) {
            enqueueIndex(caseId, "UPSERT");
        }
        return require(caseId);
    }

    @Override
    @Transactional
    public NotificationCase confirm(UUID caseId, String clerk, long expectedVersion) {
        NotificationCase c = lockFor(caseId, clerk, expectedVersion);
        if (c.state() != CaseState.AWAITING_REVIEW) {
            throw new IllegalStateException("case " + caseId + " is " + c.state() + ", not awaiting review");
        }
        jdbc.sql("""
                        update notification_case set state = 'CONFIRMED', confirmed_at = :now, confirmed_by = :clerk,
                               ward = :ward, claimed_by = null, claimed_at = null, version = version + 1
                        where id = :id and version = :version""")
                .param("now", ts(now())).param("clerk", clerk)
                .param("ward", jurisdiction.wardOf(text(c.fields(), "patient_address")))
                .param("id", caseId).param("version", c.version()).update();
        audit(caseId, clerk, "CONFIRM", null, null, null, null, null);
        enqueueIndex(caseId, "UPSERT");
        if (followUps != null) {
            followUps.open(caseId, clerk);
        }
        return require(caseId);
    }

    @Override
    @Transactional
    public NotificationCase reject(UUID caseId, String reason, String clerk, long expectedVersion) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        NotificationCase c = lockFor(caseId, clerk, expectedVersion);
        jdbc.sql("""
                        update notification_case set state = 'REJECTED', rejected_reason = :reason,
                               claimed_by = null, claimed_at = null, version = version + 1
                        where id = :id and version = :version""")
                .param("reason", reason).param("id", caseId).param("version", c.version()).update();
        audit(caseId, clerk, "REJECT", null, null, null, null, reason);
        if (c.state() != CaseState.AWAITING_REVIEW) {
            enqueueIndex(caseId, "DELETE");
        }
        return require(caseId);
    }

    @Override
    @Transactional
    public NotificationCase restore(UUID caseId, String actor, String claimFor) {
        NotificationCase c = require(caseId);
        String reason = jdbc.sql("select rejected_reason from notification_case where id = :id")
                .param("id", caseId).query(String.class).optional().orElse(null);
        int updated = jdbc.sql("""
                        update notification_case set state = 'AWAITING_REVIEW', rejected_reason = null,
                               claimed_by = :claim, claimed_at = :at, version = version + 1
                        where id = :id and state = 'REJECTED'""")
                .param("claim", claimFor).param("at", claimFor == null ? null : ts(now()))
                .param("id", caseId).update();
        if (updated == 0) {
            throw new IllegalStateException("case " + caseId + " is " + c.state() + ", not rejected");
        }
        audit(caseId, actor, "RESTORE", null, null, null, null, reason);
        return require(caseId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RejectedCase> rejection(UUID caseId) {
        return rejectedCases("c.id = :id", 1, caseId).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RejectedCase> rejected(int limit) {
        return rejectedCases("1 = 1", limit, null);
    }

    /** Rejected cases with their latest REJECT entry: who and when come from the audit log. */
    private List<RejectedCase> rejectedCases(String where, int limit, UUID id) {
        var statement = jdbc.sql("""
                        select c.id, c.patient_name, c.rejected_reason, c.created_at, a.actor, a.at
                        from notification_case c
                        join audit_log a on a.id = (select max(x.id) from audit_log x
                                                    where x.case_id = c.id and x.action = 'REJECT')
                        where c.state = 'REJECTED' and\s""" + where + " order by a.at desc, c.id");
        if (id != null) {
            statement = statement.param("id", id);
        }
        return statement.query((rs, n) -> new RejectedCase(rs.getObject("id", UUID.class), rs.getString("patient_name"),
                        rs.getString("rejected_reason"), rs.getString("actor"), instant(rs, "at"), instant(rs, "created_at")))
                .list().stream().limit(limit).toList();
    }

    /**
     * Records that this case is another sending of {@code otherCaseId} (a re-sent or corrected fax).
     */
    @Override
    @Transactional
    public NotificationCase link(UUID caseId, UUID otherCaseId, String clerk, long expectedVersion) {
        NotificationCase c = lockFor(caseId, clerk, expectedVersion);
        require(otherCaseId);
        jdbc.sql("update notification_case set linked_case_id = :other, version = version + 1 where id = :id and version = :version")
                .param("other", otherCaseId).param("id", caseId).param("version", c.version()).update();
        audit(caseId, clerk, "LINK", null, null, null, null, otherCaseId.toString());
        return require(caseId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<NotificationCase> possibleDuplicates(UUID caseId) {
        NotificationCase c = require(caseId);
        String birth = text(c.fields(), "birth_date");
        if (birth == null) {
            return List.of();
        }
        String name = squash(text(c.fields(), "patient_name"));
        String kana = squash(text(c.fields(), "patient_name_kana"));
        if (name == null && kana == null) {
            return List.of();
        }
        List<String> same = new java.util.ArrayList<>();
        if (name != null) {
            same.add("replace(replace(c.patient_name, ' ', ''), '\u3000', '') = :name");
        }
        if (kana != null) {
            same.add("replace(replace(c.patient_kana, ' ', ''), '\u3000', '') = :kana");
        }
        var statement = jdbc.sql("select " + CASE_COLUMNS + """
                         from notification_case c
                        where c.id <> :id and c.state <> 'REJECTED' and c.birth_date = :birth
                          and c.created_at >= :since and (""" + String.join(" or ", same) + ")"
                        // One patient's notifications of two diseases are two cases, not a duplicate.
                        + (c.disease() == null ? "" : " and c.disease = :disease") + " order by c.created_at desc")
                .param("id", caseId).param("birth", birth).param("since", ts(c.createdAt().minus(DUPLICATE_WINDOW)));
        if (name != null) {
            statement = statement.param("name", name);
        }
        if (kana != null) {
            statement = statement.param("kana", kana);
        }
        if (c.disease() != null) {
            statement = statement.param("disease", c.disease());
        }
        return statement.query(this::mapCase).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> history(UUID caseId) {
        return jdbc.sql("""
                        select id, case_id, actor, action, field, read_value, old_value, new_value, detail, at
                        from audit_log where case_id = :id order by at, id""")
                .param("id", caseId)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getObject("case_id", UUID.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("field"),
                        rs.getString("read_value"), rs.getString("old_value"), rs.getString("new_value"),
                        rs.getString("detail"), instant(rs, "at")))
                .list();
    }

    /** Records an action on a case that happened outside this service (e.g. a download of the original). */
    @Override
    @Transactional
    public void record(UUID caseId, String actor, String action, String detail) {
        audit(caseId, actor, action, null, null, null, null, detail);
    }

    // --- internals ---

    /** Checks the version and the claim before a change; the update's own version guard covers the race. */
    private NotificationCase lockFor(UUID caseId, String clerk, long expectedVersion) {
        NotificationCase c = require(caseId);
        String holder = c.claimedBy();
        if (holder != null && !holder.equals(clerk)) {
            throw new CaseTakenException("case " + caseId + " is held by " + holder, holder);
        }
        if (c.version() != expectedVersion) {
            throw new CaseTakenException("case " + caseId + " was changed since it was loaded (version "
                    + expectedVersion + ", now " + c.version() + ")", c.confirmedBy() != null ? c.confirmedBy() : holder);
        }
        return c;
    }

    /** The index outbox row, in this transaction: the index never misses a committed change. */
    private void enqueueIndex(UUID caseId, String operation) {
        if (IndexOutbox.DELETE.equals(operation)) {
            outbox.enqueueDelete(caseId);
        } else {
            outbox.enqueue(caseId);
        }
    }

    /** A field value as audit text: JSON, so null, numbers and lists stay distinguishable. */
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }

    private void audit(UUID caseId, String actor, String action, String field, String read, String oldValue,
                       String newValue, String detail) {
        jdbc.sql("""
                        insert into audit_log (case_id, fax_id, actor, action, field, read_value, old_value, new_value, detail, at)
                        values (:case, (select fax_id from notification_case where id = :case), :actor, :action,
                                :field, :read, :old, :new, :detail, :at)""")
                .param("case", caseId).param("actor", actor).param("action", action).param("field", field)
                .param("read", read).param("old", oldValue).param("new", newValue).param("detail", detail)
                .param("at", ts(now())).update();
    }

    private Optional<NotificationCase> load(UUID id) {
        return jdbc.sql("select " + CASE_COLUMNS + " from notification_case c where c.id = :id")
                .param("id", id).query(this::mapCase).optional();
    }

    private NotificationCase require(UUID id) {
        return load(id).orElseThrow(() -> new CaseNotFoundException(id));
    }

    private NotificationCase mapCase(ResultSet rs, int n) throws SQLException {
        return new NotificationCase(
                rs.getObject("id", UUID.class), rs.getObject("fax_id", UUID.class),
                CaseJson.readPages(rs.getString("pages")), rs.getString("template_id"),
                rs.getString("template_version"), rs.getString("disease"), CaseState.valueOf(rs.getString("state")),
                CaseJson.readFields(rs.getString("fields")), CaseJson.readStrings(rs.getString("review_reasons")),
                rs.getString("ward"), rs.getInt("priority"),
                activeClaim(rs.getString("claimed_by"), instant(rs, "claimed_at")),
                instant(rs, "created_at"), instant(rs, "confirmed_at"), rs.getString("confirmed_by"),
                rs.getLong("version"));
    }

    private String activeClaim(String claimedBy, Instant claimedAt) {
        return claimedBy != null && claimedAt != null && claimedAt.isBefore(now().minus(CLAIM_TIMEOUT)) ? null : claimedBy;
    }

    private static String text(Map<String, FieldReading> fields, String key) {
        FieldReading f = fields.get(key);
        return f == null || f.value() == null ? null : f.value().toString();
    }

    private static String squash(String s) {
        return s == null ? null : s.replace(" ", "").replace("　", "");
    }

    private Instant now() {
        return clock.instant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

}
