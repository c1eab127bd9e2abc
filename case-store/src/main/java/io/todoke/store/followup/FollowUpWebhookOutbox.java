package io.todoke.store.followup;

import io.todoke.store.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Follow-up events waiting to be sent to the webhook (queued by {@link FollowUpEvents} with their change). Each
 * is taken by moving its due time past a lease, so of several instances one sends it; a failure is tried again
 * with exponential back-off, a success removes it. Delivery is at least once: receivers tell repeats by the id.
 */
@Repository
public class FollowUpWebhookOutbox {

    /** One event to send. */
    public record Event(long id, String event, String payload, int attempts) {
    }

    /** Sends one event to every configured URL; throws when any refuses it. */
    @FunctionalInterface
    public interface Sender {
        void send(Event event) throws Exception;
    }

    /** What one pass did. */
    public record Sent(int sent, int failed) {
    }

    static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;

    public FollowUpWebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long pending() {
        return jdbc.sql("select count(*) from follow_up_webhook").query(Long.class).single();
    }

    public Sent drain(int limit, Sender sender, Duration firstDelay, Duration maxDelay) {
        OffsetDateTime now = Db.now();
        List<Object[]> due = jdbc.sql("select id, event, payload, attempts, next_attempt_at from follow_up_webhook "
                        + "where next_attempt_at <= ? order by id fetch first ? rows only")
                .params(now, limit)
                .query((rs, n) -> new Object[] {new Event(rs.getLong("id"), rs.getString("event"), rs.getString("payload"),
                        rs.getInt("attempts")), rs.getObject("next_attempt_at", OffsetDateTime.class)})
                .list();
        int sent = 0;
        int failed = 0;
        for (Object[] row : due) {
            Event event = (Event) row[0];
            int taken = jdbc.sql("update follow_up_webhook set next_attempt_at = ? where id = ? and next_attempt_at = ?")
                    .params(now.plus(LEASE), event.id(), row[1]).update();
            if (taken == 0) {
                continue;
            }
            try {
                sender.send(event);
            } catch (Exception e) {
                failed++;
                int attempts = event.attempts() + 1;
                String error = String.valueOf(e.getMessage());
                jdbc.sql("update follow_up_webhook set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                        .params(attempts, Db.now().plus(delayAfter(attempts, firstDelay, maxDelay)),
                                error.length() > 2000 ? error.substring(0, 2000) : error, event.id())
                        .update();
                continue;
            }
            sent++;
            jdbc.sql("delete from follow_up_webhook where id = ?").param(event.id()).update();
        }
        return new Sent(sent, failed);
    }

    static Duration delayAfter(int attempts, Duration first, Duration max) {
        long millis = first.toMillis() << Math.min(attempts - 1, 30);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
