package io.todoke.store.backlog;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The review backlog at one moment: what waits, what is still being read, and how fast clerks confirm.
 *
 * @param waitingByPriority cases awaiting review by {@link io.todoke.store.cases.CasePriority} (every priority present)
 * @param beingRead         faxes received and not read yet
 * @param oldestWaiting     when the oldest case awaiting review was created, or null when none waits
 * @param confirmedByHour   clerk confirmations today by hour of the day (0–23, in the given zone), hours without one left out
 * @param confirmedByClerk  clerk confirmations today by clerk (login id), most first
 * @param confirmedInPace   clerk confirmations in the last {@link BacklogQueries#PACE_WINDOW}
 * @param at                when it was taken
 */
public record Backlog(
        Map<Integer, Long> waitingByPriority,
        long beingRead,
        Instant oldestWaiting,
        Map<Integer, Long> confirmedByHour,
        Map<String, Long> confirmedByClerk,
        long confirmedInPace,
        Instant at) {

    public long waiting() {
        return waitingByPriority.values().stream().mapToLong(Long::longValue).sum();
    }

    public long confirmedToday() {
        return confirmedByClerk.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How long the oldest case has waited, or null when none waits. */
    public Duration oldestWait() {
        return oldestWaiting == null ? null : Duration.between(oldestWaiting, at);
    }

    /** Confirmations per hour at the current pace (over the pace window). */
    public double pacePerHour() {
        return confirmedInPace * 3600.0 / BacklogQueries.PACE_WINDOW.toSeconds();
    }

    /** Time to clear what waits now at the current pace; null without a pace; zero when nothing waits. */
    public Duration timeToClear() {
        if (waiting() == 0) {
            return Duration.ZERO;
        }
        if (confirmedInPace == 0) {
            return null;
        }
        return Duration.ofSeconds(Math.round(waiting() * 3600.0 / pacePerHour()));
    }
}
