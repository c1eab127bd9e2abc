package io.todoke.store.cases;

import io.todoke.store.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** Reading cases back: for the index outbox, the reindex and the intake's own checks. */
@Repository
public class CaseStore {

    static final String COLUMNS = "id, fax_id, pages, template_id, template_version, disease, state, fields, review_reasons, "
            + "ward, priority, claimed_by, created_at, confirmed_at, confirmed_by, version";

    private final JdbcClient jdbc;

    public CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<NotificationCase> find(UUID caseId) {
        return jdbc.sql("select " + COLUMNS + " from notification_case where id = ?").param(caseId)
                .query(CaseStore::row).optional();
    }

    public List<NotificationCase> byFax(UUID faxId) {
        return jdbc.sql("select " + COLUMNS + " from notification_case where fax_id = ? order by pages, id")
                .param(faxId).query(CaseStore::row).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from notification_case").query(Long.class).single();
    }

    public long count(CaseState state) {
        return jdbc.sql("select count(*) from notification_case where state = ?").param(state.name())
                .query(Long.class).single();
    }

    /**
     * Every case that belongs in the search index (confirmed, auto-confirmed or indexed), read lazily in pages
     * by id so a reindex of a large database holds one page in memory.
     */
    public Iterable<NotificationCase> indexable(int pageSize) {
        return () -> new Iterator<>() {
            private List<NotificationCase> page = List.of();
            private int at;
            private UUID after;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (at < page.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                page = nextPage(after, pageSize);
                at = 0;
                done = page.size() < pageSize;
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).id();
                }
                return !page.isEmpty();
            }

            @Override
            public NotificationCase next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(at++);
            }
        };
    }

    private List<NotificationCase> nextPage(UUID after, int pageSize) {
        String states = "state in ('" + CaseState.CONFIRMED + "', '" + CaseState.AUTO_CONFIRMED + "', '"
                + CaseState.INDEXED + "')";
        var spec = after == null
                ? jdbc.sql("select " + COLUMNS + " from notification_case where " + states + " order by id fetch first ? rows only")
                        .param(pageSize)
                : jdbc.sql("select " + COLUMNS + " from notification_case where " + states
                                + " and id > ? order by id fetch first ? rows only")
                        .params(after, pageSize);
        return spec.query(CaseStore::row).list();
    }

    static NotificationCase row(ResultSet rs, int n) throws SQLException {
        String state = rs.getString("state");
        return new NotificationCase(Db.uuid(rs, "id"), Db.uuid(rs, "fax_id"), CaseJson.readPages(rs.getString("pages")),
                rs.getString("template_id"), rs.getString("template_version"), rs.getString("disease"),
                CaseState.valueOf(state),
                CaseJson.readFields(rs.getString("fields")), CaseJson.readStrings(rs.getString("review_reasons")),
                rs.getString("ward"), rs.getInt("priority"), rs.getString("claimed_by"),
                Db.instant(rs, "created_at"), Db.instant(rs, "confirmed_at"), rs.getString("confirmed_by"),
                rs.getLong("version"));
    }
}
