package io.todoke.store.backlog;

import io.todoke.store.cases.CasePriority;
import io.todoke.store.fax.FaxStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Read-only counts for the queue's status line and the backlog page. */
@Service
public class BacklogQueries {

    /** The pace is clerk confirmations over this last stretch of time. */
    public static final Duration PACE_WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public BacklogQueries(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    BacklogQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The backlog now, "today" being the calendar day in {@code zone}. */
    @Transactional(readOnly = true)
    public Backlog now(ZoneId zone) {
        Instant now = clock.instant();
        Map<Integer, Long> waiting = new LinkedHashMap<>();
        for (int p : new int[] {CasePriority.DECEASED, CasePriority.ELDERLY, CasePriority.OTHER}) {
            waiting.put(p, 0L);
        }
        jdbc.sql("select priority, count(*) as n from notification_case where state = 'AWAITING_REVIEW' group by priority")
                .query((rs, n) -> Map.entry(rs.getInt("priority"), rs.getLong("n")))
                .list().forEach(e -> waiting.merge(Math.min(e.getKey(), CasePriority.OTHER), e.getValue(), Long::sum));
        OffsetDateTime dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toOffsetDateTime();
        Map<Integer, Long> byHour = new TreeMap<>();
        Map<String, Long> byClerk = new TreeMap<>();
        jdbc.sql("""
                        select confirmed_at, confirmed_by from notification_case
                        where confirmed_at >= :from and confirmed_by is not null and confirmed_by <> :system""")
                .param("from", dayStart).param("system", FaxStore.SYSTEM)
                .query((rs, n) -> {
                    Instant at = rs.getObject("confirmed_at", OffsetDateTime.class).toInstant();
                    byHour.merge(at.atZone(zone).getHour(), 1L, Long::sum);
                    byClerk.merge(rs.getString("confirmed_by"), 1L, Long::sum);
                    return at;
                }).list();
        Map<String, Long> mostFirst = new LinkedHashMap<>();
        byClerk.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
        long inPace = jdbc.sql("""
                        select count(*) from notification_case
                        where confirmed_at >= :from and confirmed_by is not null and confirmed_by <> :system""")
                .param("from", OffsetDateTime.ofInstant(now.minus(PACE_WINDOW), ZoneOffset.UTC))
                .param("system", FaxStore.SYSTEM).query(Long.class).single();
        return new Backlog(waiting, beingRead(), oldestWaiting(), byHour, mostFirst, inPace, now);
    }

    /** Faxes taken from an inbox and not read yet. */
    @Transactional(readOnly = true)
    public long beingRead() {
        return jdbc.sql("select count(*) from fax_document where state = 'RECEIVED'").query(Long.class).single();
    }

    /** When the oldest case awaiting review was created, or null. */
    @Transactional(readOnly = true)
    public Instant oldestWaiting() {
        return jdbc.sql("select min(created_at) from notification_case where state = 'AWAITING_REVIEW'")
                .query((rs, n) -> {
                    OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                    return t == null ? null : t.toInstant();
                }).list().stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
