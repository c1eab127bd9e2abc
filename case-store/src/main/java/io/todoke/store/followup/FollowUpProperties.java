package io.todoke.store.followup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The follow-up's settings under {@code todoke.followup}.
 *
 * @param configDir          where the per-disease definitions are ({@code <disease>.json}, {@code default.json})
 * @param firstContactWithin a case still in its first status longer than this after assignment is listed as
 *                           「初回連絡なし」
 * @param webhook            notifications out on assignment and status change (off by default)
 * @param handoffFont        the TrueType font the hand-off PDF is written in (Debian's fonts-ipaexfont-gothic)
 */
@ConfigurationProperties("todoke.followup")
public record FollowUpProperties(
        @DefaultValue("config/followup") String configDir,
        @DefaultValue("24h") Duration firstContactWithin,
        @DefaultValue Webhook webhook,
        @DefaultValue("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf") String handoffFont) {

    /**
     * @param urls          where each event is POSTed as JSON; empty: no webhook
     * @param includeAssignee also send the assignee's user name (otherwise ids, status and ward only)
     * @param timeout       per request
     * @param firstDelay    back-off after the first failure, doubled after each further one
     * @param maxDelay      back-off cap
     * @param interval      how often due notifications are sent
     */
    public record Webhook(List<String> urls, @DefaultValue("false") boolean includeAssignee,
                          @DefaultValue("10s") Duration timeout, @DefaultValue("5s") Duration firstDelay,
                          @DefaultValue("30m") Duration maxDelay, @DefaultValue("5s") Duration interval) {
        public Webhook {
            urls = urls == null ? List.of() : List.copyOf(urls);
        }

        public boolean enabled() {
            return !urls.isEmpty();
        }
    }
}
