package io.todoke.search.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;

/**
 * One log line per interval for a failure that repeats (a search cluster that stays down, a probe that keeps
 * failing): the first failure is logged at once, later ones are counted and logged as one line with the count
 * once the interval has passed, and the recovery is logged with the total. Never a stack trace: the cause's
 * message says what is wrong, and the same trace a second fills the log without saying more.
 */
public final class RepeatedFailureLog {

    private final Logger log;
    private final String what;
    private final Duration interval;
    private final Clock clock;
    private Instant lastLogged;
    private long sinceLastLine;
    private long total;

    public RepeatedFailureLog(Logger log, String what, Duration interval) {
        this(log, what, interval, Clock.systemUTC());
    }

    RepeatedFailureLog(Logger log, String what, Duration interval, Clock clock) {
        this.log = Objects.requireNonNull(log);
        this.what = what;
        this.interval = interval;
        this.clock = clock;
    }

    /** Records one failure; logs it if it is the first or the interval since the last line has passed. */
    public synchronized void failure(Object cause) {
        total++;
        sinceLastLine++;
        Instant now = clock.instant();
        if (lastLogged == null) {
            log.warn("{} failed: {}", what, describe(cause));
        } else if (!now.isBefore(lastLogged.plus(interval))) {
            log.warn("{} failed {} time(s) in the last {} s ({} since it last worked); last: {}", what, sinceLastLine,
                    Duration.between(lastLogged, now).toSeconds(), total, describe(cause));
        } else {
            return;
        }
        lastLogged = now;
        sinceLastLine = 0;
    }

    /** Records a success; logs the recovery once after failures. */
    public synchronized void success() {
        if (total > 0) {
            log.info("{} works again after {} failure(s)", what, total);
        }
        total = 0;
        sinceLastLine = 0;
        lastLogged = null;
    }

    /** Failures since the last success. */
    public synchronized long failures() {
        return total;
    }

    private static String describe(Object cause) {
        if (cause instanceof Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return root == t ? message : message + " (" + root.getClass().getSimpleName() + ")";
        }
        return String.valueOf(cause);
    }
}
