package io.todoke.store.followup;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The follow-up values a case's search document carries (keys {@code followup_*}): the status and where the patient
 * stays as codes (for filters) and labels (for pages, facets and exports), the assignee, the ward following it up.
 */
@Component
public class FollowUpFacts {

    private final FollowUpService followUps;

    public FollowUpFacts(FollowUpService followUps) {
        this.followUps = followUps;
    }

    /** Empty for a case without a follow-up. */
    public Map<String, Object> of(UUID caseId) {
        Map<String, Object> out = new LinkedHashMap<>();
        followUps.holding(caseId).ifPresent(f -> {
            FollowUpForm form = followUps.form(f);
            out.put("followup_status", f.status());
            out.put("followup_status_label", form.statusLabel(f.status()));
            put(out, "followup_ward", f.ward());
            put(out, "followup_assignee", f.assignee());
            put(out, "followup_stay", f.stay());
            if (f.stay() != null && form.stayField() != null) {
                form.interview().stream().filter(d -> d.key().equals(form.stayField())).findFirst()
                        .ifPresent(d -> out.put("followup_stay_label", d.optionLabel(f.stay())));
            }
            if (f.observationUntil() != null) {
                out.put("followup_observation_until", f.observationUntil().toString());
            }
        });
        return out;
    }

    private static void put(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
