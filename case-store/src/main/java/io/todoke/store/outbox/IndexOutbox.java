package io.todoke.store.outbox;

import io.todoke.store.Db;
import io.todoke.store.cases.CaseState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Cases to write to (or remove from) the search index. Enqueued in the same transaction as the change that
 * makes them due, drained with retries and exponential back-off so the index catches up after an outage.
 */
@Repository
public class IndexOutbox {

    public static final String UPSERT = "UPSERT";
    public static final String DELETE = "DELETE";

    /** One due entry. */
    public record Entry(long id, UUID caseId, String operation, int attempts) {
    }

    /** Writes one entry to the index; throws if the index is unavailable. */
    @FunctionalInterface
    public interface Writer {
        void write(Entry entry) throws Exception;
    }

    /** What one drain pass did. */
    public record Drained(int written, int failed) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private volatile Duration firstDelay = Duration.ofSeconds(1);
    private volatile Duration maxDelay = Duration.ofMinutes(5);

    public IndexOutbox(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Back-off after the n-th failure: first, 2 first, 4 first ... capped at max. */
    public void setBackOff(Duration first, Duration max) {
        this.firstDelay = first;
        this.maxDelay = max;
    }

    /** Queues the case for indexing, inside the caller's transaction if there is one. */
    public void enqueue(UUID caseId) {
        add(caseId, UPSERT);
    }

    /** Queues the case's removal from the index (e.g. rejected after confirmation). */
    public void enqueueDelete(UUID caseId) {
        add(caseId, DELETE);
    }

    public long pending() {
        return jdbc.sql("select count(*) from index_outbox").query(Long.class).single();
    }

    /**
     * Writes up to {@code limit} due entries. A written UPSERT moves its case to INDEXED and leaves the
     * outbox; a failure stays with one more attempt and a later due time.
     */
    public Drained drain(int limit, Writer writer) {
        List<Entry> due = jdbc.sql("select id, case_id, operation, attempts from index_outbox "
                        + "where next_attempt_at <= ? order by id fetch first ? rows only")
                .params(Db.now(), limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), Db.uuid(rs, "case_id"), rs.getString("operation"),
                        rs.getInt("attempts")))
                .list();
        int written = 0;
        int failed = 0;
        for (Entry entry : due) {
            try {
                writer.write(entry);
            } catch (Exception e) {
                failed++;
                retryLater(entry, e);
                continue;
            }
            written++;
            tx.executeWithoutResult(s -> {
                jdbc.sql("delete from index_outbox where id = ?").param(entry.id()).update();
                if (UPSERT.equals(entry.operation())) {
                    jdbc.sql("update notification_case set state = ?, version = version + 1 "
                                    + "where id = ? and state in (?, ?)")
                            .params(CaseState.INDEXED.name(), entry.caseId(), CaseState.AUTO_CONFIRMED.name(),
                                    CaseState.CONFIRMED.name())
                            .update();
                }
            });
        }
        return new Drained(written, failed);
    }

    Duration delayAfter(int attempts) {
        long millis = firstDelay.toMillis() << Math.min(attempts - 1, 30);
        return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }

    private void retryLater(Entry entry, Exception e) {
        int attempts = entry.attempts() + 1;
        String error = String.valueOf(e.getMessage());
        jdbc.sql("update index_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, Db.now().plus(delayAfter(attempts)),
                        error.length() > 4000 ? error.substring(0, 4000) : error, entry.id())
                .update();
    }

    private void add(UUID caseId, String operation) {
        var now = Db.now();
        jdbc.sql("insert into index_outbox (case_id, operation, next_attempt_at, created_at) values (?, ?, ?, ?)")
                .params(caseId, operation, now, now)
                .update();
    }
}
