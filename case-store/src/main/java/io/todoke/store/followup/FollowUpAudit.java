package io.todoke.store.followup;

import io.todoke.store.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Follow-up views and changes in the case's audit log (never updated or deleted), in the caller's transaction. */
@Component
public class FollowUpAudit {

    private final JdbcClient jdbc;

    public FollowUpAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param caseId null for a view of a list (the detail says which)
     * @param field  the status, assignee, ward or record kind changed
     */
    public void record(UUID caseId, String actor, String action, String field, String oldValue, String newValue,
                       String detail) {
        jdbc.sql("""
                        insert into audit_log (case_id, fax_id, actor, action, field, old_value, new_value, detail, at)
                        values (:case, (select fax_id from notification_case where id = :case), :actor, :action,
                                :field, :old, :new, :detail, :at)""")
                .param("case", caseId).param("actor", actor).param("action", action).param("field", field)
                .param("old", oldValue).param("new", newValue).param("detail", detail).param("at", Db.now())
                .update();
    }
}
