package io.todoke.store.fax;

import io.todoke.store.Db;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Which instance reads which fax. A fax is claimed when it is received (or taken over, or sent back by an
 * operator) and stays claimed while its holder renews the lease; the claim ends with its READ or FAILED record.
 * Claims are conditional updates, atomic on H2 and PostgreSQL alike.
 */
public class FaxLeases {

    private final JdbcClient jdbc;

    public FaxLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a waiting fax for {@code owner}: one nobody holds, one whose holder's lease ran out, or one it holds
     * already (then the lease is renewed). False when another live instance holds it or it is not waiting.
     */
    public boolean claim(UUID faxId, String owner, Duration lease) {
        OffsetDateTime now = Db.now();
        return jdbc.sql("update fax_document set claimed_by = ?, lease_until = ? where id = ? and state = ? "
                        + "and (claimed_by is null or claimed_by = ? or lease_until < ?)")
                .params(owner, now.plus(lease), faxId, FaxState.RECEIVED.name(), owner, now).update() == 1;
    }

    /** Keeps the owner's claims alive; returns how many. */
    public int renew(String owner, Duration lease) {
        return jdbc.sql("update fax_document set lease_until = ? where claimed_by = ? and state = ?")
                .params(Db.now().plus(lease), owner, FaxState.RECEIVED.name()).update();
    }

    /** Archived faxes waiting to be read that no live instance holds: unclaimed, or their lease ran out. */
    public List<UUID> takeable(int limit) {
        return jdbc.sql("select id from fax_document where state = ? and archived_at is not null "
                        + "and (claimed_by is null or lease_until < ?) order by received_at fetch first ? rows only")
                .params(FaxState.RECEIVED.name(), Db.now(), limit).query((rs, n) -> Db.uuid(rs, "id")).list();
    }

    /** Whether {@code owner} still holds the fax (and it still waits to be read). */
    public boolean holds(UUID faxId, String owner) {
        return jdbc.sql("select count(*) from fax_document where id = ? and state = ? and claimed_by = ?")
                .params(faxId, FaxState.RECEIVED.name(), owner).query(Long.class).single() == 1;
    }

    /** Gives a claim up without an outcome (shutting down): any instance may take it at once. */
    public void release(UUID faxId, String owner) {
        jdbc.sql("update fax_document set claimed_by = null, lease_until = null where id = ? and claimed_by = ?")
                .params(faxId, owner).update();
    }

    /** Gives up every claim of {@code owner} on faxes still waiting (stopping): others take them at once. */
    public int releaseAll(String owner) {
        return jdbc.sql("update fax_document set claimed_by = null, lease_until = null where claimed_by = ? "
                        + "and state = ?")
                .params(owner, FaxState.RECEIVED.name()).update();
    }
}
