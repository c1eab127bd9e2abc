package io.todoke.search.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.todoke.search.SearchUnavailableException;

class RepeatedFailureLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("repeated-failure-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Instant now = Instant.parse("2026-04-01T00:00:00Z");

    RepeatedFailureLogTest() {
        lines.start();
        logger.addAppender(lines);
    }

    private RepeatedFailureLog failures() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new RepeatedFailureLog(logger, "search index", Duration.ofMinutes(1), clock);
    }

    private static Exception unreachable() {
        return new SearchUnavailableException("Elasticsearch unreachable while indexing",
                new ConnectException("Connection refused"));
    }

    @Test
    void aFailureEverySecondForAMinuteLogsTwoLinesWithACountAndNoStackTrace() {
        RepeatedFailureLog log = failures();
        for (int second = 0; second <= 60; second++) {
            log.failure(unreachable());
            now = now.plusSeconds(1);
        }

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list).allMatch(e -> e.getThrowableProxy() == null);
        assertThat(lines.list.get(0).getFormattedMessage())
                .isEqualTo("search index failed: Elasticsearch unreachable while indexing (ConnectException)");
        assertThat(lines.list.get(1).getFormattedMessage())
                .startsWith("search index failed 60 time(s) in the last 60 s (61 since it last worked)");
        assertThat(log.failures()).isEqualTo(61);
    }

    @Test
    void theRecoveryIsLoggedOnceWithTheTotalAndTheNextOutageIsLoggedAtOnce() {
        RepeatedFailureLog log = failures();
        log.failure(unreachable());
        log.failure(unreachable());
        log.success();
        log.success();
        log.failure("cluster red");

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "search index failed: Elasticsearch unreachable while indexing (ConnectException)",
                "search index works again after 2 failure(s)",
                "search index failed: cluster red");
    }
}
