package io.todoke.store.doublecheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.review.CaseNotFoundException;
import io.todoke.store.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The double check: a clerk's confirmation of chosen fields waits for a second clerk, who types them without
 * seeing the first entry or the reading; agreement confirms the case, disagreement goes to a lead. The first
 * clerk can never be the second. Each step is one transaction with the case's own changes, audited with the
 * field keys (the values stay in this table until the case is confirmed, so the history shows none early).
 */
@Service
public class DoubleChecks {

    /** Audit actions, one per step. */
    public static final String FIRST = "DOUBLE_CHECK_FIRST";
    public static final String AGREED = "DOUBLE_CHECK_AGREED";
    public static final String DISAGREED = "DOUBLE_CHECK_DISAGREED";
    public static final String DECIDED = "DOUBLE_CHECK_DECIDED";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ReviewService reviews;
    private final Clock clock;

    @Autowired
    public DoubleChecks(JdbcClient jdbc, ReviewService reviews) {
        this(jdbc, reviews, Clock.systemUTC());
    }

    DoubleChecks(JdbcClient jdbc, ReviewService reviews, Clock clock) {
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<DoubleCheck> find(UUID caseId) {
        return jdbc.sql("select * from double_check where case_id = :id").param("id", caseId)
                .query(this::map).optional();
    }

    /** Cases whose double check is not done, by stage (for the queue). */
    @Transactional(readOnly = true)
    public Map<UUID, DoubleCheck.Stage> open() {
        Map<UUID, DoubleCheck.Stage> open = new LinkedHashMap<>();
        jdbc.sql("select case_id, state from double_check where state <> 'DONE'")
                .query((rs, n) -> Map.entry(rs.getObject("case_id", UUID.class), DoubleCheck.Stage.valueOf(rs.getString("state"))))
                .list().forEach(e -> open.put(e.getKey(), e.getValue()));
        return open;
    }

    /** Disagreements waiting for a lead, oldest first. */
    @Transactional(readOnly = true)
    public List<DoubleCheck> awaitingLead() {
        return jdbc.sql("select * from double_check where state = 'LEAD' order by second_at, case_id")
                .query(this::map).list();
    }

    /** The first clerk's entry when the clerk changed no other field. */
    @Transactional
    public void first(UUID caseId, Map<String, Object> values, String clerk, long expectedVersion) {
        first(caseId, Map.of(), values, clerk, expectedVersion);
    }

    /**
     * The first clerk's entry: the changes to the other fields are stored in the case
     * ({@link ReviewService#correct}), the values of the fields to check are kept here, and the case is released
     * for a second clerk.
     *
     * @param changes the clerk's values of the other fields, stored at once
     * @param values  the first clerk's value of each field to check, by key
     */
    @Transactional
    public void first(UUID caseId, Map<String, Object> changes, Map<String, Object> values, String clerk,
                      long expectedVersion) {
        if (!changes.isEmpty()) {
            expectedVersion = reviews.correct(caseId, changes, clerk, expectedVersion).version();
        }
        NotificationCase c = reviews.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (c.state() != CaseState.AWAITING_REVIEW) {
            throw new DoubleCheckException("case " + caseId + " is " + c.state() + ", not awaiting review");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a double check needs at least one field");
        }
        Optional<DoubleCheck> existing = find(caseId);
        if (existing.isPresent() && existing.get().stage() != DoubleCheck.Stage.DONE) {
            throw new DoubleCheckException("case " + caseId + " is already in a double check");
        }
        // The clerk's claim ends here; a second clerk takes the case from the queue.
        int released = jdbc.sql("""
                        update notification_case set claimed_by = null, claimed_at = null, version = version + 1
                        where id = :id and version = :version and (claimed_by is null or claimed_by = :clerk)""")
                .param("id", caseId).param("version", expectedVersion).param("clerk", clerk).update();
        if (released == 0) {
            throw new io.todoke.store.review.CaseTakenException("case " + caseId + " was changed since it was loaded",
                    c.claimedBy());
        }
        jdbc.sql("delete from double_check where case_id = :id").param("id", caseId).update();
        jdbc.sql("""
                        insert into double_check (case_id, fields, state, first_clerk, first_values, first_at)
                        values (:id, :fields, 'SECOND', :clerk, :values, :at)""")
                .param("id", caseId).param("fields", json(new ArrayList<>(values.keySet())))
                .param("clerk", clerk).param("values", json(values)).param("at", ts(clock.instant())).update();
        reviews.record(caseId, clerk, FIRST, String.join(",", values.keySet()));
    }

    /**
     * The second clerk's blind entry. When every field agrees the values are stored and the case confirmed by
     * this clerk; otherwise the case waits for a lead.
     *
     * @return the check after this entry ({@link DoubleCheck.Stage#DONE} on agreement, else {@code LEAD})
     * @throws DoubleCheckException if the check is not waiting for a second entry or this is the first clerk
     */
    @Transactional
    public DoubleCheck second(UUID caseId, Map<String, Object> values, String clerk, long expectedVersion) {
        DoubleCheck check = require(caseId, DoubleCheck.Stage.SECOND);
        if (check.firstClerk().equals(clerk)) {
            throw new DoubleCheckException("the first clerk of case " + caseId + " cannot type its second entry");
        }
        Map<String, Object> typedValues = new LinkedHashMap<>();
        check.fields().forEach(k -> typedValues.put(k, values.get(k)));
        // Through JSON, as the first entry was stored: numbers and lists compare alike.
        Map<String, Object> entered = values(json(typedValues));
        DoubleCheck typed = new DoubleCheck(caseId, check.fields(), DoubleCheck.Stage.SECOND, check.firstClerk(),
                check.firstValues(), check.firstAt(), clerk, entered, clock.instant(), null, null);
        List<String> differ = typed.disagreements();
        if (differ.isEmpty()) {
            NotificationCase after = reviews.correct(caseId, entered, clerk, expectedVersion);
            reviews.confirm(caseId, clerk, after.version());
            reviews.record(caseId, clerk, AGREED, String.join(",", check.fields()));
        } else {
            reviews.release(caseId, clerk);
            reviews.record(caseId, clerk, DISAGREED, String.join(",", differ));
        }
        jdbc.sql("""
                        update double_check set state = :state, second_clerk = :clerk, second_values = :values,
                               second_at = :at where case_id = :id and state = 'SECOND'""")
                .param("state", differ.isEmpty() ? "DONE" : "LEAD").param("clerk", clerk)
                .param("values", json(entered)).param("at", ts(typed.secondAt())).param("id", caseId).update();
        return find(caseId).orElseThrow();
    }

    /**
     * A lead's decision on a disagreement: these values are stored and the case confirmed by the lead.
     *
     * @param values the value of each checked field as the lead decided it
     */
    @Transactional
    public NotificationCase decide(UUID caseId, Map<String, Object> values, String lead) {
        DoubleCheck check = require(caseId, DoubleCheck.Stage.LEAD);
        NotificationCase c = reviews.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        Map<String, Object> decided = new LinkedHashMap<>();
        check.fields().forEach(k -> decided.put(k, values.get(k)));
        NotificationCase after = reviews.correct(caseId, decided, lead, c.version());
        NotificationCase confirmed = reviews.confirm(caseId, lead, after.version());
        reviews.record(caseId, lead, DECIDED, String.join(",", check.disagreements()));
        jdbc.sql("update double_check set state = 'DONE', decided_by = :lead, decided_at = :at where case_id = :id")
                .param("lead", lead).param("at", ts(clock.instant())).param("id", caseId).update();
        return confirmed;
    }

    private DoubleCheck require(UUID caseId, DoubleCheck.Stage stage) {
        DoubleCheck check = find(caseId)
                .orElseThrow(() -> new DoubleCheckException("case " + caseId + " has no double check"));
        if (check.stage() != stage) {
            throw new DoubleCheckException("the double check of case " + caseId + " is at " + check.stage()
                    + ", not " + stage);
        }
        return check;
    }

    private DoubleCheck map(ResultSet rs, int n) throws SQLException {
        return new DoubleCheck(rs.getObject("case_id", UUID.class),
                read(rs.getString("fields"), new TypeReference<List<String>>() { }),
                DoubleCheck.Stage.valueOf(rs.getString("state")),
                rs.getString("first_clerk"), values(rs.getString("first_values")), instant(rs, "first_at"),
                rs.getString("second_clerk"), values(rs.getString("second_values")), instant(rs, "second_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"));
    }

    private static Map<String, Object> values(String json) {
        return json == null ? null : read(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable double check column", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON", e);
        }
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
