package io.todoke.store.followup;

import io.todoke.store.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The wards' work lists and counts. A ward of null means every ward (a city-wide lead); "today" is the day in
 * Japan, where the wards work.
 */
@Repository
public class FollowUpLists {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final FollowUpForms forms;
    private final Duration firstContactWithin;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public FollowUpLists(JdbcClient jdbc, FollowUpForms forms, FollowUpProperties properties) {
        this(jdbc, forms, properties.firstContactWithin(), Clock.systemUTC());
    }

    public FollowUpLists(JdbcClient jdbc, FollowUpForms forms, Duration firstContactWithin, Clock clock) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.firstContactWithin = firstContactWithin;
        this.clock = clock;
    }

    public Duration firstContactWithin() {
        return firstContactWithin;
    }

    /**
     * One work list, oldest assignment first.
     *
     * @param ward   the ward's cases only; null for every ward
     * @param user   for {@link WorkList#MINE}
     * @param status for {@link WorkList#BY_STATUS}; null for every status
     */
    @Transactional(readOnly = true)
    public List<FollowUp> list(WorkList list, String ward, String user, String status) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (ward != null) {
            where.add("f.ward = :ward");
            params.put("ward", ward);
        }
        switch (list) {
            case MINE -> {
                where.add("f.assignee = :user and f.closed_at is null");
                params.put("user", user);
            }
            case NO_FIRST_CONTACT -> {
                where.add("f.first_contact_at is null and f.closed_at is null and f.assigned_at < :due");
                params.put("due", Db.at(clock.instant().minus(firstContactWithin)));
            }
            case OBSERVATION_ENDS_TODAY -> {
                where.add("f.observation_until = :today and f.closed_at is null");
                params.put("today", today());
            }
            case BY_STATUS -> {
                if (status != null && !status.isBlank()) {
                    where.add("f.status = :status");
                    params.put("status", status);
                }
            }
        }
        String sql = "select " + FollowUpService.COLUMNS + " from follow_up f join notification_case c on c.id = f.case_id"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by f.assigned_at, f.case_id fetch first " + LIMIT + " rows only";
        var statement = jdbc.sql(sql);
        for (var e : params.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        return statement.query(FollowUpService::row).list();
    }

    /** Counts by ward (one ward, or every ward for null), in the database's ward order. */
    @Transactional(readOnly = true)
    public List<WardCounts> counts(String ward) {
        Map<String, Map<String, Long>> byStatus = new TreeMap<>(java.util.Comparator.nullsLast(String::compareTo));
        Map<String, long[]> other = new TreeMap<>(java.util.Comparator.nullsLast(String::compareTo));
        var due = Db.at(clock.instant().minus(firstContactWithin));
        LocalDate today = today();
        jdbc.sql("select f.ward, f.disease, f.status, f.stay, f.first_contact_at, f.closed_at, f.assigned_at, "
                        + "f.observation_until from follow_up f" + (ward == null ? "" : " where f.ward = :ward"))
                .params(ward == null ? Map.of() : Map.of("ward", ward))
                .query(rs -> {
                    String w = rs.getString("ward");
                    byStatus.computeIfAbsent(w, k -> new LinkedHashMap<>()).merge(rs.getString("status"), 1L, Long::sum);
                    long[] o = other.computeIfAbsent(w, k -> new long[3]);
                    boolean open = rs.getObject("closed_at") == null;
                    if (open && rs.getObject("first_contact_at") == null
                            && Db.instant(rs, "assigned_at").isBefore(due.toInstant())) {
                        o[0]++;
                    }
                    java.sql.Date until = rs.getDate("observation_until");
                    if (open && until != null && until.toLocalDate().equals(today)) {
                        o[1]++;
                    }
                    String hospital = forms.of(rs.getString("disease")).hospitalisedValue();
                    if (open && hospital != null && hospital.equals(rs.getString("stay"))) {
                        o[2]++;
                    }
                });
        List<WardCounts> out = new ArrayList<>();
        byStatus.forEach((w, counts) -> {
            long[] o = other.get(w);
            out.add(new WardCounts(w, Map.copyOf(counts), o[0], o[1], o[2]));
        });
        return out;
    }

    /** Cases closed per day (Japan time) over the last {@code days} days, oldest first; wards as for counts. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> closedPerDay(String ward, int days) {
        LocalDate today = today();
        Map<LocalDate, Long> out = new TreeMap<>();
        for (int i = days - 1; i >= 0; i--) {
            out.put(today.minusDays(i), 0L);
        }
        var since = today.minusDays(days - 1L).atStartOfDay(JAPAN).toOffsetDateTime();
        jdbc.sql("select closed_at from follow_up where closed_at >= :since" + (ward == null ? "" : " and ward = :ward"))
                .params(ward == null ? Map.of("since", since) : Map.of("since", since, "ward", ward))
                .query(rs -> {
                    LocalDate day = Db.instant(rs, "closed_at").atZone(JAPAN).toLocalDate();
                    out.computeIfPresent(day, (d, n) -> n + 1);
                });
        return out;
    }

    LocalDate today() {
        return clock.instant().atZone(JAPAN).toLocalDate();
    }
}
