package io.todoke.store.fax;

import io.todoke.store.Db;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Inbox entries claimed by one instance, in the shared database. The unique (inbox, entry) key makes the claim
 * atomic across instances; the lease, renewed by its holder while it lives, lets any live instance take over
 * the entries of one that died.
 */
public class InboxClaims {

    public enum State {
        /** Being taken by {@code claimedBy}. */
        CLAIMED,
        /** Looked at once and left where it is (it could not be taken); kept so it is not looked at again. */
        SKIPPED
    }

    /**
     * @param id           the claim id; also the name the entry is moved to while it is taken
     * @param receivedName the entry's name as the gateway gave it
     */
    public record Claim(UUID id, String inbox, String entryKey, String receivedName, long sizeBytes, State state,
                        String claimedBy, int attempts, String lastError) {
    }

    private static final String COLUMNS = "id, inbox, entry_key, received_name, size_bytes, state, claimed_by, "
            + "attempts, last_error";

    private final JdbcClient jdbc;

    public InboxClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims an entry for {@code owner}; empty when another instance (or an earlier look) holds it. */
    public Optional<Claim> claim(String inbox, String entryKey, String receivedName, long size, String owner,
                                 Duration lease) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = Db.now();
        try {
            jdbc.sql("insert into inbox_claim (id, inbox, entry_key, received_name, size_bytes, state, claimed_by, "
                            + "lease_until, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, inbox, entryKey, receivedName, size, State.CLAIMED.name(), owner, now.plus(lease), now)
                    .update();
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
        return find(id);
    }

    /** Whether an entry is claimed or was skipped already (by anyone). */
    public boolean known(String inbox, String entryKey) {
        return jdbc.sql("select count(*) from inbox_claim where inbox = ? and entry_key = ?")
                .params(inbox, entryKey).query(Long.class).single() > 0;
    }

    public Optional<Claim> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from inbox_claim where id = ?").param(id).query(InboxClaims::claim)
                .optional();
    }

    /** Claims whose holder stopped renewing them: any live instance may take them over. */
    public List<Claim> expired(int limit) {
        return jdbc.sql("select " + COLUMNS + " from inbox_claim where state = ? and lease_until < ? "
                        + "order by created_at fetch first ? rows only")
                .params(State.CLAIMED.name(), Db.now(), limit).query(InboxClaims::claim).list();
    }

    /** Takes an expired claim over; false when another instance was quicker or its holder renewed it. */
    public boolean takeOver(UUID id, String owner, Duration lease) {
        OffsetDateTime now = Db.now();
        return jdbc.sql("update inbox_claim set claimed_by = ?, lease_until = ? where id = ? and state = ? "
                        + "and lease_until < ?")
                .params(owner, now.plus(lease), id, State.CLAIMED.name(), now).update() == 1;
    }

    /** Keeps the owner's claims alive; returns how many. */
    public int renew(String owner, Duration lease) {
        return jdbc.sql("update inbox_claim set lease_until = ? where claimed_by = ? and state = ?")
                .params(Db.now().plus(lease), owner, State.CLAIMED.name()).update();
    }

    /**
     * A try failed: counted, with the reason, and the entry left alone for {@code backOff} (the lease is moved
     * on, so the holder or, if it dies, another instance tries again after that).
     *
     * @return the attempts so far
     */
    public int failed(UUID id, String owner, String error, Duration backOff) {
        jdbc.sql("update inbox_claim set attempts = attempts + 1, last_error = ?, lease_until = ? "
                        + "where id = ? and claimed_by = ?")
                .params(truncate(error), Db.now().plus(backOff), id, owner).update();
        return find(id).map(Claim::attempts).orElse(0);
    }

    /** The entry stays where it is, not looked at again; the reason is kept for the admin page. */
    public void skip(UUID id, String reason) {
        jdbc.sql("update inbox_claim set state = ?, last_error = ? where id = ?")
                .params(State.SKIPPED.name(), truncate(reason), id).update();
    }

    /** Records an entry skipped at first sight (e.g. one that cannot be moved), once. */
    public void skipUnclaimed(String inbox, String entryKey, String receivedName, String owner, String reason) {
        claim(inbox, entryKey, receivedName, 0, owner, Duration.ZERO).ifPresent(c -> skip(c.id(), reason));
    }

    /** The entry is recorded and out of the inbox: the claim is over. */
    public void release(UUID id) {
        jdbc.sql("delete from inbox_claim where id = ?").param(id).update();
    }

    /** Entries skipped or failing, for the admin page. */
    public List<Claim> troubled(int limit) {
        return jdbc.sql("select " + COLUMNS + " from inbox_claim where state = ? or attempts > 0 "
                        + "order by created_at fetch first ? rows only")
                .params(State.SKIPPED.name(), limit).query(InboxClaims::claim).list();
    }

    /** Claims still open (being taken, or waiting for a retry). */
    public long open() {
        return jdbc.sql("select count(*) from inbox_claim where state = ?").param(State.CLAIMED.name())
                .query(Long.class).single();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private static Claim claim(ResultSet rs, int row) throws SQLException {
        return new Claim(Db.uuid(rs, "id"), rs.getString("inbox"), rs.getString("entry_key").strip(),
                rs.getString("received_name"), rs.getLong("size_bytes"), State.valueOf(rs.getString("state")),
                rs.getString("claimed_by"), rs.getInt("attempts"), rs.getString("last_error"));
    }
}
