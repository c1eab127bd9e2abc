package io.todoke.store.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.store.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Assignment and status changes queued for the webhook in the transaction of the change, so a change is never
 * announced without having happened nor lost when the receiver is down. Nothing is queued when no URL is set.
 * The payload carries ids, status and ward only; the assignee only when configured.
 */
@Component
public class FollowUpEvents {

    public static final String ASSIGNED = "ASSIGNED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
    public static final String TRANSFERRED = "TRANSFERRED";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final FollowUpProperties.Webhook settings;

    public FollowUpEvents(JdbcClient jdbc, FollowUpProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.webhook();
    }

    public void enqueue(String event, FollowUp f, String previousStatus, Instant at) {
        if (!settings.enabled()) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("caseId", f.caseId().toString());
        payload.put("disease", f.disease());
        payload.put("ward", f.ward());
        payload.put("healthCentre", f.healthCentre());
        payload.put("status", f.status());
        payload.put("previousStatus", previousStatus);
        if (settings.includeAssignee()) {
            payload.put("assignee", f.assignee());
        }
        payload.put("at", at.atOffset(java.time.ZoneOffset.UTC).toString());
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var now = Db.now();
        jdbc.sql("insert into follow_up_webhook (case_id, event, payload, next_attempt_at, created_at) values (?, ?, ?, ?, ?)")
                .params(f.caseId(), event, json, now, now).update();
    }
}
